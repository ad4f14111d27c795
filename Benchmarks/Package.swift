// swift-tools-version: 6.2
// The benchmarks live in their own package so that `swift build` and CI never build
// package-benchmark; `scripts/bench-vs-peers` builds and runs them.
import Foundation
import PackageDescription

// A path dependency is named after its folder, which is whatever the checkout is called.
let cordon = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "CordonBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "CordonFixtures",
            dependencies: [
                .product(name: "CordonCore", package: cordon),
                .product(name: "CordonStore", package: cordon),
            ]
        ),
        .executableTarget(
            name: "cordon-fixture",
            dependencies: [
                "CordonFixtures",
                .product(name: "CordonCore", package: cordon),
                .product(name: "CordonStore", package: cordon),
            ]
        ),
        .executableTarget(
            name: "CordonBenchmarks",
            dependencies: [
                "CordonFixtures",
                .product(name: "CordonCore", package: cordon),
                .product(name: "CordonStore", package: cordon),
                .product(name: "CordonTUI", package: cordon),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CordonBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

for target in package.targets {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .treatAllWarnings(as: .error),
    ]
}
