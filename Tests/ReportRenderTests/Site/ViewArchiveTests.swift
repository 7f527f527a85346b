import Foundation
import Testing
@testable import ReportRender

/// The archive of a snapshot's views gives back every value with its type, so that pages rendered
/// from it are the pages rendered from the original views.
struct ViewArchiveTests {
    @Test func valuesComeBackWithTheirTypes() throws {
        let views: [String: Any] = [
            "base": [
                "name": "Café <b>&</b> \"quoted\"\nline", "empty": "", "flag": true, "off": false,
                "count": 2, "negative": -7, "ratio": 2.0, "share": 0.1 + 0.2,
                "rows": [["id": "C1", "vip": true], ["id": "C2", "vip": false]] as [[String: Any]],
                "labels": ["a", "b"], "nothing": [Any](), "nested": ["deeper": ["n": 1]] as [String: Any],
            ] as [String: Any],
            "charts": [["id": "retention", "svg": "<svg/>"]] as [[String: Any]],
        ]
        let data = try #require(ViewArchive.archive(views))
        let back = try #require(ViewArchive.views(data))
        let base = try #require(back["base"] as? [String: Any])
        #expect(base["name"] as? String == "Café <b>&</b> \"quoted\"\nline")
        #expect(base["empty"] as? String == "")
        #expect(base["flag"] as? Bool == true && type(of: base["flag"]!) == Bool.self)
        #expect(base["off"] as? Bool == false)
        #expect(base["count"] as? Int == 2 && type(of: base["count"]!) == Int.self)
        #expect(base["negative"] as? Int == -7)
        // 2.0 stays a Double (Mustache prints "2.0", an Int would print "2"); 0.1 + 0.2 to the last bit.
        #expect(base["ratio"] as? Double == 2.0 && type(of: base["ratio"]!) == Double.self)
        #expect(base["share"] as? Double == 0.1 + 0.2)
        let rows = try #require(base["rows"] as? [[String: Any]])
        #expect(rows.count == 2 && rows[0]["id"] as? String == "C1" && rows[1]["vip"] as? Bool == false)
        #expect((base["labels"] as? [Any])?.compactMap { $0 as? String } == ["a", "b"])
        #expect((base["nothing"] as? [Any])?.isEmpty == true)
        #expect(((base["nested"] as? [String: Any])?["deeper"] as? [String: Any])?["n"] as? Int == 1)
        #expect((back["charts"] as? [[String: Any]])?.first?["svg"] as? String == "<svg/>")
        // The archive of the archived views is the same bytes (keys are sorted).
        #expect(ViewArchive.archive(back) == data)
    }

    @Test func aViewOfAnotherTypeIsNotArchived() {
        #expect(ViewArchive.archive(["base": ["date": Date()] as [String: Any]]) == nil)
        #expect(ViewArchive.archive(["base": ["value": Double.nan] as [String: Any]]) == nil)
        #expect(ViewArchive.archive(["base": ["maybe": Optional<String>.none as Any] as [String: Any]]) == nil)
    }

    @Test func aDamagedArchiveIsNotRead() {
        #expect(ViewArchive.views(Data("{\"base\": {\"v\": 3}}".utf8)) == nil)
        #expect(ViewArchive.views(Data("{\"base\": ".utf8)) == nil)
        #expect(ViewArchive.views(Data("[1, 2]".utf8)) == nil)
    }

    /// Pages rendered from the archived views are byte for byte those rendered from the views.
    @Test func pagesFromTheArchiveAreThePagesFromTheViews() throws {
        let templates = try TemplateSet(locale: .en, override: nil)
        let view: [String: Any] = [
            "lang": "en", "client": "A & B <Ltd>", "period": "2026-10", "title": "Diagnostic", "root": "../",
            "content": "<p>x</p>", "markdown_href": "diagnostic.md", "dashboard_href": "index.html",
            "snapshots": [["period": "2026-10", "href": "../2026-10/index.html", "current": true] as [String: Any]],
            "deliverables": [["name": "diagnostic", "title": "Diagnostic", "html": "diagnostic.html", "md": "diagnostic.md"]],
        ]
        let data = try #require(ViewArchive.archive(["page": view]))
        let back = try #require(ViewArchive.views(data)?["page"] as? [String: Any])
        #expect(templates.render("page", back) == templates.render("page", view))
        #expect(templates.render("page", view).contains("A &amp; B &lt;Ltd&gt;"))
    }
}
