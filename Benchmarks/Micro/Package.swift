// swift-tools-version:6.1
// Micro-benchmarks of QRCore with ordo-one's package-benchmark (wall clock,
// instructions, allocations), in a package of their own so that the root
// package builds without the benchmark tooling. See README.md beside this file.
import PackageDescription

let package = Package(
    name: "QRCoreMicro",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "QRCore", path: "../.."),
        // MallocInterposer counts allocations; naming the trait leaves the default
        // RuntimeInterposer (and its extra package) out.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "QRCoreMicro",
            dependencies: [
                .product(name: "QRCore", package: "QRCore"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/QRCoreMicro",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
