// libFuzzer target: any value escaped by MarkdownRenderer.escape and put where a template can put it
// (alone, in a list item, in a table cell, mid-line) is rendered by cmark-gfm as exactly its text:
// no tag, link, entity, emphasis, list, quote, heading or code block. Each input byte picks a
// piece of text from an alphabet of Markdown's active characters (and a few longer pieces), so that
// libFuzzer's mutations build Markdown constructs. Built by Fuzz/run.sh (Fuzz/Package.swift).
import Glibc
import ReportRender

@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32


let pieces: [String] = [
    "a", "b", "Z", "1", "9", "0", " ", "\t", "\n", "\r", "\r\n", "\\", "`", "*", "_", "[", "]", "(", ")", "#", "!", "|", "<", ">",
    "&", "~", "$", "-", "+", "=", ".", ":", "/", "?", ";", "'", "\"", "{", "}", "^", "%", "@", "é", "\u{A0}", "    ", "```", "~~~",
    "---", "http://x.y", "www.x.y", "a@b.c", "&amp;", "&#65;", "<b>", "</b>", "<!--", "-->", "<?", "[x]: /u", "![i](u)", "[l](u)",
    "1.", "2)", "| --- |", "***", "___", "<script>", "javascript:", "&nbsp;", "\\\n", "  \n", "[^1]", "- [ ]", "é́",
]

/// The text cmark shows for a value: line breaks as spaces, outer blanks dropped, HTML-escaped.
func shown(_ value: String) -> String {
    var flat = ""
    var previousCR = false
    for c in value.unicodeScalars {
        if c == "\r" { flat += " "; previousCR = true; continue }
        if c == "\n" { if !previousCR { flat += " " }; previousCR = false; continue }
        previousCR = false
        flat.unicodeScalars.append(c)
    }
    let scalars = Array(flat.unicodeScalars)
    var from = 0, to = scalars.count
    while from < to && (scalars[from] == " " || scalars[from] == "\t") { from += 1 }
    while to > from && (scalars[to - 1] == " " || scalars[to - 1] == "\t") { to -= 1 }
    var out = ""
    for c in scalars[from..<to] {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownEscape(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let value = UnsafeBufferPointer(start: data, count: size).map { pieces[Int($0) % pieces.count] }.joined()
    let e = MarkdownRenderer.escape(value), t = shown(value)
    let places: [(String, String)] = [
        (e, t.isEmpty ? "" : "<p>\(t)</p>\n"),
        ("- " + e, "<ul>\n<li>\(t)</li>\n</ul>\n"),
        ("| h |\n|---|\n| " + e + " |", "<table>\n<thead>\n<tr>\n<th>h</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>\(t)</td>\n</tr>\n</tbody>\n</table>\n"),
        ("x " + e + " y", "<p>x \(t) y</p>\n"),
    ]
    for (markdown, expected) in places {
        let html = MarkdownRenderer.html(markdown)
        if html != expected {
            fatalError("invariant broken: \(value.debugDescription) escaped as \(markdown.debugDescription) renders \(html.debugDescription), expected \(expected.debugDescription)")
        }
    }
    return 0
}

// Last: top-level code runs in order, so `pieces` must be set before the driver calls the target.
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(llvmFuzzerRunDriver(&argc, &argv, fuzzMarkdownEscape))
