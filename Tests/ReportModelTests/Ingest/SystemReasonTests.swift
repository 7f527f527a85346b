import Foundation
import Testing
@testable import ReportModel

/// The reason given when an input path cannot be read is the system's.
@Suite struct SystemReasonTests {
    @Test func reasonsAreTheSystems() throws {
        let root = NSTemporaryDirectory() + "fidelis-reason-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/a.csv"
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        #expect(SystemReason.unreadable(root + "/missing", folder: false) == "No such file or directory")
        #expect(SystemReason.unreadable(root + "/missing", folder: true) == "No such file or directory")
        #expect(SystemReason.unreadable(file, folder: true) == "Not a directory")
        #expect(SystemReason.unreadable(root, folder: false) == "Is a directory")
        #expect(SystemReason.unreadable(file, folder: false) == "it could not be read")
    }

    /// What is in the way of a folder to write, when Foundation only says the operation failed.
    @Test func whatIsInTheWayOfAFolder() throws {
        let root = NSTemporaryDirectory() + "fidelis-reason-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(FileManager.default.createFile(atPath: root + "/a.csv", contents: Data("x".utf8)))
        #expect(SystemReason.folderProblem(at: root + "/a.csv") == "a file of that name is there (expected a folder, or no file)")
        #expect(SystemReason.folderProblem(at: root + "/a.csv/x/y") == root + "/a.csv is a file, not a folder")
        #expect(SystemReason.folderProblem(at: root) == nil)
        #expect(SystemReason.folderProblem(at: root + "/new/deeper") == nil)
    }

    /// Foundation's own codes for a missing file, a refused read or a file in the way are said as
    /// the system says them (Foundation's English sentence stayed in French runs).
    @Test func foundationsCodesAreTheSystemsWords() throws {
        let root = NSTemporaryDirectory() + "fidelis-reason-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            _ = try FileManager.default.contentsOfDirectory(atPath: root + "/missing")
            Issue.record("listed a missing folder")
        } catch {
            #expect(SystemReason.of(error) == "No such file or directory", "\(error)")
        }
        #expect(SystemReason.cause(CocoaError(.fileNoSuchFile)) == "No such file or directory")
        #expect(SystemReason.cause(CocoaError(.fileReadNoSuchFile)) == "No such file or directory")
        #expect(SystemReason.cause(CocoaError(.fileReadNoPermission)) == "Permission denied")
        #expect(SystemReason.cause(CocoaError(.fileWriteFileExists)) == "File exists")
        #expect(SystemReason.cause(CocoaError(.fileWriteUnknown)) == nil)
    }
}
