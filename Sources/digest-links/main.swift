import DigestLinkCheck
import Foundation

let status = await LinkCheckCommand.standard.run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(status)
