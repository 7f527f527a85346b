import Foundation
import ReportModel

/// `init --update`: brings a template folder `init` wrote up to date with the tool's own templates,
/// as a package manager treats edited config files. A copy nobody edited is replaced by the new
/// text; an edited one is left as it is, with the new text written beside it as `NAME.new` to compare
/// and merge (the merge counts as done once the copy has changed and `NAME.new` is gone); a file the
/// tool has gained since is added; a file the team deleted stays deleted. The record
/// (`TemplateCopyRecord`) then names the new texts, so the build's warnings stop.
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
    /// Those of `beside` whose `NAME.new` was there already (from an earlier update), and
    /// unedited: replaced.
    public private(set) var besideReplaced: [String] = []
    /// Edited copies behind the tool whose `NAME.new` the team has edited (a merge under way, not in
    /// `beside`): left as it is, and the newer text not written.
    public private(set) var besideKept: [String] = []
    /// Copies that are the tool's text already.
    public private(set) var current: [String] = []
    /// Copies edited from the tool's current text: nothing to do.
    public private(set) var edited: [String] = []
    /// Edited copies whose `NAME.new` is still there to merge.
    public private(set) var pendingBeside: [String] = []
    /// Edited copies merged since the last update (`NAME.new` gone, the copy changed).
    public private(set) var merged: [String] = []
    /// Edited copies whose `NAME.new` is gone unmerged: written again.
    public private(set) var besideAgain: [String] = []
    /// Files the record names that the folder no longer has: the team deleted them, they stay deleted.
    public private(set) var keptDeleted: [String] = []
    /// Files of the folder that the record names and the tool no longer has: left as they are.
    public private(set) var noLongerShipped: [String] = []
    /// Whether the folder had a record (without one, every copy that differs counts as edited).
    public let hadRecord: Bool
    /// The text each `NAME.new` gets (with the copy's line ends), by relative path.
    private var besideTexts: [String: Data] = [:]
    private let record: TemplateCopyRecord

    /// Why a folder cannot be updated: its record is damaged (`problems`, each `FILE:LINE: what`).
    public struct DamagedRecord: Error, Sendable {
        public let problems: [String]
    }

    /// Plans the update of `folder` against the built-in folder `builtIn`.
    public init(folder: String, builtIn: String) throws(DamagedRecord) {
        self.folder = folder
        self.builtIn = builtIn
        let fm = FileManager.default
        let old = TemplateCopyRecord.read(from: folder)
        if let old, !old.problems.isEmpty { throw DamagedRecord(problems: old.problems) }
        hadRecord = old != nil
        var record = old ?? TemplateCopyRecord()
        let tool = TemplateCopyRecord.files(of: builtIn)
        /// The text `NAME.new` gets: the tool's, with the copy's line ends.
        func besideText(_ relative: String) -> Data {
            TemplateFolderUpdate.text(of: (builtIn as NSString).appendingPathComponent(relative), linesLike: (folder as NSString).appendingPathComponent(relative))
        }
        for relative in tool.keys.sorted() {
            let toolHash = tool[relative]!
            let path = (folder as NSString).appendingPathComponent(relative)
            let besidePath = path + TemplateCopyState.besideSuffix
            guard let copy = TemplateCopyRecord.hash(ofFileAt: path) else {
                if let old, old.hashes[relative] == nil {
                    // New in this version (the record, from an earlier one, does not name it).
                    added.append(relative)
                    record.hashes[relative] = toolHash
                } else if old == nil {
                    // Without a record a missing file counts as deleted by the team (to follow the
                    // built-in template), and is recorded so: the next update must not bring it back.
                    record.hashes[relative] = toolHash
                } else {
                    keptDeleted.append(relative)
                }
                record.pending[relative] = nil
                continue
            }
            let pending = old?.pending[relative]
            switch TemplateCopyState.of(copy: copy, copied: old?.hashes[relative], pending: pending, builtIn: toolHash, besideExists: fm.fileExists(atPath: besidePath)) {
            case .current:
                current.append(relative)
                record.hashes[relative] = toolHash
                record.pending[relative] = nil
            case .edited:
                edited.append(relative)
            case .behind:
                replaced.append(relative)
                record.hashes[relative] = toolHash
            case .merged:
                merged.append(relative)
                record.hashes[relative] = toolHash
                record.pending[relative] = nil
            case .mergePending:
                pendingBeside.append(relative)
            case .mergeLost:
                besideAgain.append(relative)
                besideTexts[relative] = besideText(relative)
            case .editedBehind, .unrecorded:
                // A NAME.new the team has edited (a merge under way, of an earlier version's text)
                // is kept; an untouched one is replaced by the newer text.
                if fm.fileExists(atPath: besidePath) {
                    let besideHash = TemplateCopyRecord.hash(ofFileAt: besidePath)
                    if besideHash != pending?.builtIn && besideHash != toolHash {
                        besideKept.append(relative)
                        continue
                    }
                    besideReplaced.append(relative)
                }
                beside.append(relative)
                besideTexts[relative] = besideText(relative)
                // The base stays what was copied; the merge to do is noted (for a folder without a
                // record, the tool's text stands for the base).
                if record.hashes[relative] == nil { record.hashes[relative] = toolHash }
                record.pending[relative] = TemplateCopyRecord.Pending(builtIn: toolHash, copy: copy)
            }
        }
        if let old {
            noLongerShipped = old.hashes.keys.filter { tool[$0] == nil && fm.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }.sorted()
        }
        self.record = record
    }

    /// Whether the update writes any template (the record aside).
    public var changesFiles: Bool { !(replaced.isEmpty && added.isEmpty && beside.isEmpty && besideAgain.isEmpty) }

    /// Writes the planned files, each whole, then the record.
    public func apply() throws {
        for relative in replaced + added {
            let target = (folder as NSString).appendingPathComponent(relative)
            try FileManager.default.createDirectory(atPath: PathParent.of(target), withIntermediateDirectories: true)
            guard let data = FileManager.default.contents(atPath: (builtIn as NSString).appendingPathComponent(relative)) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: (builtIn as NSString).appendingPathComponent(relative)])
            }
            try TemplateFolderUpdate.write(data, to: target)
        }
        for relative in beside + besideAgain {
            try TemplateFolderUpdate.write(besideTexts[relative] ?? Data(), to: (folder as NSString).appendingPathComponent(relative) + TemplateCopyState.besideSuffix)
        }
        try record.write(into: folder)
    }

    /// The tool's file at `source`, with CRLF line ends when the copy at `copy` has them (a checkout
    /// with git's autocrlf): `diff -u NAME NAME.new` then shows the change, not every line.
    private static func text(of source: String, linesLike copy: String) -> Data {
        let data = FileManager.default.contents(atPath: source) ?? Data()
        guard let copied = FileManager.default.contents(atPath: copy), copied.range(of: Data("\r\n".utf8)) != nil else { return data }
        var crlf = Data(capacity: data.count + data.count / 32)
        for byte in TemplateCopyRecord.lineFeeds(data) {
            if byte == UInt8(ascii: "\n") { crlf.append(UInt8(ascii: "\r")) }
            crlf.append(byte)
        }
        return crlf
    }

    /// Writes `data` to `target`, replacing it in one rename: through a symbolic link (a copy shared
    /// by several projects is updated, not turned into a file of this folder's own) and keeping its
    /// permissions (a read-only copy stays read-only).
    private static func write(_ data: Data, to target: String) throws {
        let fm = FileManager.default
        // URL's resolution: NSString's left a relative link's path as it was (the link was then
        // replaced by a file, with the link's own mode, 777).
        let file = URL(fileURLWithPath: target).resolvingSymlinksInPath().path
        let permissions = try? fm.attributesOfItem(atPath: file)[.posixPermissions]
        try data.write(to: URL(fileURLWithPath: file), options: .atomic)
        if let permissions { try fm.setAttributes([.posixPermissions: permissions], ofItemAtPath: file) }
    }
}
