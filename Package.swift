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
        // Running another program to completion: one mechanism for digest
        // (the mail command, its companions) and the companions (their children).
        .target(name: "ChildProcess"),
        .target(name: "DigestCore", dependencies: ["CSQLite", "JSONString", "ChildProcess"]),
        .target(name: "DigestCLI", dependencies: ["DigestCore", "DigestLinkOptions", "ChildProcess", "FetchMessages"]),
        // What digest and digest-fetch say to each other: one set of types, one encoding.
        .target(name: "FetchMessages"),
        // A plain build works on any Linux with Swift 6 and on macOS; the
        // linking that makes digest start faster on recent toolchains is in
        // scripts/install, measured and switchable.
        .executableTarget(name: "digest", dependencies: ["DigestCLI"]),
        // The link checker is its own program so that `digest` never links
        // FoundationNetworking (libcurl), which would slow every command's start-up.
        // Its options and their rules, shared with `digest check-links` so both
        // refuse the same values; no networking in it.
        .target(name: "DigestLinkOptions"),
        .target(name: "DigestLinkCheck", dependencies: ["DigestLinkOptions", "JSONString", "ChildProcess"]),
        .executableTarget(name: "digest-links", dependencies: ["DigestLinkCheck"]),
        // Pages and feeds are read by a program of their own too, sharing the
        // link checker's HTTP layer; FoundationXML (feeds, OPML) stays out of `digest`.
        .target(name: "DigestFetch", dependencies: ["DigestLinkCheck", "FetchMessages"]),
        .executableTarget(name: "digest-fetch", dependencies: ["DigestFetch"]),
        .testTarget(name: "DigestCoreTests", dependencies: ["DigestCore", "JSONString"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "DigestCLITests", dependencies: ["DigestCLI", "DigestCore"], exclude: ["Fixtures"]),
        // Also tests DigestFetch: both use the same fixture server.
        .testTarget(name: "DigestLinkCheckTests", dependencies: ["DigestLinkCheck", "DigestLinkOptions", "DigestFetch", "JSONString"],
                    exclude: ["Fixtures"]),
    ]
)
