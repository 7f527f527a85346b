import ReportModel

/// Links between deliverables, as Markdown files hold them and as their HTML pages need them: a
/// downloaded `strategy.md` links to `diagnostic.md`, its page to `diagnostic.html`.
enum DeliverableLinks {
    /// `html` with every relative link to a deliverable's Markdown (`diagnostic.md`,
    /// `./diagnostic.md`, `diagnostic.md#kpis`, `../2026-09/diagnostic.md`) turned into a link to its
    /// page. Other links (`segments.csv`, `notes.md`, `https://…/strategy.md`) are kept as they are.
    static func toPages(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let marker = Array("href=\"".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0, copied = 0
        while i + marker.count <= bytes.count {
            guard bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) else { i += 1; continue }
            let start = i + marker.count
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            let href = String(decoding: bytes[start..<end], as: UTF8.self)
            if let page = page(for: href) {
                out.append(contentsOf: bytes[copied..<start])
                out.append(contentsOf: page.utf8)
                copied = end
            }
            i = end
        }
        guard copied > 0 else { return html }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The page a link to a deliverable's Markdown stands for, or nil for any other link.
    static func page(for href: String) -> String? {
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        var path = parts[0]
        guard path.hasSuffix(".md") else { return nil }
        if path.hasPrefix("./") { path = path.dropFirst(2) }
        if path.hasPrefix("../") {
            // Another snapshot's folder, named by its period.
            let folder = path.dropFirst(3).prefix { $0 != "/" }
            guard SnapshotPeriod(fileName: String(folder) + ".csv") != nil else { return nil }
            path = path.dropFirst(3 + folder.count + 1)
        }
        guard TemplateSet.deliverables.contains(String(path.dropLast(3))) else { return nil }
        return String(parts[0].dropLast(3)) + ".html" + (parts.count > 1 ? "#" + parts[1] : "")
    }
}
