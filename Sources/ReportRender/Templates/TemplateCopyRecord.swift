import Foundation
import ReportModel

/// What `init` copied into a template folder: each file's path and a hash of its text as copied,
/// kept in the folder as `.fidelis-templates`.
///
/// A template folder overrides the built-in templates file by file, so a copy nobody edited keeps a
/// release's text after the tool's own templates have changed. With the record, a later build tells
/// such a copy (the same hash as recorded) from an edited one, and `init --update` replaces the
/// first and leaves the second (see `TemplateCopyState`, `TemplateFolderUpdate`). An edited copy
/// whose new text `init --update` wrote beside it carries a merge still to do (`pending`) until the
/// copy changes and `NAME.new` is gone.
public struct TemplateCopyRecord: Sendable, Equatable {
    /// The record's file name in a template folder (hidden, so never taken for a template).
    public static let fileName = ".fidelis-templates"

    /// A merge `init --update` left to the team: the built-in text it wrote beside the copy as
    /// `NAME.new`, and the copy's hash then (a merge changes the copy).
    public struct Pending: Sendable, Equatable {
        public var builtIn: String
        public var copy: String
        public init(builtIn: String, copy: String) { self.builtIn = builtIn; self.copy = copy }
    }

    /// The hash of each file's text as copied (or as last brought up to date), by path relative to
    /// the folder (`en/strategy.md.mustache`).
    public var hashes: [String: String]
    /// The merges still to do, by path.
    public var pending: [String: Pending]
    /// What is wrong with the record as read (a line that is not `HASH  PATH`, a path named twice,
    /// no path at all), each as `FILE:LINE: what`: such a record is not used.
    public var problems: [String] = []

    public init(hashes: [String: String] = [:], pending: [String: Pending] = [:]) {
        self.hashes = hashes
        self.pending = pending
    }

    /// The hash of a file's text (32 hex digits, `ContentHash`) with its CRLF line ends read as LF,
    /// so that a checkout that turns them into CRLF (git's `autocrlf`) does not make every copy look
    /// edited; nil when it cannot be read (or is a folder).
    public static func hash(ofFileAt path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var hash = ContentHash()
        TemplateCopyRecord.lineFeeds(data).withUnsafeBytes { hash.update($0) }
        return hash.hex
    }

    /// `data` with each CRLF turned into LF.
    static func lineFeeds(_ data: Data) -> Data {
        guard data.contains(UInt8(ascii: "\r")) else { return data }
        let bytes = [UInt8](data)
        var lf = Data(capacity: bytes.count)
        for (i, byte) in bytes.enumerated() where !(byte == UInt8(ascii: "\r") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n")) {
            lf.append(byte)
        }
        return lf
    }

    /// The files of `folder` and their hashes (see `TemplateSet.files(in:)`: hidden ones, the record
    /// among them, are left out).
    public static func files(of folder: String) -> [String: String] {
        var hashes: [String: String] = [:]
        for relative in TemplateSet.files(in: folder) {
            hashes[relative] = hash(ofFileAt: (folder as NSString).appendingPathComponent(relative))
        }
        return hashes
    }

    /// The record of `folder`, or nil when it has none (copies made before records were written, or a
    /// folder made by hand). A damaged record (a merge conflict's markers, a line cut short, an empty
    /// file) comes back with its `problems`.
    public static func read(from folder: String) -> TemplateCopyRecord? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var record = TemplateCopyRecord()
        func isHash(_ s: Substring) -> Bool { s.count == 32 && s.allSatisfy(\.isHexDigit) }
        // Split at any line end (a CRLF is one Character to Swift: split at "\n" alone kept the file whole).
        let lines = String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, line) in lines.enumerated() where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
            let fields = line.split(separator: " ")
            let relative = fields.count > 1 ? String(fields[1]) : ""
            let wellFormed = fields.count == 2 && isHash(fields[0])
                || fields.count == 5 && isHash(fields[0]) && fields[2] == "merge" && isHash(fields[3]) && isHash(fields[4])
            guard wellFormed, record.hashes[relative] == nil else {
                let what = wellFormed ? bilingual("\(relative) is named twice", "\(relative) est nommé deux fois") : bilingual("\"\(line.prefix(60))\" is not a line of the record", "\"\(line.prefix(60))\" n'est pas une ligne de ce fichier")
                record.problems.append(bilingual("\(path):\(index + 1): \(what) (expected one `HASH  PATH` line per file, as init wrote it: mend the file, or delete it and run `fidelis-report init --update`)", "\(path):\(index + 1): \(what) (attendu\u{00A0}: une ligne `HASH  PATH` par fichier, comme init l'a écrite\u{202F}; réparez le fichier, ou supprimez-le et lancez `fidelis-report init --update`)"))
                continue
            }
            record.hashes[relative] = String(fields[0])
            if fields.count == 5 { record.pending[relative] = Pending(builtIn: String(fields[3]), copy: String(fields[4])) }
        }
        if record.hashes.isEmpty && record.problems.isEmpty {
            record.problems.append(bilingual("\(path): names no file (expected one `HASH  PATH` line per file, as init wrote it: delete it and run `fidelis-report init --update`)", "\(path): ne nomme aucun fichier (attendu\u{00A0}: une ligne `HASH  PATH` par fichier, comme init l'a écrite\u{202F}; supprimez-le et lancez `fidelis-report init --update`)"))
        }
        return record
    }

    /// The record's text: a comment that says what it is, then `HASH  PATH` lines in path order, with
    /// `merge NEW COPY` after those whose merge is still to do. (The hashes are `ContentHash`'s: a test
    /// pins its value, as a change would make every copy that a record names look edited.)
    public var text: String {
        var text = """
        # Written by fidelis-report \(ToolVersion.current) (`init`, `init --update`): the templates of this folder as they were copied.
        # Builds compare it with your files and with the tool's own templates, to tell a copy nobody
        # edited from an edited one once the tool's templates change; `fidelis-report init --update`
        # brings the copies up to date. Keep this file beside the templates; do not edit it.

        """
        for relative in hashes.keys.sorted() {
            text += "\(hashes[relative]!)  \(relative)"
            if let merge = pending[relative] { text += "  merge \(merge.builtIn) \(merge.copy)" }
            text += "\n"
        }
        return text
    }

    /// Writes the record into `folder`, replacing any (a whole file or none: written beside, then renamed).
    public func write(into folder: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(Self.fileName)), options: .atomic)
    }
}
