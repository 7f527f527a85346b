import Foundation
import ReportModel

/// `init --update`: brings a template folder `init` wrote up to date with the tool's own templates,
/// as a package manager treats edited config files. A copy nobody edited is replaced by the new
/// text; an edited one is left as it is, with the new text written beside it as `NAME.new` to compare
/// and merge; a file the tool has gained since is added; a file the team deleted stays deleted.
/// The record (`TemplateCopyRecord`) then names the new texts, so the build's warnings stop.
///
/// Planned first (`init(folder:builtIn:)`), then written (`apply`), each file whole; a run cut
/// short leaves copies that are either old or new, and running it again finishes the work (a copy
/// equal to the tool's text is current whatever the record says).
public struct TemplateFolderUpdate: Sendable {
    public let folder: String
    public let builtIn: String
    /// Copies nobody edited, replaced by the tool's text (relative paths, sorted).
    public private(set) var replaced: [String] = []
    /// Files the tool has that the folder lacks and its record does not name: added.
    public private(set) var added: [String] = []
    /// Edited copies whose tool text changed (or whose folder has no record): the text goes beside.
    public private(set) var beside: [String] = []
    /// Those of `beside` whose `NAME.new` was there already (from an earlier update): replaced.
    public private(set) var besideReplaced: [String] = []
    /// Copies that are the tool's text already.
    public private(set) var current: [String] = []
    /// Copies edited from the tool's current text: nothing to do.
    public private(set) var edited: [String] = []
    /// Edited copies whose `NAME.new`, from an earlier update, is still there to merge.
    public private(set) var pendingBeside: [String] = []
    /// Whether the folder had a record (without one, every copy that differs counts as edited).
    public let hadRecord: Bool
    private let record: TemplateCopyRecord

    /// Plans the update of `folder` against the built-in folder `builtIn`.
    public init(folder: String, builtIn: String) {
        self.folder = folder
        self.builtIn = builtIn
        let old = TemplateCopyRecord.read(from: folder)
        hadRecord = old != nil
        var record = old ?? TemplateCopyRecord()
        let tool = TemplateCopyRecord.files(of: builtIn)
        for relative in tool.keys.sorted() {
            let toolHash = tool[relative]!
            let path = (folder as NSString).appendingPathComponent(relative)
            guard let copy = TemplateCopyRecord.hash(ofFileAt: path) else {
                if let old, old.hashes[relative] == nil {
                    // New in this version (the record, from an earlier one, does not name it).
                    added.append(relative)
                    record.hashes[relative] = toolHash
                } else if old == nil {
                    // Without a record a missing file counts as deleted by the team (to follow the
                    // built-in template), and is recorded so: the next update must not bring it back.
                    record.hashes[relative] = toolHash
                }
                continue
            }
            let besidePath = path + TemplateCopyState.besideSuffix
            switch TemplateCopyState.of(copy: copy, copied: old?.hashes[relative], builtIn: toolHash) {
            case .current: current.append(relative)
            case .edited:
                edited.append(relative)
                if FileManager.default.fileExists(atPath: besidePath) { pendingBeside.append(relative) }
            case .behind: replaced.append(relative)
            case .editedBehind, .unrecorded:
                beside.append(relative)
                if FileManager.default.fileExists(atPath: besidePath) { besideReplaced.append(relative) }
            }
            record.hashes[relative] = toolHash
        }
        self.record = record
    }

    /// Whether the update writes any template (the record aside).
    public var changesFiles: Bool { !(replaced.isEmpty && added.isEmpty && beside.isEmpty) }

    /// Writes the planned files, each whole, then the record.
    public func apply() throws {
        let fm = FileManager.default
        for relative in replaced + added {
            let target = (folder as NSString).appendingPathComponent(relative)
            try fm.createDirectory(atPath: PathParent.of(target), withIntermediateDirectories: true)
            try copyWhole(relative, to: target)
        }
        for relative in beside {
            try copyWhole(relative, to: (folder as NSString).appendingPathComponent(relative) + TemplateCopyState.besideSuffix)
        }
        try record.write(into: folder)
    }

    /// Copies the tool's file to `target`, replacing it in one rename: through a symbolic link (a
    /// copy shared by several projects is updated, not turned into a file of this folder's own) and
    /// keeping its permissions (a read-only copy stays read-only).
    private func copyWhole(_ relative: String, to target: String) throws {
        let fm = FileManager.default
        let source = (builtIn as NSString).appendingPathComponent(relative)
        guard let data = fm.contents(atPath: source) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: source])
        }
        let file = (target as NSString).resolvingSymlinksInPath
        let permissions = try? fm.attributesOfItem(atPath: file)[.posixPermissions]
        try data.write(to: URL(fileURLWithPath: file), options: .atomic)
        if let permissions { try fm.setAttributes([.posixPermissions: permissions], ofItemAtPath: file) }
    }
}
