#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import Testing
@testable import ReportRender

extension XMLElement {
    /// The value of attribute `name` (FoundationXML's `attribute(forName:)` misses attributes under a default namespace).
    func attr(_ name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}

/// Shared checks for rendered charts.
enum ChartAssert {
    static let hostile = "<script>alert(\"x\")</script> & 'co'"

    /// Parses `svg` as XML (throws if malformed) and returns the root element.
    static func parse(_ svg: String) throws -> XMLElement {
        let doc = try XMLDocument(xmlString: svg, options: [])
        return try #require(doc.rootElement())
    }

    /// All elements below and including `element`, depth first.
    static func elements(_ element: XMLElement) -> [XMLElement] {
        [element] + (element.children ?? []).compactMap { $0 as? XMLElement }.flatMap(elements)
    }

    /// Every check that applies to any chart: well-formed, accessible root, unique ids, no NaN/inf,
    /// coordinates with at most one decimal, readable fonts, deterministic output.
    @discardableResult
    static func valid(_ chart: some SVGChart, title: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> XMLElement {
        let svg = chart.svg()
        #expect(svg == chart.svg(), "rendering is deterministic", sourceLocation: sourceLocation)
        let lower = svg.lowercased()
        #expect(!lower.contains("nan"), sourceLocation: sourceLocation)
        #expect(!lower.contains("inf"), sourceLocation: sourceLocation)
        let root = try parse(svg)
        #expect(root.name == "svg", sourceLocation: sourceLocation)
        #expect(root.attr("role") == "img", sourceLocation: sourceLocation)
        #expect(root.attr("width") == "100%", sourceLocation: sourceLocation)
        #expect(root.attr("font-family") == "inherit", sourceLocation: sourceLocation)
        #expect(root.attr("viewBox") != nil, sourceLocation: sourceLocation)
        #expect(root.attr("style")?.hasPrefix("max-width:") == true, sourceLocation: sourceLocation)

        let all = elements(root)
        let ids = all.compactMap { $0.attr("id") }
        #expect(Set(ids).count == ids.count, "ids are unique", sourceLocation: sourceLocation)
        for id in ids {
            #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }, sourceLocation: sourceLocation)
        }
        // Named by its title, described by its description (both read out, the name kept short).
        let labelled = root.attr("aria-labelledby") ?? "", described = root.attr("aria-describedby") ?? ""
        let children = (root.children ?? []).compactMap { $0 as? XMLElement }
        #expect(children.first?.name == "title", sourceLocation: sourceLocation)
        #expect(children.dropFirst().first?.name == "desc", sourceLocation: sourceLocation)
        #expect(children.first?.attr("id") == labelled, sourceLocation: sourceLocation)
        #expect(children.dropFirst().first?.attr("id") == described, sourceLocation: sourceLocation)
        let descText = children.dropFirst().first?.stringValue ?? ""
        #expect(descText.isEmpty == false, sourceLocation: sourceLocation)
        if let title {
            #expect(children.first?.stringValue == title, sourceLocation: sourceLocation)
            #expect(texts(root).contains { !$0.isEmpty && title.hasPrefix($0.replacingOccurrences(of: "…", with: "")) }, "visible title", sourceLocation: sourceLocation)
        }

        let numeric: Set<String> = ["x", "y", "width", "height", "x1", "x2", "y1", "y2", "cx", "cy", "r", "font-size", "stroke-width"]
        for element in all {
            for attribute in element.attributes ?? [] {
                guard let name = attribute.name, let value = attribute.stringValue else { continue }
                if numeric.contains(name) && !(name == "width" && value == "100%") {
                    #expect(isCoordinate(value), "\(element.name ?? "") \(name)=\(value)", sourceLocation: sourceLocation)
                }
                if ["d", "transform", "viewBox"].contains(name) {
                    for number in numbers(in: value) {
                        #expect(isCoordinate(number), "\(name)=\(value)", sourceLocation: sourceLocation)
                    }
                }
                if name == "font-size" {
                    #expect((Double(value) ?? 0) >= 11, sourceLocation: sourceLocation)
                }
            }
        }
        return root
    }

    /// `-?digits(.digit)?`
    static func isCoordinate(_ s: String) -> Bool {
        var rest = Substring(s)
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber) else { return false }
        return parts.count == 1 || (parts[1].count == 1 && parts[1].allSatisfy(\.isNumber))
    }

    /// Numeric tokens in a path, transform or viewBox.
    static func numbers(in s: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in s {
            if ch.isNumber || ch == "." || (ch == "-" && current.isEmpty) {
                current.append(ch)
            } else {
                if !current.isEmpty { out.append(current) }
                current = ch == "-" ? "-" : ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Text content of every `<text>` element.
    static func texts(_ root: XMLElement) -> [String] {
        elements(root).filter { $0.name == "text" }.compactMap(\.stringValue)
    }

    /// Elements named `name` whose attribute `attribute` equals `value`.
    static func count(_ root: XMLElement, _ name: String, _ attribute: String, _ value: String) -> Int {
        elements(root).filter { $0.name == name && $0.attr(attribute) == value }.count
    }

    /// Elements (optionally only those named `name`) that carry a `<title>` tooltip, with its text.
    static func tooltips(_ root: XMLElement, _ name: String? = nil) -> [(element: XMLElement, text: String)] {
        elements(root).filter { name == nil || $0.name == name }.compactMap { element in
            guard element.name != "svg",
                  let title = (element.children ?? []).compactMap({ $0 as? XMLElement }).first(where: { $0.name == "title" }) else { return nil }
            return (element, title.stringValue ?? "")
        }
    }

    /// A numeric attribute.
    static func number(_ element: XMLElement, _ attribute: String) -> Double {
        Double(element.attr(attribute) ?? "") ?? .nan
    }

    /// viewBox width.
    static func viewBoxWidth(_ root: XMLElement) -> Double? {
        (root.attr("viewBox")?.split(separator: " ")).flatMap { $0.count == 4 ? Double($0[2]) : nil }
    }
}
