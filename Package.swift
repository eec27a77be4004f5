// swift-tools-version: 6.0
import PackageDescription

/// Where `-lstdc++` finds the linker script that names the static archive (see `digest`'s target).
let staticCxx = Context.packageDirectory + "/Sources/digest/link"

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
        .target(name: "DigestCore", dependencies: ["CSQLite", "JSONString"]),
        .target(name: "DigestCLI", dependencies: ["DigestCore", "DigestLinkOptions"]),
        // Linked by lld with packed relative relocations (glibc 2.36+): the
        // 73,000 pointers the loader fixes at every start take 14 KB instead
        // of 1.8 MB, and the program is that much smaller. libstdc++ is
        // linked in from its archive (`link/libstdc++.so` is a linker script
        // that names it): loading the shared library, its relocations and its
        // start-up code were a third of the instructions of `digest --version`.
        .executableTarget(name: "digest", dependencies: ["DigestCLI"], exclude: ["link"],
                          linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                                                         "-L", staticCxx],
                                                        .when(platforms: [.linux]))]),
        // The link checker is its own program so that `digest` never links
        // FoundationNetworking (libcurl), which would slow every command's start-up.
        // Its options and their rules, shared with `digest check-links` so both
        // refuse the same values; no networking in it.
        .target(name: "DigestLinkOptions"),
        .target(name: "DigestLinkCheck", dependencies: ["DigestLinkOptions", "JSONString"]),
        .executableTarget(name: "digest-links", dependencies: ["DigestLinkCheck"]),
        // Pages and feeds are read by a program of their own too, sharing the
        // link checker's HTTP layer; FoundationXML (feeds, OPML) stays out of `digest`.
        .target(name: "DigestFetch", dependencies: ["DigestLinkCheck"]),
        .executableTarget(name: "digest-fetch", dependencies: ["DigestFetch"]),
        .testTarget(name: "DigestCoreTests", dependencies: ["DigestCore", "JSONString"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "DigestCLITests", dependencies: ["DigestCLI", "DigestCore"], exclude: ["Fixtures"]),
        // Also tests DigestFetch: both use the same fixture server.
        .testTarget(name: "DigestLinkCheckTests", dependencies: ["DigestLinkCheck", "DigestLinkOptions", "DigestFetch", "JSONString"],
                    exclude: ["Fixtures"]),
    ]
)
