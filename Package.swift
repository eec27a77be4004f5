// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "digest",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "digest", targets: ["digest"]),
        .executable(name: "digest-links", targets: ["digest-links"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(name: "DigestCore", dependencies: ["CSQLite"]),
        .target(name: "DigestCLI", dependencies: ["DigestCore"]),
        .executableTarget(name: "digest", dependencies: ["DigestCLI"]),
        // The link checker is its own program so that `digest` never links
        // FoundationNetworking (libcurl), which would slow every command's start-up.
        .target(name: "DigestLinkCheck"),
        .executableTarget(name: "digest-links", dependencies: ["DigestLinkCheck"]),
        .testTarget(name: "DigestCoreTests", dependencies: ["DigestCore"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "DigestCLITests", dependencies: ["DigestCLI", "DigestCore"], exclude: ["Fixtures"]),
        .testTarget(name: "DigestLinkCheckTests", dependencies: ["DigestLinkCheck"], exclude: ["Fixtures"]),
    ]
)
