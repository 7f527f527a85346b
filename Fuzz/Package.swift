// swift-tools-version:6.1
// The libFuzzer targets that need the parent package's libraries: the config loader (ReportModel and
// its Yams, which has a C part) and the Markdown escape (ReportRender and libcmark-gfm), built with
// SwiftPM; Fuzz/run.sh adds the sanitizers.
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
        .executableTarget(
            name: "FuzzMarkdownEscape",
            dependencies: [.product(name: "ReportRender", package: "fidelis-report")],
            path: "FuzzMarkdownEscape"
        ),
    ]
)
