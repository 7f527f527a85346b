import Testing
@testable import ReportModel

/// Paths in suggested commands paste as one shell word.
@Suite struct ShellWordTests {
    @Test func quotesOnlyWhatAShellWouldSplitOrRead() {
        for plain in ["proj/templates", "./a-b_c.d", "/tmp/x:y@z+1=2,3%"] { #expect(ShellWord.quoted(plain) == plain) }
        #expect(ShellWord.quoted("team report/templates") == "'team report/templates'")
        #expect(ShellWord.quoted("it's") == #"'it'\''s'"#)
        #expect(ShellWord.quoted("$HOME") == "'$HOME'" && ShellWord.quoted("a;b") == "'a;b'" && ShellWord.quoted("") == "''")
        #expect(ShellWord.quoted("été") == "'été'")
    }
}
