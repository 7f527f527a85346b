// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "fidelis-report",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fidelis-report", targets: ["fidelis-report"]),
        .library(name: "ReportModel", targets: ["ReportModel"]),
        .library(name: "ReportRender", targets: ["ReportRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        /// libcmark-gfm and its extensions, from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        /// Atomic directory exchange (Linux renameat2 RENAME_EXCHANGE) for the site swap.
        .target(name: "CFileSwap"),
        /// The running program's GNU build id (glibc dl_iterate_phdr), the build cache's fingerprint of the tool.
        .target(name: "CExecutableID"),
        /// The C allocator's threshold for mapping large allocations (glibc mallopt), set by the CLI.
        .target(name: "CMallocPolicy"),
        .target(
            name: "ReportModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "ReportRender",
            dependencies: [
                "ReportModel", "CCmarkGFM", "CFileSwap", "CExecutableID",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "fidelis-report",
            dependencies: [
                "ReportModel", "ReportRender", "CMallocPolicy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// What both test targets share: their deterministic random number generator.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportRenderTests", dependencies: ["ReportRender", "ReportModel", "TestSupport", .product(name: "Yams", package: "Yams")], exclude: ["Expected"]),
    ]
)
