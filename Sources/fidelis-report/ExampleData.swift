import Foundation
import ReportRender

/// The example snapshots shipped in the repository (`Examples/snapshots`), made by `fidelis-report sample`:
/// `$FIDELIS_EXAMPLES`, else `Examples/snapshots` here, installed, or in the source tree.
enum ExampleData {
    static var directory: String {
        if let env = ProcessInfo.processInfo.environment["FIDELIS_EXAMPLES"], !env.isEmpty { return env }
        let local = "Examples/snapshots"
        if FileManager.default.fileExists(atPath: local) { return local }
        // An installed binary's (`share/fidelis-report/Examples`), before the source tree it was built in.
        if let installed = TemplateSet.installedPath("Examples/snapshots") { return installed }
        return TemplateSet.sourceTreePath("Examples/snapshots")
    }
}
