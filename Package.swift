// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Cordon",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cordon", targets: ["cordon"]),
        // For the benchmarks package under Benchmarks/, which builds on these.
        .library(name: "CordonCore", targets: ["CordonCore"]),
        .library(name: "CordonStore", targets: ["CordonStore"]),
        .library(name: "CordonTUI", targets: ["CordonTUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
    ],
    targets: [
        // Found through the module map's `link "ncursesw"` rather than pkg-config: SwiftPM drops
        // pkg-config's -D_XOPEN_SOURCE flags with a warning on every build, and the shim header
        // defines what they would. Debian's libncursesw.so already pulls in libtinfo.
        .systemLibrary(name: "CNcursesw"),
        .target(name: "CordonCore"),
        .target(
            name: "CordonStore",
            dependencies: [
                "CordonCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "CordonReport",
            dependencies: [
                "CordonCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "CordonTUI", dependencies: ["CordonCore", "CNcursesw"]),
        .executableTarget(
            name: "cordon",
            dependencies: [
                "CordonCore",
                "CordonStore",
                "CordonReport",
                "CordonTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "CordonTestSupport", dependencies: ["CordonCore", "CordonStore"], path: "Tests/CordonTestSupport"),
        .testTarget(name: "CordonCoreTests", dependencies: ["CordonCore", "CordonTestSupport"]),
        .testTarget(name: "CordonStoreTests", dependencies: ["CordonCore", "CordonStore", "CordonTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "CordonReportTests", dependencies: ["CordonCore", "CordonStore", "CordonReport", "CordonTestSupport"]),
        .testTarget(name: "CordonCLITests", dependencies: ["CordonCore", "CordonStore", "CordonTestSupport"]),
        .testTarget(
            name: "CordonTUITests",
            dependencies: ["CordonCore", "CordonStore", "CordonTUI", "CordonTestSupport"],
            exclude: ["Snapshots"]
        ),
    ]
)

// One place for the compiler settings every target of ours shares.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .treatAllWarnings(as: .error),
    ]
}
