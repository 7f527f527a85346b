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

    /// The archive written as text reads back (`JSONDecoder`) as the values `JSONEncoder` writes:
    /// generated nested views of every type, strings with quotes, controls, markup, line
    /// separators and non-Latin text, numbers at their extremes.
    @Test func theTextArchiveReadsBackAsTheEncodedValues() throws {
        var state: UInt64 = 0x853C_49E6_748F_EA9B
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let strings = ["", "plain", "Café", "\"q\"", "back\\slash", "a\nb\r\tc", "\u{1}\u{1F}", "<b>&amp;</b>", "\u{2028}\u{2029}", "日本語", "😀", "/slash/"]
        let doubles = [0.0, -0.0, 2.0, 0.1 + 0.2, 1e-7, 1e300, -123.456, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude]
        func value(_ depth: Int) -> ViewArchive.Value {
            switch next(depth > 2 ? 4 : 6) {
            case 0: return .string(strings[next(strings.count)])
            case 1: return .bool(next(2) == 0)
            case 2: return .int([0, 1, -7, Int.max, Int.min][next(5)])
            case 3: return .double(doubles[next(doubles.count)])
            case 4: return .list((0..<next(4)).map { _ in value(depth + 1) })
            default: return .view(Dictionary((0..<next(5)).map { _ in ("k\(next(20))" + strings[next(strings.count)], value(depth + 1)) }, uniquingKeysWith: { a, _ in a }))
            }
        }
        for _ in 0..<300 {
            let root = Dictionary((0..<(1 + next(3))).map { ("view\($0)", value(0)) }, uniquingKeysWith: { a, _ in a })
            let data = try #require(ViewArchive.archive(root.mapValues(\.any)))
            let back = try JSONDecoder().decode([String: ViewArchive.Value].self, from: data)
            let encoded = try JSONDecoder().decode([String: ViewArchive.Value].self, from: JSONEncoder().encode(root))
            #expect(back == encoded)
            #expect(back == root.mapValues { ViewArchive.Value($0.any)! })
            // ViewArchiveReader reads the archive, and JSONEncoder's encoding, as JSONDecoder does.
            let read = try #require(ViewArchive.views(data))
            #expect(read.mapValues { ViewArchive.Value($0) } == back.mapValues { Optional($0) })
            let readEncoded = try #require(ViewArchive.views(JSONEncoder().encode(root)))
            #expect(readEncoded.mapValues { ViewArchive.Value($0) } == back.mapValues { Optional($0) })
        }
    }

    /// What `ViewArchiveReader` refuses, `JSONDecoder` refuses too (and the other way round); escapes
    /// of every kind are resolved alike.
    @Test func theReaderAgreesWithJSONDecoderOnOddArchives() throws {
        let texts = [
            #"{"a":"x\/y\u00e9\ud83d\ude00\b\f\n\r\t\"\\"}"#, #"{ "a" : [ true , false , {"i": -3} , {"d": 1e-5} ] }"#,
            #"{"a":{"v":{}}}"#, #"{"a":[]}"#, #"{}"#,
            #"{"a":3}"#, #"{"a":{"v":3}}"#, #"{"a":{"x":1}}"#, #"{"a":{"i":2.5}}"#, #"{"a":"\ud83d"}"#, #"{"a":"\q"}"#,
            #"{"a":tru}"#, #"{"a":[1,]}"#, #"{"a":"x"} trailing"#, #"[1,2]"#, #"{"a":"x""#, "", "{\"a\":\"\u{1}\"}",
        ]
        for text in texts {
            let data = Data(text.utf8)
            let read = ViewArchive.views(data), decoded = ViewArchive.decodedViews(data)
            #expect((read == nil) == (decoded == nil), "\(text)")
            if let read, let decoded {
                #expect(read.mapValues { ViewArchive.Value($0) } == decoded.mapValues { ViewArchive.Value($0) }, "\(text)")
            }
        }
        let first = try #require(ViewArchive.views(Data(texts[0].utf8))?["a"] as? String)
        #expect(first == "x/yé😀\u{8}\u{C}\n\r\t\"\\")
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
            "lang": "en", "client": "A & B <Ltd>", "has_client": true, "period": "2026-10", "title": "Diagnostic", "root": "../",
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
