import Foundation

/// The folders a run is about to create to hold its output, noted before it writes, so that a run
/// that fails or is interrupted can take them away again (`SiteLock`, `init`, `sample`).
public enum MissingFolders {
    /// `path` and its missing parents, outermost first: what `mkdir -p path` would create.
    public static func of(_ path: String) -> [String] {
        var missing: [String] = []
        var folder = path
        while !folder.isEmpty && folder != "/" && !FileManager.default.fileExists(atPath: folder) {
            missing.insert(folder, at: 0)
            folder = PathParent.of(folder)
        }
        return missing
    }
}
