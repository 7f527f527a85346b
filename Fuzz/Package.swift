// swift-tools-version:6.1
// The libFuzzer target for the config loader. ConfigLoader needs Yams (which has a C part), so it is
// built with SwiftPM against the parent package's ReportModel library (and its Yams); Fuzz/run.sh adds the sanitizers.
import PackageDescription

let package = Package(
    name: "fidelis-report-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "fidelis-report", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzConfigLoader",
            dependencies: [.product(name: "ReportModel", package: "fidelis-report")],
            path: "FuzzConfigLoader"
        ),
    ]
)
