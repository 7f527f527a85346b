import Foundation
import Testing
import Yams

/// The monthly workflow is valid YAML, uses real actions and runs the README's commands.
@Suite struct WorkflowTests {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    @Test func workflowIsValidAndMatchesTheReadme() throws {
        let yaml = try text(".github/workflows/monthly-report.yml")
        let doc = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let on = try #require(doc["on"] as? [String: Any])
        #expect(on["schedule"] != nil && on.keys.contains("workflow_dispatch"))
        let jobs = try #require(doc["jobs"] as? [String: Any])
        let job = try #require(jobs["report"] as? [String: Any])
        let steps = try #require(job["steps"] as? [[String: Any]])
        let uses = steps.compactMap { $0["uses"] as? String }
        for action in ["actions/checkout@v4", "actions/upload-artifact@v4", "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4"] {
            #expect(uses.contains(action))
        }
        // A re-run of the job deploys its own Pages artifact (one name per attempt, on both steps).
        func with(_ action: String) -> [String: Any]? { steps.first { $0["uses"] as? String == action }?["with"] as? [String: Any] }
        #expect(with("actions/upload-pages-artifact@v3")?["name"] as? String == "github-pages-${{ github.run_attempt }}")
        #expect(with("actions/deploy-pages@v4")?["artifact_name"] as? String == "github-pages-${{ github.run_attempt }}")
        let runs = steps.compactMap { $0["run"] as? String }.joined(separator: "\n")
        #expect(runs.contains("apt-get install -y libcmark-gfm-dev libcmark-gfm-extensions-dev"))
        #expect(runs.contains("swift build -c release"))
        let readme = try text("README.md")
        for command in [
            "fidelis-report validate --snapshots data/snapshots --config fidelis.yml",
            "fidelis-report build --snapshots data/snapshots --config fidelis.yml --out site --fail-on \"$FAIL_ON\"",
        ] {
            #expect(runs.contains(command), "workflow lacks \(command)")
            #expect(readme.contains(command), "README lacks \(command)")
        }
    }

    /// The step that collects the deliverables, run as the workflow runs it: it takes the snapshot
    /// with the latest as-of date (2026-10, as of the 31st, not 2026-10-15, whose name sorts after
    /// it), its Markdown and the two CSVs its pages refer to, and names the period for the artifact.
    @Test func theDeliverablesStepTakesTheLatestSnapshot() throws {
        let yaml = try text(".github/workflows/monthly-report.yml")
        let doc = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let steps = try #require(((doc["jobs"] as? [String: Any])?["report"] as? [String: Any])?["steps"] as? [[String: Any]])
        let script = try #require(steps.first { $0["id"] as? String == "deliverables" }?["run"] as? String)
        let upload = try #require(steps.first { ($0["with"] as? [String: Any])?["name"] as? String == "retention-deliverables-${{ steps.deliverables.outputs.period }}" })
        #expect((upload["with"] as? [String: Any])?["path"] as? String == "deliverables/")
        #expect((upload["with"] as? [String: Any])?["overwrite"] as? Bool == true)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fidelis-workflow-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (folder, asOf) in [("2026-09", "2026-09-30"), ("2026-10", "2026-10-31"), ("2026-10-15", "2026-10-15")] {
            try FileManager.default.createDirectory(atPath: "\(dir)/site/\(folder)", withIntermediateDirectories: true)
            try "{\n  \"period\": \"\(folder)\",\n  \"as_of\": \"\(asOf)\"\n}\n".write(toFile: "\(dir)/site/\(folder)/metrics.json", atomically: false, encoding: .utf8)
            for name in ["diagnostic.md", "strategy.md", "segments.csv", "escalations.csv", "index.html"] {
                try folder.write(toFile: "\(dir)/site/\(folder)/\(name)", atomically: false, encoding: .utf8)
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-e", "-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        process.environment = ["PATH": "/usr/bin:/bin", "GITHUB_OUTPUT": "\(dir)/output"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/deliverables") == ["2026-10"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/deliverables/2026-10").sorted() == ["diagnostic.md", "escalations.csv", "segments.csv", "strategy.md"])
        #expect(try String(contentsOfFile: "\(dir)/deliverables/2026-10/segments.csv", encoding: .utf8) == "2026-10")
        #expect(try String(contentsOfFile: "\(dir)/output", encoding: .utf8) == "period=2026-10\n")
    }

    @Test func ciScriptInstallsCmarkAndRunsTheReadmeTestCommand() throws {
        let ci = try text(".ci/run")
        #expect(ci.contains("apt-get install") && ci.contains("libcmark-gfm-extensions-dev"))
        #expect(ci.contains("swift test"))
        let readme = try text("README.md")
        #expect(readme.contains("swift run fidelis-report build"))
        #expect(readme.contains("swift test"))
    }
}
