// swift-tools-version:6.0
import PackageDescription

// Start-up (issue 13, docs/benchmarks.md): the release binary is linked position-dependent
// (ld.so no longer applies 120 000 relative relocations, nor copies the pages they touch),
// without exporting its 34 000 symbols to the dynamic table (the Swift runtime's dladdr at
// start-up searched them all), and with libgcc and libstdc++ linked in (`make release` puts
// libstdc++.a alone in .build/static-libs, so the loader binds none of their symbols).
let releaseLinking: [LinkerSetting] = [
    .unsafeFlags(["-Xlinker", "--no-export-dynamic", "-Xclang-linker", "-no-pie", "-Xclang-linker", "-static-libgcc",
                  "-L", Context.packageDirectory + "/.build/static-libs"], .when(configuration: .release)),
]

let package = Package(
    name: "PlanTrack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plantrack", targets: ["plantrack"]),
        .library(name: "PlanKit", targets: ["PlanKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // AWSKit names NIO's types (ByteBuffer, TLS roots for a CA bundle) that AsyncHTTPClient brings.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "PlanKit"),
        .target(
            name: "AWSKit",
            dependencies: [
                "PlanKit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(name: "Evidence", dependencies: ["PlanKit", "AWSKit", "Yams"]),
        .target(name: "Dashboard", dependencies: ["PlanKit", "Evidence", "Yams"]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "PlanKit", "Dashboard"]),
        .target(name: "GitHistory", dependencies: ["PlanKit"]),
        .target(name: "CBuildInfo"),
        .target(name: "DashboardLoop", dependencies: ["Dashboard", "PlanKit", "Evidence", "AWSKit"]),
        .executableTarget(
            name: "plantrack",
            dependencies: [
                "PlanKit", "AWSKit", "Evidence", "Dashboard", "DashboardLoop", "CursesTerminal", "GitHistory",
                "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: releaseLinking
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PlanKitTests", dependencies: ["PlanKit", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AWSKitTests", dependencies: ["AWSKit", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EvidenceTests", dependencies: ["Evidence", "PlanKit", "AWSKit", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "PlanKit", "TestSupport"]),
        .testTarget(name: "DashboardLoopTests", dependencies: ["DashboardLoop", "Dashboard", "Evidence", "PlanKit", "TestSupport"]),
        .testTarget(name: "GitHistoryTests", dependencies: ["GitHistory", "PlanKit", "TestSupport"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CNcursesw", "Dashboard"]),
    ]
)
