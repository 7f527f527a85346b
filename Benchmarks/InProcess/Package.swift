// swift-tools-version:6.1
import PackageDescription

/// In-process benchmarks of fidelis-report's library (ordo-one/benchmark): the parse of snapshot
/// files and of a ledger, and the predictive-value fit, with their time, CPU, allocations and peak
/// memory. A package of its own so that the tool's build and `swift test` never build the
/// benchmark framework. Run from this folder: `swift package benchmark` (see the README).
let package = Package(
    name: "fidelis-report-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "fidelis-report", path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ReportBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ReportModel", package: "fidelis-report"),
                .product(name: "ReportRender", package: "fidelis-report"),
            ],
            path: "Benchmarks/ReportBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
