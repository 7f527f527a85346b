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

    @Test func ciScriptInstallsCmarkAndRunsTheReadmeTestCommand() throws {
        let ci = try text(".ci/run")
        #expect(ci.contains("apt-get install") && ci.contains("libcmark-gfm-extensions-dev"))
        #expect(ci.contains("swift test"))
        let readme = try text("README.md")
        #expect(readme.contains("swift run fidelis-report build"))
        #expect(readme.contains("swift test"))
    }
}
