import Foundation
import Testing
@testable import ReportModel

/// `PathParent.of` gives what `NSString.deletingLastPathComponent` gives, without its trap on paths
/// of one character (`CommandLineTests.oneLetterFolders` runs `init p` and `sample --out k`).
@Suite struct PathParentTests {
    @Test func parentsAsFoundationGivesThem() {
        // Paths Foundation handles: the same answer.
        for path in ["ab", "/p", "q/pp", "q/p", "./p", "xy/", "/a/b/", "/", "a/b/c", "/a//b", "../x", "~/r"] {
            #expect(PathParent.of(path) == (path as NSString).deletingLastPathComponent, "\(path)")
        }
        // Paths of one character (Foundation traps): what it would give.
        for path in ["p", ".", "a/"] { #expect(PathParent.of(path) == "", "\(path)") }
    }
}
