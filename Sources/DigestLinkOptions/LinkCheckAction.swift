/// What the command line asks for. Parsing and validation happen here,
/// before anything is read or checked.
package enum LinkCheckAction: Equatable, Sendable {
    case help
    case version
    case check(LinkCheckOptions)
    /// `--isolated`: check the one link on standard input in this process;
    /// how `digest-links` runs each link in a child of its own.
    case checkIsolated(LinkCheckOptions)

    private static let secondsExpected = "a number of seconds greater than 0, such as 10 or 2.5"

    package static func parse(_ arguments: [String]) throws(LinkCheckError) -> LinkCheckAction {
        var options = LinkCheckOptions()
        var isolated = false
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            // `--timeout=5` is accepted as well as `--timeout 5`.
            let (name, attached) = split(argument)
            func value(_ expected: String) throws(LinkCheckError) -> String {
                if let attached { return attached }
                guard let next = remaining.popFirst() else {
                    throw .missingValue(option: name, expected: expected)
                }
                return next
            }
            switch name {
            case "-h", "--help":
                return .help
            case "--version":
                return .version
            case "--allow-private":
                guard attached == nil else { throw .unexpectedArgument(argument) }
                options.allowPrivate = true
            case "--isolated":
                guard attached == nil else { throw .unexpectedArgument(argument) }
                isolated = true
            case "--timeout":
                options.timeout = try seconds(value(secondsExpected), option: name)
            case "--deadline":
                options.deadline = try seconds(value(secondsExpected), option: name)
            case "--concurrency":
                options.concurrency = try whole(
                    value(wholeExpected(LinkCheckOptions.concurrencyRange)),
                    in: LinkCheckOptions.concurrencyRange, option: name
                )
            case "--max-redirects":
                options.maxRedirects = try whole(
                    value(wholeExpected(LinkCheckOptions.maxRedirectsRange)),
                    in: LinkCheckOptions.maxRedirectsRange, option: name
                )
            default:
                if argument.hasPrefix("-") && argument != "-" { throw .unknownOption(name) }
                throw .unexpectedArgument(argument)
            }
        }
        return isolated ? .checkIsolated(options) : .check(options)
    }

    private static func split(_ argument: String) -> (name: String, value: String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private static func seconds(_ text: String, option: String) throws(LinkCheckError) -> Double {
        guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 86_400 else {
            throw .invalidValue(option: option, value: text, expected: secondsExpected)
        }
        return seconds
    }

    private static func whole(_ text: String, in range: ClosedRange<Int>, option: String) throws(LinkCheckError) -> Int {
        guard let number = Int(text), range.contains(number) else {
            throw .invalidValue(option: option, value: text, expected: wholeExpected(range))
        }
        return number
    }

    private static func wholeExpected(_ range: ClosedRange<Int>) -> String {
        "a whole number from \(range.lowerBound) to \(range.upperBound)"
    }
}
