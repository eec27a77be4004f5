// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "digest",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "digest", targets: ["digest"]),
        .executable(name: "digest-links", targets: ["digest-links"]),
        .executable(name: "digest-fetch", targets: ["digest-fetch"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // JSON string literals for both programs; Foundation-free, so the link
        // checker can share it without linking DigestCore.
        .target(name: "JSONString"),
        // The one HTML tokenizer, on bytes: the rule set reads renders with
        // it and digest-fetch reads pages with it.
        .target(name: "HTMLScanning"),
        // "Did you mean …?": the nearest of a few known words.
        .target(name: "EditDistance"),
        // The command line of all three programs: options declared once in
        // each command's specification, one parser, one help layout.
        .target(name: "CommandLineParsing", dependencies: ["EditDistance"]),
        // Running another program to completion: one mechanism for digest
        // (the mail command, its companions) and the companions (their children).
        .target(name: "ChildProcess"),
        // The layers of digest, each a target so that the compiler keeps the
        // arrows pointing one way: storage ← model ← rendering ← workflow ← CLI.
        //
        // The SQLite wrapper and the whole schema with its migrations.
        .target(name: "DigestStorage", dependencies: ["CSQLite"]),
        // What an issue is and the rules it obeys: the model, validation,
        // settings, JSON, and the small tools they share.
        .target(name: "DigestModel", dependencies: ["JSONString", "EditDistance"]),
        // Templates, escaping, email, the one HTML rule set, editions and the
        // archive site: from an issue to bytes, with no database.
        .target(name: "DigestRendering", dependencies: ["DigestModel", "HTMLScanning", "JSONString"]),
        // The store: revisions, roles and four-eyes, publishing, import and
        // dump, intake, sends.
        .target(name: "DigestWorkflow", dependencies: ["DigestStorage", "DigestModel", "DigestRendering", "ChildProcess"]),
        .target(name: "DigestCLI", dependencies: ["CommandLineParsing", "DigestStorage", "DigestModel", "DigestRendering", "DigestWorkflow", "DigestLinkOptions", "ChildProcess", "ProgramMessages"]),
        // What digest and digest-fetch say to each other: one set of types, one encoding.
        .target(name: "ProgramMessages"),
        // A plain build works on any Linux with Swift 6 and on macOS; the
        // linking that makes digest start faster on recent toolchains is in
        // scripts/install, measured and switchable.
        .executableTarget(name: "digest", dependencies: ["DigestCLI"]),
        // The link checker is its own program so that `digest` never links
        // FoundationNetworking (libcurl), which would slow every command's start-up.
        // Its options and their rules, shared with `digest check-links` so both
        // refuse the same values; no networking in it.
        .target(name: "DigestLinkOptions", dependencies: ["CommandLineParsing"]),
        // The web, for the two programs that go out to it: HTTP through
        // URLSession, the address policy, the egress proxy that enforces it,
        // and the child process each page, feed and link is read in.
        .target(name: "DigestHTTP", dependencies: ["ChildProcess"]),
        .target(name: "DigestLinkCheck", dependencies: ["DigestHTTP", "CommandLineParsing", "DigestLinkOptions", "ProgramMessages", "JSONString"]),
        .executableTarget(name: "digest-links", dependencies: ["DigestLinkCheck"]),
        // Pages and feeds are read by a program of their own too, sharing the
        // link checker's HTTP layer; FoundationXML (feeds, OPML) stays out of `digest`.
        .target(name: "DigestFetch", dependencies: ["HTMLScanning", "DigestHTTP", "CommandLineParsing", "ProgramMessages"]),
        .executableTarget(name: "digest-fetch", dependencies: ["DigestFetch"]),
        .testTarget(name: "DigestCoreTests", dependencies: ["HTMLScanning", "DigestStorage", "DigestModel", "DigestRendering", "DigestWorkflow", "JSONString", "EditDistance"],
                    exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "DigestCLITests", dependencies: ["DigestCLI", "DigestWorkflow", "CommandLineParsing", "EditDistance"], exclude: ["Fixtures"]),
        // Also tests DigestFetch: both use the same fixture server.
        .testTarget(name: "DigestLinkCheckTests", dependencies: ["HTMLScanning", "DigestHTTP", "DigestLinkCheck", "DigestLinkOptions", "DigestFetch", "JSONString", "CommandLineParsing", "ProgramMessages"],
                    exclude: ["Fixtures"]),
    ]
)
