import Foundation
import ReportModel

/// What `init` copied into a template folder: each file's path and a hash of its text as copied,
/// kept in the folder as `.fidelis-templates`.
///
/// A template folder overrides the built-in templates file by file, so a copy nobody edited keeps a
/// release's text after the tool's own templates have changed. With the record, a later build tells
/// such a copy (the same hash as recorded) from an edited one, and `init --update` replaces the
/// first and leaves the second (see `TemplateCopyState`, `TemplateFolderUpdate`).
public struct TemplateCopyRecord: Sendable, Equatable {
    /// The record's file name in a template folder (hidden, so never taken for a template).
    public static let fileName = ".fidelis-templates"

    /// The hash of each file's text as copied, by path relative to the folder (`en/strategy.md.mustache`).
    public var hashes: [String: String]

    public init(hashes: [String: String] = [:]) {
        self.hashes = hashes
    }

    /// The hash of a file's text (32 hex digits, `ContentHash`) with its CRLF line ends read as LF,
    /// so that a checkout that turns them into CRLF (git's `autocrlf`) does not make every copy look
    /// edited; nil when it cannot be read (or is a folder).
    public static func hash(ofFileAt path: String) -> String? {
        guard var data = FileManager.default.contents(atPath: path) else { return nil }
        if data.contains(UInt8(ascii: "\r")) {
            var lf = Data(capacity: data.count)
            for (i, byte) in data.enumerated() where !(byte == UInt8(ascii: "\r") && i + 1 < data.count && data[data.startIndex + i + 1] == UInt8(ascii: "\n")) {
                lf.append(byte)
            }
            data = lf
        }
        var hash = ContentHash()
        data.withUnsafeBytes { hash.update($0) }
        return hash.hex
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
    /// folder made by hand). Lines that are not `HASH  PATH` are passed over.
    public static func read(from folder: String) -> TemplateCopyRecord? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var hashes: [String: String] = [:]
        // Split at any line end (a CRLF is one Character to Swift: split at "\n" alone kept the file whole).
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 32, parts[0].allSatisfy(\.isHexDigit) else { continue }
            let relative = parts[1].drop(while: { $0 == " " })
            if !relative.isEmpty { hashes[String(relative)] = String(parts[0]) }
        }
        return TemplateCopyRecord(hashes: hashes)
    }

    /// The record's text: a comment that says what it is, then `HASH  PATH` lines in path order.
    /// (The hashes are `ContentHash`'s: a test pins its value, as a change would make every copy
    /// that a record names look edited.)
    public var text: String {
        var text = """
        # Written by fidelis-report \(ToolVersion.current) (`init`, `init --update`): the templates of this folder as they were copied.
        # Builds compare it with your files and with the tool's own templates, to tell a copy nobody
        # edited from an edited one once the tool's templates change; `fidelis-report init --update`
        # brings the copies up to date. Keep this file beside the templates; do not edit it.

        """
        for relative in hashes.keys.sorted() { text += "\(hashes[relative]!)  \(relative)\n" }
        return text
    }

    /// Writes the record into `folder`, replacing any (a whole file or none: written beside, then renamed).
    public func write(into folder: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(Self.fileName)), options: .atomic)
    }
}
