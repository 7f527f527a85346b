import Foundation

/// The example snapshots shipped in the repository (`Examples/snapshots`), made by `fidelis-report sample`.
enum ExampleData {
    static var directory: String {
        if let env = ProcessInfo.processInfo.environment["FIDELIS_EXAMPLES"], !env.isEmpty { return env }
        let local = "Examples/snapshots"
        if FileManager.default.fileExists(atPath: local) { return local }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/snapshots").path
    }
}
