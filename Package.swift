// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "digest",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "digest", targets: ["digest"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(name: "DigestCore", dependencies: ["CSQLite"]),
        .target(name: "DigestCLI", dependencies: ["DigestCore"]),
        .executableTarget(name: "digest", dependencies: ["DigestCLI"]),
        .testTarget(name: "DigestCoreTests", dependencies: ["DigestCore"]),
        .testTarget(name: "DigestCLITests", dependencies: ["DigestCLI", "DigestCore"]),
    ]
)
