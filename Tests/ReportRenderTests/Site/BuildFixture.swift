import Foundation
import ReportModel
@testable import ReportRender

/// Temporary folders and small inputs for build tests.
struct BuildFixture {
    let root: String

    init() {
        root = NSTemporaryDirectory() + "fidelis-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    func write(_ text: String, to relative: String) {
        let full = path(relative)
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    /// Writes generated sample snapshots into `relative`.
    func sample(_ relative: String, customers: Int = 300, months: Int = 4, seed: UInt64 = 7) {
        try! SampleGenerator.writeSnapshots(to: URL(fileURLWithPath: path(relative)), settings: SampleSettings(customers: customers, months: months, seed: seed))
    }

    func build(_ input: String, out: String = "site", locale: ReportLocale = .en, config: ReportConfig = ReportConfig()) throws(BuildFailure) -> ReportBuilder.Result {
        var c = config
        c.locale = locale
        return try ReportBuilder.build(BuildOptions(input: .snapshots(path(input)), output: path(out), config: c))
    }

    /// Every file of a folder (relative path → bytes).
    func tree(_ relative: String) -> [String: Data] {
        BuildFixture.files(under: path(relative))
    }

    /// Every file under an absolute path (relative path → bytes).
    static func files(under base: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let p as String in e {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + "/" + p, isDirectory: &isDir)
            if !isDir.boolValue { out[p] = FileManager.default.contents(atPath: base + "/" + p) }
        }
        return out
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
