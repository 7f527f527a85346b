/// A path without its last component, as `NSString.deletingLastPathComponent` gives it
/// (`a/b` → `a`, `/a` → `/`, `a` → ``), which swift-corelibs-foundation 6.3 traps on for a
/// path of one character (`p`, `.`, `a/`): `init p` and `sample --out k` crashed with SIGILL.
public enum PathParent {
    public static func of(_ path: String) -> String {
        var rest = Substring(path)
        while rest.count > 1 && rest.hasSuffix("/") { rest = rest.dropLast() }
        guard let slash = rest.lastIndex(of: "/") else { return "" }
        var head = rest[..<slash]
        while head.count > 1 && head.hasSuffix("/") { head = head.dropLast() }
        return head.isEmpty ? "/" : String(head)
    }
}
