import Foundation
import Testing
@testable import ReportModel

/// `ConfigLoader.parse(_:file:)`: defaults, every key, and errors located by line and column.
@Suite("Config: loader")
struct ConfigLoaderTests {
    static let file = "fidelis.yml"

    static func parse(_ text: String) throws(InputError) -> ReportConfig {
        try ConfigLoader.parse(text, file: file)
    }

    /// The error `text` produces, or nil when it parses.
    static func error(_ text: String) -> InputError? {
        do throws(InputError) {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    /// Checks the error of `text`: location and message fragments.
    static func expectFailure(_ text: String, line: Int, column: Int, message: [String], expected: [String] = [],
                              sourceLocation: SourceLocation = #_sourceLocation) {
        guard let e = error(text) else {
            Issue.record("accepted: \(text)", sourceLocation: sourceLocation)
            return
        }
        expectError(e, file: file, line: line, column: column, message: message, expected: expected, sourceLocation: sourceLocation)
    }

    /// Field-by-field equality (ReportConfig is not Equatable).
    static func same(_ a: ReportConfig, _ b: ReportConfig) -> [String] {
        var diffs: [String] = []
        if a.client != b.client { diffs.append("client") }
        if a.locale != b.locale { diffs.append("locale") }
        if a.currency != b.currency { diffs.append("currency") }
        if a.dialect != b.dialect { diffs.append("dialect") }
        if a.activityWindowDays != b.activityWindowDays { diffs.append("activityWindowDays") }
        if a.cadence != b.cadence { diffs.append("cadence") }
        if a.targets != b.targets { diffs.append("targets") }
        if a.segments != b.segments { diffs.append("segments") }
        if a.escalations != b.escalations { diffs.append("escalations") }
        if a.routing != b.routing { diffs.append("routing") }
        if a.lifetime != b.lifetime { diffs.append("lifetime") }
        if a.loyalty != b.loyalty { diffs.append("loyalty") }
        if a.actionPlan != b.actionPlan { diffs.append("actionPlan") }
        return diffs
    }

    // MARK: - Defaults

    @Test("an empty or comment-only file gives the defaults", arguments: ["", "\n", "# nothing here\n", "# a\n\n# b\n"])
    func emptyGivesDefaults(_ text: String) throws {
        let config = try Self.parse(text)
        #expect(Self.same(config, ReportConfig()) == [])
    }

    @Test("an explicitly empty YAML document gives the defaults", arguments: ["---\n", "---\n# all defaults\n", "~\n"])
    func explicitEmptyDocument(_ text: String) throws {
        let config = try Self.parse(text)
        #expect(Self.same(config, ReportConfig()) == [])
    }

    @Test("the defaults are the seed's")
    func seedDefaults() {
        let c = ReportConfig()
        #expect(c.client == nil && c.locale == .en && c.currency == "EUR")
        #expect(c.dialect == InputDialect())
        #expect(c.dialect.delimiter == nil && c.dialect.dateFormat == .iso && c.dialect.columnAliases.isEmpty)
        #expect(c.activityWindowDays == 90)
        #expect(c.targets[.retentionRate] == KPITarget(0.85, .above))
        #expect(c.targets[.churnRate] == KPITarget(0.05, .below))
        #expect(c.escalations.npsBelow == 30 && c.escalations.churnAbove == 0.10 && c.escalations.refundAbove == 1000 && c.escalations.vipTopShare == 0.01)
        #expect(c.loyalty.tierNames == ["Bronze", "Silver", "Gold"] && c.loyalty.tierPercentiles == [0.60, 0.90])
    }

    @Test("DefaultConfig.yaml parses and gives exactly the defaults")
    func defaultConfigFile() throws {
        let config = try Self.parse(DefaultConfig.yaml)
        #expect(Self.same(config, ReportConfig()) == [])
    }

    /// The French file (`init` in a French console) sets the report in French and is otherwise the
    /// English one: the same keys and values, line for line, once the comments are taken out.
    @Test("DefaultConfig.frenchYAML is the English file in French, with locale: fr")
    func frenchDefaultConfigFile() throws {
        let config = try Self.parse(DefaultConfig.frenchYAML)
        var expected = ReportConfig()
        expected.locale = .fr
        #expect(Self.same(config, expected) == [])
        func values(_ text: String) -> [String] {
            text.split(separator: "\n").map { line in
                String(line.prefix { $0 != "#" }).trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
        }
        let english = values(DefaultConfig.yaml), french = values(DefaultConfig.frenchYAML)
        #expect(french == english.map { $0 == "locale: en" ? "locale: fr" : $0 })
        #expect(english.contains("locale: en") && english.count > 40)
        #expect(DefaultConfig.yaml(for: .fr) == DefaultConfig.frenchYAML && DefaultConfig.yaml(for: .en) == DefaultConfig.yaml)
        // Commented-out keys too (client, delimiter, cadence), so that each can be switched on.
        func commented(_ text: String) -> [String] {
            text.split(separator: "\n").filter { $0.hasPrefix("# ") && $0.contains(": ") && !$0.dropFirst(2).hasPrefix(" ") }
                .compactMap { $0.dropFirst(2).split(separator: ":").first.map(String.init) }.filter { !$0.contains(" ") && $0 == $0.lowercased() }
        }
        #expect(commented(DefaultConfig.frenchYAML) == commented(DefaultConfig.yaml) && commented(DefaultConfig.yaml) == ["client", "delimiter", "cadence"])
        // Every English comment has its French, and every French one is used.
        let comments = DefaultConfig.yaml.split(separator: "\n").compactMap { DefaultConfig.splitComment($0).map { String($0.comment) } }
        #expect(comments.filter { DefaultConfig.frenchComments[$0] == nil } == [])
        #expect(Set(DefaultConfig.frenchComments.keys).subtracting(comments) == [])
        #expect(DefaultConfig.frenchYAML.hasPrefix("# Configuration de fidelis-report. Chaque valeur ci-dessous est celle par défaut, sauf locale: fr ;\n# supprimez"))
        #expect(DefaultConfig.frenchYAML.contains("\n# client: Acme               # votre entreprise ou marque"))
        #expect(DefaultConfig.frenchYAML.contains("\nlocale: fr                   # en ou fr : langue du rapport (par défaut en)\n"))
        // No no-break space anywhere: copied into a value, it would make another word.
        #expect(!DefaultConfig.frenchYAML.contains("\u{00A0}") && !DefaultConfig.frenchYAML.contains("\u{202F}"))
    }

    @Test("DefaultConfig.yaml with every value changed: each key is read")
    func everyKeyRead() throws {
        var text = DefaultConfig.yaml
        let edits: [(String, String)] = [
            ("# client: Acme", "client: Acme"), ("locale: en ", "locale: fr "), ("currency: EUR", "currency: CHF"),
            ("# delimiter: \";\"", "delimiter: \";\""), ("date_format: yyyy-mm-dd", "date_format: dd/mm/yyyy"),
            ("columns: {}", "columns: {Email: customer_id}"), ("activity_window_days: 90", "activity_window_days: 60"),
            ("nps_below: 30", "nps_below: 20"), ("churn_above: 0.10", "churn_above: 0.2"), ("refund_above: 1000", "refund_above: 500"),
            ("vip_top_share: 0.01", "vip_top_share: 0.05"), ("churn-prevention: []", "churn-prevention: [cancel, résiliation]"),
            ("time_unit: week", "time_unit: day"), ("horizon_months: 12", "horizon_months: 24"), ("monthly_discount_rate: 0.01", "monthly_discount_rate: 0.02"),
            ("points_per_currency_unit: 1", "points_per_currency_unit: 2"), ("point_value: 0.01", "point_value: 0.05"), ("redemption_rate: 0.6", "redemption_rate: 0.5"),
            ("win_back_incentive: 10", "win_back_incentive: 15"), ("contact_cost: 0.5", "contact_cost: 0.25"),
            ("personal_intervention_cost: 50", "personal_intervention_cost: 80"), ("expected_win_back_rate: 0.15", "expected_win_back_rate: 0.3"),
        ]
        for (old, new) in edits {
            #expect(text.contains(old), "DefaultConfig.yaml lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let c = try Self.parse(text)
        #expect(c.client == "Acme" && c.locale == .fr && c.currency == "CHF")
        #expect(c.dialect.delimiter == UInt8(ascii: ";") && c.dialect.dateFormat == .dayFirst && c.dialect.columnAliases == ["email": "customer_id"])
        #expect(c.activityWindowDays == 60)
        #expect(c.escalations.npsBelow == 20 && c.escalations.churnAbove == 0.2 && c.escalations.refundAbove == 500 && c.escalations.vipTopShare == 0.05)
        let churn = c.routing.keywords.first { $0.area == .churnPrevention }
        #expect(churn?.words.suffix(2) == ["cancel", "résiliation"])
        #expect(c.lifetime.timeUnit == .day && c.lifetime.horizonMonths == 24 && c.lifetime.monthlyDiscountRate == 0.02)
        #expect(c.loyalty.pointsPerCurrencyUnit == 2 && c.loyalty.pointValue == 0.05 && c.loyalty.redemptionRate == 0.5)
        #expect(c.actionPlan.winBackIncentive == 15 && c.actionPlan.contactCost == 0.25 && c.actionPlan.personalInterventionCost == 80 && c.actionPlan.expectedWinBackRate == 0.3)
    }

    @Test("load(path:) reads a file and names it in messages")
    func loadFromDisk() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let good = try dir.write("fidelis.yml", "client: Acme\nlocale: fr\n")
        let c = try ConfigLoader.load(path: good)
        #expect(c.client == "Acme" && c.locale == .fr)

        let bad = try dir.write("bad.yml", "client: Acme\nlocal: fr\n")
        do {
            _ = try ConfigLoader.load(path: bad)
            Issue.record("accepted an unknown key")
        } catch {
            expectError(error, file: "bad.yml", line: 2, column: 1, message: ["unknown key \"local\""])
        }

        let latin1 = try dir.write("latin1.yml", bytes: Array("client: Caf".utf8) + [0xE9, 0x0A])
        do {
            _ = try ConfigLoader.load(path: latin1)
            Issue.record("accepted a non-UTF-8 file")
        } catch {
            expectError(error, file: "latin1.yml", line: 0, column: 0, message: ["the config file is not UTF-8 text"])
        }

        do {
            _ = try ConfigLoader.load(path: dir.url.appendingPathComponent("missing.yml").path)
            Issue.record("accepted a missing file")
        } catch {
            #expect(error.message == "cannot read the config file: No such file or directory")
            #expect(error.file.hasSuffix("missing.yml"))
        }

        do {
            _ = try ConfigLoader.load(path: dir.url.path)
            Issue.record("accepted a folder")
        } catch {
            #expect(error.message == "cannot read the config file: Is a directory")
        }
    }

    // MARK: - Unknown keys, wrong types, YAML syntax

    @Test("an unknown top-level key is reported at its line and column")
    func unknownTopLevelKey() {
        Self.expectFailure("client: Acme\n\ncolour: blue\n", line: 3, column: 1, message: ["unknown key \"colour\""], expected: ["client", "action_plan"])
    }

    @Test("an unknown nested key is reported at its line and column")
    func unknownNestedKey() {
        Self.expectFailure("escalations:\n  nps_below: 20\n  npsbelow: 3\n", line: 3, column: 3, message: ["unknown key \"npsbelow\""], expected: ["nps_below, churn_above"])
        Self.expectFailure("targets:\n  retention_rate: {value: 0.9, dir: above}\n", line: 2, column: 32, message: ["unknown key \"dir\""], expected: ["value, direction"])
        Self.expectFailure("targets:\n  retention: 0.9\n", line: 2, column: 3, message: ["unknown key \"retention\""], expected: ["retention_rate"])
        Self.expectFailure("routing:\n  keywords:\n    marketing: [promo]\n", line: 3, column: 5, message: ["unknown key \"marketing\""], expected: ["churn-prevention"])
        Self.expectFailure("segments:\n  - {id: all, r: 1-5, f: 1-5, m: 1-5, x: 1}\n", line: 2, column: 39, message: ["unknown key \"x\""])
    }

    struct TypeCase: Sendable, CustomTestStringConvertible {
        var yaml: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { yaml }
    }

    @Test("wrong types and out-of-range values are located", arguments: [
        TypeCase(yaml: "activity_window_days: soon\n", line: 1, column: 23, message: "\"soon\" is not a whole number"),
        TypeCase(yaml: "activity_window_days: 12.5\n", line: 1, column: 23, message: "\"12.5\" is not a whole number"),
        TypeCase(yaml: "activity_window_days: 0\n", line: 1, column: 23, message: "0 is out of range"),
        TypeCase(yaml: "client: [a, b]\n", line: 1, column: 9, message: "a list is not a text value"),
        TypeCase(yaml: "targets: [1, 2]\n", line: 1, column: 10, message: "a list is not a mapping"),
        TypeCase(yaml: "targets:\n  nps: high\n", line: 2, column: 8, message: "\"high\" is not a number"),
        TypeCase(yaml: "targets:\n  nps: {value: 50, direction: up}\n", line: 2, column: 31, message: "direction \"up\" is not known"),
        TypeCase(yaml: "escalations:\n  churn_above: [1]\n", line: 2, column: 16, message: "a list is not a number"),
        TypeCase(yaml: "escalations:\n  vip_top_share: 2\n", line: 2, column: 18, message: "is out of range"),
        TypeCase(yaml: "segments: {id: x}\n", line: 1, column: 11, message: "a mapping is not a list"),
        TypeCase(yaml: "lifetime:\n  time_unit: month\n", line: 2, column: 14, message: "time_unit \"month\" is not known"),
        TypeCase(yaml: "lifetime:\n  horizon_months: 0\n", line: 2, column: 19, message: "is out of range"),
        TypeCase(yaml: "loyalty:\n  redemption_rate: 1.5\n", line: 2, column: 20, message: "1.5 is out of range"),
        TypeCase(yaml: "loyalty:\n  tiers: Gold\n", line: 2, column: 10, message: "\"Gold\" is not a list"),
        TypeCase(yaml: "action_plan:\n  contact_cost: -1\n", line: 2, column: 17, message: "is out of range"),
        TypeCase(yaml: "routing:\n  keywords:\n    churn-prevention: cancel\n", line: 3, column: 23, message: "\"cancel\" is not a list"),
        TypeCase(yaml: "delimiter: \"|\"\n", line: 1, column: 12, message: "delimiter \"|\" is not supported"),
        TypeCase(yaml: "date_format: dd-mm-yyyy\n", line: 1, column: 14, message: "date_format \"dd-mm-yyyy\" is not supported"),
        TypeCase(yaml: "cadence: yearly\n", line: 1, column: 10, message: "cadence \"yearly\" is not known"),
        TypeCase(yaml: "cadence: [monthly]\n", line: 1, column: 10, message: "a list is not a text value"),
        TypeCase(yaml: "- client\n- locale\n", line: 1, column: 1, message: "a list is not a mapping"),
        TypeCase(yaml: "just text\n", line: 1, column: 1, message: "\"just text\" is not a mapping"),
    ])
    func wrongTypes(_ c: TypeCase) {
        Self.expectFailure(c.yaml, line: c.line, column: c.column, message: [c.message])
    }

    @Test("an unclosed quote is reported where it starts as well as where the file ends")
    func unclosedQuote() {
        Self.expectFailure("client: Demo\ntargets:\n  nps: \"{value: 50}\nlocale: en\n", line: 5, column: 1,
                           message: ["found unexpected end of stream", "while scanning a quoted scalar at line 3, column 8"])
    }

    @Test("a YAML syntax error reports its line")
    func yamlSyntaxError() throws {
        let e = try #require(Self.error("client: Demo\nlocale: en\n  currency: EUR\n"))
        #expect(e.file == Self.file)
        #expect(e.line == 3)
        #expect(e.column > 0)
        #expect(e.message == "YAML error: mapping values are not allowed in this context")
        #expect(e.expected.hasPrefix("valid YAML: check this line's indentation"))

        // A tab: named as such (`tabIndent`).
        let tab = try #require(Self.error("client: Demo\n\tlocale: en\n"))
        #expect(tab.line == 2)
        #expect(tab.message == "a tab character where YAML allows only spaces")

        let quote = try #require(Self.error("client: Demo\nlocale: en\ncurrency: \"EUR\n"))
        #expect(quote.line >= 3)
        #expect(quote.message.hasPrefix("YAML error: "))
    }

    struct SyntaxHintCase: Sendable, CustomTestStringConvertible {
        var yaml: String, line: Int, column: Int, expected: String
        var testDescription: String { yaml.debugDescription }
    }

    /// The usual mistakes in a hand-edited config get, after libyaml's words, what to check: a key
    /// indented off its block (where the block starts), a colon in a value or a key without one, a
    /// value starting with @, an unclosed quote or bracket, a backslash in double quotes (a Windows
    /// path), a second document. Other problems keep the plain "valid YAML".
    @Test("a YAML syntax error says what to check for the usual mistakes", arguments: [
        SyntaxHintCase(yaml: "targets:\n    churn_rate: 0.05\n  retention_rate: 0.8\n", line: 3, column: 3,
                       expected: "valid YAML: this line indented as the other keys of its block (the keys of one block line up; the block open here starts at line 1, column 1)"),
        SyntaxHintCase(yaml: "routing:\n  keywords:\n    - a\n   - b\n", line: 4, column: 4,
                       expected: "valid YAML: this line indented as the other keys of its block (the keys of one block line up; the block open here starts at line 2, column 3)"),
        SyntaxHintCase(yaml: "client: Top: clients\n", line: 1, column: 12,
                       expected: "valid YAML: check this line's indentation (the keys of a block line up) and that the key above it ends with ':', and put a value holding ': ' between quotes"),
        SyntaxHintCase(yaml: "currency: @EUR\n", line: 1, column: 11, expected: "valid YAML: put a value starting with @, ` or % between quotes"),
        SyntaxHintCase(yaml: "client: 'Demo\n", line: 2, column: 1, expected: "valid YAML: close the quote opened there"),
        SyntaxHintCase(yaml: "client: [a, b\n", line: 2, column: 1, expected: "valid YAML: close the [ opened there, its items separated by commas"),
        SyntaxHintCase(yaml: "client: {a: b\n", line: 2, column: 1, expected: "valid YAML: close the { opened there, its entries separated by commas"),
        SyntaxHintCase(yaml: "client: \"C:\\Users\"\n", line: 1, column: 14,
                       expected: "valid YAML: between double quotes a backslash starts an escape (\\n, \\\"): write \\\\ for a backslash, or use single quotes"),
        SyntaxHintCase(yaml: "client: \"a\\q\"\n", line: 1, column: 11,
                       expected: "valid YAML: between double quotes a backslash starts an escape (\\n, \\\"): write \\\\ for a backslash, or use single quotes"),
        SyntaxHintCase(yaml: "client: A\n---\nclient: B\n", line: 2, column: 1, expected: "valid YAML: one document: no '---' line after the first"),
        SyntaxHintCase(yaml: "client: *\n", line: 1, column: 10, expected: "valid YAML"),
    ])
    func syntaxHint(_ c: SyntaxHintCase) throws {
        let e = try #require(Self.error(c.yaml))
        #expect((e.line, e.column) == (c.line, c.column), "\(e)")
        #expect(e.message.hasPrefix("YAML error: "))
        #expect(e.expected == c.expected)
    }

    @Test("a duplicate key is reported")
    func duplicateKey() throws {
        let e = try #require(Self.error("client: A\nlocale: en\nclient: B\n"))
        #expect(e.message.contains("duplicate key(s) client"))
        #expect(e.line >= 1)
    }

    struct ControlCase: Sendable, CustomTestStringConvertible {
        var yaml: String, line: Int, column: Int
        var testDescription: String { yaml.debugDescription }
    }

    /// Fuzz finding (Fuzz/corpus/config/nul-control-char.yml): libyaml's reader errors (a character YAML
    /// does not allow) carry an offset, not a mark, and came out as `fidelis.yml:0:0`.
    @Test("a control character is located at its line and column", arguments: [
        ControlCase(yaml: "client: A\nlocale: e\u{0}n\n", line: 2, column: 10),
        ControlCase(yaml: "\u{7}client: A\n", line: 1, column: 1),
        ControlCase(yaml: "client: A\r\nlocale: \u{1B}en\n", line: 2, column: 9),
        ControlCase(yaml: "client: \"Été\"\ncurrency: \u{7F}\n", line: 2, column: 11),
        ControlCase(yaml: "client: é\u{FFFE}\n", line: 1, column: 10),
        // The scalar after U+0600 (a prepended mark) is inside its grapheme: Yams gives no offset.
        ControlCase(yaml: "client: A\nlocale: \u{600}\u{FFFE}\n", line: 2, column: 10),
        ControlCase(yaml: "---\nbase: &t {value: 0.5, direction: above}\ntargets:\n  nps:" + String(repeating: "\u{0}", count: 72) + " *t\n...\n", line: 4, column: 7),
    ])
    func controlCharacter(_ c: ControlCase) {
        Self.expectFailure(c.yaml, line: c.line, column: c.column, message: ["YAML error: ", "control characters are not allowed"], expected: ["valid YAML"])
    }

    // MARK: - Values

    @Test("targets: a bare number or {value:, direction:}")
    func targets() throws {
        let c = try Self.parse("""
        targets:
          retention_rate: 0.9
          churn_rate: {value: 0.1, direction: above}
          nps: null
          csat: {direction: below}
          ltv: 100
          ces: {value: 3}

        """)
        #expect(c.targets[.retentionRate] == KPITarget(0.9, .above))
        #expect(c.targets[.churnRate] == KPITarget(0.1, .above))
        #expect(c.targets[.nps] == KPITarget(nil, .above))
        #expect(c.targets[.csat] == KPITarget(4.2, .below))
        #expect(c.targets[.ltv] == KPITarget(100, .above))
        #expect(c.targets[.ces] == KPITarget(3, .below))
        // Untouched targets keep their defaults.
        #expect(c.targets[.repeatPurchaseRate] == KPITarget(0.40, .above))
        #expect(c.targets[.ltvGrowthYoY] == KPITarget.defaults[.ltvGrowthYoY])
        #expect(c.targets.count == KPIKey.allCases.count)
    }

    @Test("locale: en and fr; anything else is an error", arguments: [("en", ReportLocale.en), ("fr", .fr)])
    func locales(_ text: String, _ locale: ReportLocale) throws {
        #expect(try Self.parse("locale: \(text)\n").locale == locale)
    }

    @Test("a bad locale is located", arguments: ["de", "EN", "fr_FR", "''"])
    func badLocale(_ text: String) {
        let shown = text == "''" ? "" : text
        Self.expectFailure("client: X\nlocale: \(text)\n", line: 2, column: 9, message: ["locale \"\(shown)\" is not supported"], expected: ["en or fr"])
    }

    @Test("date_format and delimiter values")
    func dialectKeys() throws {
        #expect(try Self.parse("date_format: DD/MM/YYYY\n").dialect.dateFormat == .dayFirst)
        #expect(try Self.parse("date_format: mm/dd/yyyy\n").dialect.dateFormat == .monthFirst)
        #expect(try Self.parse("delimiter: \",\"\n").dialect.delimiter == UInt8(ascii: ","))
        #expect(try Self.parse("delimiter: \";\"\n").dialect.delimiter == UInt8(ascii: ";"))
        // Keys combine whatever their order.
        let c = try Self.parse("delimiter: \";\"\ncolumns: {CA: revenue}\ndate_format: dd/mm/yyyy\n")
        #expect(c.dialect == InputDialect(delimiter: UInt8(ascii: ";"), dateFormat: .dayFirst, columnAliases: ["ca": "revenue"]))
    }

    @Test("columns: aliases onto snapshot and ledger columns")
    func columns() throws {
        let c = try Self.parse("columns:\n  \"E-mail \": Customer_ID\n  CA: revenue\n  Montant: amount\n  Date achat: date\n")
        #expect(c.dialect.columnAliases == ["e-mail": "customer_id", "ca": "revenue", "montant": "amount", "date achat": "date"])
    }

    @Test("columns: an alias onto an unknown column is rejected at the target")
    func columnsUnknownTarget() throws {
        Self.expectFailure("columns:\n  Email: email_address\n", line: 2, column: 10, message: ["column \"email_address\" is not a known column"],
                           expected: ["customer_id", "amount", "or ignore (a column the export has and the report does not use: read without a warning)"])
        // Each column named once: customer_id, in both kinds of input, was listed twice.
        let listed = try #require(Self.error("columns: {Email: x}\n")).expected
        #expect(listed.components(separatedBy: "customer_id").count == 2, "\(listed)")
        #expect(try Self.parse("columns: {Email: IGNORE, tel: ignore}\n").dialect.columnAliases == ["email": "ignore", "tel": "ignore"])
        Self.expectFailure("columns: {Email: [customer_id]}\n", line: 1, column: 18, message: ["a list is not a text value"])
    }

    @Test("columns: aliases differing only in case are rejected or merged, never a crash")
    func columnsCaseDuplicates() async {
        await #expect(processExitsWith: .success) {
            _ = try? ConfigLoader.parse("columns: {Email: customer_id, email: customer_id}\n", file: "fidelis.yml")
        }
        
    }

    // MARK: - Segments

    @Test("segment score ranges: 3-5, 3 and [3, 5]")
    func scoreRangeForms() throws {
        let c = try Self.parse("""
        segments:
          - {id: top, r: 3-5, f: "4", m: [3, 5]}
          - {id: spaced, r: 2 - 2, f: [1, 1], m: 5}
          - {id: rest}

        """)
        let rules = c.segments.rules
        #expect(rules.count == 3)
        #expect(rules[0] == SegmentRule("top", r: ScoreRange(3, 5), f: ScoreRange(4, 4), m: ScoreRange(3, 5)))
        #expect(rules[1] == SegmentRule("spaced", r: ScoreRange(2, 2), f: ScoreRange(1, 1), m: ScoreRange(5, 5)))
        #expect(rules[2] == SegmentRule("rest", r: ScoreRange(1, 5), f: ScoreRange(1, 5), m: ScoreRange(1, 5)))
        // A table of the user's own ids only: those first, the six (empty) after.
        #expect(c.segments.segments == ["top", "spaced", "rest", "champions", "loyal", "potential", "at_risk", "hibernating", "lost"])
        #expect(c.segments.segments[c.segments.segmentIndex(r: 4, f: 4, m: 4)] == "top")
        #expect(c.segments.segments[c.segments.segmentIndex(r: 4, f: 5, m: 4)] == "rest")
        #expect(c.segments.segments[c.segments.segmentIndex(r: 2, f: 1, m: 5)] == "spaced")
    }

    @Test("segment names and actions: one text for both languages, or one per language")
    func segmentLabels() throws {
        let c = try Self.parse("""
        segments:
          - {id: whales, r: 4-5, f: 5, m: 5, name: {en: VIP whales, fr: Baleines VIP}, action: Personal call}
          - {id: champions, r: 3-5, f: 4-5, m: 4-5, name: Top clients}
          - {id: lost, r: 1, name: Gone quiet}
          - {id: pair, r: 1-2, f: 4-5}
          - {id: pair, r: 1-2, m: 4-5, action: {fr: Relancer}}
          - {id: hibernating, r: 2, f: 5, m: 5, name: {en: Sleepers}, action: {fr: Réveiller}}
          - {id: rest, name: {fr: Le reste}}

        """)
        let t = c.segments
        #expect(t.name("whales", .en) == "VIP whales" && t.name("whales", .fr) == "Baleines VIP")
        #expect(t.action("whales", .en) == "Personal call" && t.action("whales", .fr) == "Personal call")
        // A seed segment renamed keeps the seed's action; one not renamed keeps its name.
        #expect(t.name("champions", .fr) == "Top clients" && t.action("champions", .en) == "Reward")
        #expect(t.name("loyal", .fr) == "Loyaux" && t.action("loyal", .fr) == "Faire monter en gamme")
        // One language given: for one of the six, the seed's text in the other (a French report
        // showed the English name); for an id of the config's own, the one given, in both.
        #expect(t.name("hibernating", .en) == "Sleepers" && t.name("hibernating", .fr) == "Endormis")
        #expect(t.action("hibernating", .en) == "Reactivate" && t.action("hibernating", .fr) == "Réveiller")
        // No action: none.
        #expect(t.name("rest", .en) == "Le reste" && t.action("rest", .en) == nil)
        #expect(t.name("pair", .en) == "pair" && t.action("pair", .en) == "Relancer")
        // Profiles: the seed's arrows under the seed's rules, else the rules' score ranges.
        #expect(t.profile("champions") == "R↑ F↑ M↑")
        #expect(t.profile("lost") == "R1 F1–5 M1–5")
        #expect(t.profile("whales") == "R4–5 F5 M5")
        #expect(t.profile("pair") == "R1–2 F4–5 M1–5 / R1–2 F1–5 M4–5")
        #expect(SegmentTable.seed.profile("at_risk") == "R↓ F↑/M↑")
        #expect(!c.warnings.contains { $0.contains("name") }, "\(c.warnings)")
        // A name the charts cut short is warned about, where it is given, in each language.
        let long = try Self.parse("segments:\n  - {id: a, r: 5, f: 1-5, m: 1-5, name: {en: Very loyal high-value clients, fr: Fidèles}}\n  - {id: b}\n")
        #expect(long.warnings.filter { $0.contains("name") } == ["fidelis.yml:2:41: segment a's name \"Very loyal high-value clients\" has 29 characters: charts show about 20 of them, then \"…\" (expected a shorter name, which reads in both; the tables show it whole)"], "\(long.warnings)")
        // The same name given on two rules of one id is fine.
        #expect(try Self.parse("segments:\n  - {id: a, r: 5, name: A}\n  - {id: a, name: A}\n").segments.name("a", .fr) == "A")
    }

    @Test("bad segment names and actions are located")
    func badSegmentLabels() {
        let rule = "  - {id: w, r: 1-5, f: 1-5, m: 1-5, "
        func at(_ tail: String, _ needle: String) -> (String, Int) {
            let line = rule + tail + "}"
            return ("segments:\n" + line + "\n", line.distance(from: line.startIndex, to: line.range(of: needle)!.lowerBound) + 1)
        }
        var (yaml, column) = at("name: \"  \"", "\"")
        Self.expectFailure(yaml, line: 2, column: column, message: ["the segment's name is empty"])
        (yaml, column) = at("name: " + String(repeating: "x", count: 41), "xxx")
        Self.expectFailure(yaml, line: 2, column: column, message: ["the segment's name has 41 characters"], expected: ["at most 40"])
        (yaml, column) = at("action: " + String(repeating: "y", count: 81), "yyy")
        Self.expectFailure(yaml, line: 2, column: column, message: ["the segment's action has 81 characters"], expected: ["at most 80"])
        (yaml, column) = at("name: {de: x}", "de")
        Self.expectFailure(yaml, line: 2, column: column, message: ["unknown key \"de\""], expected: ["en, fr"])
        (yaml, column) = at("name: {en: Stars, fr: \"\"}", "\"\"")
        Self.expectFailure(yaml, line: 2, column: column, message: ["the segment's French name is empty"])
        (yaml, column) = at("name: {}", "{}")
        Self.expectFailure(yaml, line: 2, column: column, message: ["the segment's name gives no text"])
        (yaml, column) = at("name: [a, b]", "[a")
        Self.expectFailure(yaml, line: 2, column: column, message: ["a list is not a text value"])
        // Shown under another segment's name, in either language (case aside); reported at the later
        // segment's name, or at the earlier one's when only that one is given.
        Self.expectFailure("segments:\n  - {id: champions, name: whales}\n  - {id: whales}\n", line: 2, column: 27,
                           message: ["segment champions is named \"whales\", the name of segment whales"])
        (yaml, column) = at("name: loyal", "loyal")
        Self.expectFailure(yaml, line: 2, column: column, message: ["segment w is named \"loyal\", the name of segment loyal"], expected: ["a name of its own"])
        (yaml, column) = at("name: {en: Whales, fr: Endormis}", "{en")
        Self.expectFailure(yaml, line: 2, column: column, message: ["segment w is named \"Endormis\", the name of segment hibernating"])
        Self.expectFailure("segments:\n  - {id: a, r: 5, name: A}\n  - {id: b, r: 4, name: A}\n  - {id: c}\n", line: 3, column: 25,
                           message: ["is named \"A\", the name of segment"])
        // Nor the migration matrix's own row and column.
        (yaml, column) = at("name: {en: New, fr: Nouveaux venus}", "{en")
        Self.expectFailure(yaml, line: 2, column: column, message: ["segment w is named \"New\", the name of the migration matrix's row of new customers"])
        (yaml, column) = at("name: {en: Left, fr: sortis}", "{en")
        Self.expectFailure(yaml, line: 2, column: column, message: ["segment w is named \"sortis\", the name of the migration matrix's column of customers gone"])
        // One id, two different names.
        Self.expectFailure("segments:\n  - {id: a, r: 5, name: A}\n  - {id: a, name: B}\n", line: 3, column: 19,
                           message: ["segment a has another name at line 2"], expected: ["one name per segment id"])
    }

    @Test("bad score ranges are located", arguments: [
        ("0-5", "\"0-5\" is not a score range", 16), ("3-6", "\"3-6\" is not a score range", 16), ("5-3", "\"5-3\" is not a score range", 16),
        ("3-", "\"3-\" is not a score range", 16), ("x", "\"x\" is not a score range", 16), ("1-2-3", "\"1-2-3\" is not a score range", 16),
        ("[1, 2, 3]", "a list is not a score range", 16), ("[5, 3]", "a list is not a score range", 16), ("[]", "a list is not a score range", 16),
        ("[0, 3]", "0 is out of range", 17), ("{a: 1}", "a mapping is not a text value", 16),
    ] as [(String, String, Int)])
    func badScoreRanges(_ range: String, _ message: String, _ column: Int) {
        // "  - {id: a, r: " puts the range at column 16.
        Self.expectFailure("segments:\n  - {id: a, r: \(range), f: 1-5, m: 1-5}\n", line: 2, column: column, message: [message])
    }

    @Test("a segment table with a gap names the missing triple")
    func segmentGap() {
        Self.expectFailure("client: X\nsegments:\n  - {id: champions, r: 3-5, f: 4-5, m: 4-5}\n", line: 3, column: 3,
                           message: ["the segment table matches no rule for the scores R=1 F=1 M=1"], expected: ["125 score triples"])
        Self.expectFailure("segments:\n  - {id: a, r: 1-5, f: 1-4, m: 1-5}\n", line: 2, column: 3, message: ["R=1 F=5 M=1"])
        Self.expectFailure("segments:\n  - {id: a, r: 1-5, f: 1-5, m: 1-2}\n  - {id: b, r: 1-4, f: 1-5, m: 3-5}\n", line: 2, column: 3, message: ["R=5 F=1 M=3"])
        Self.expectFailure("segments: []\n", line: 1, column: 11, message: ["R=1 F=1 M=1"])
    }

    @Test("a segment table naming more than 94 ids besides the seed's six is an error")
    func tooManySegmentIDs() throws {
        func table(_ extra: Int) -> String {
            "segments:\n" + (0..<extra).map { "  - {id: s\($0), r: 5-5, f: 5-5, m: 5-5}\n" }.joined() + "  - {id: lost}\n"
        }
        #expect(try Self.parse(table(94)).segments.segments.count == 100)
        Self.expectFailure(table(95), line: 2, column: 3, message: ["names 95 segment ids besides the seed's six"], expected: ["at most 94"])
    }

    @Test("a segment id spelling a seed segment another way is an error naming the machine id", arguments: [
        ("Champions", "champions"), ("LOYAL", "loyal"), ("Loyaux", "loyal"), ("At risk", "at_risk"), ("à risque", "at_risk"),
        ("a-risque", "at_risk"), ("Endormis", "hibernating"), ("Perdus", "lost"), (" potential", "potential"),
    ])
    func seedSegmentSpelledAnotherWay(_ id: String, _ seed: String) {
        Self.expectFailure("segments:\n  - {id: '\(id)', r: 1-5, f: 1-5, m: 1-5}\n", line: 2, column: 10,
                           message: ["segment id \"\(id)\" spells the seed's segment \(seed) another way"], expected: ["the machine id \(seed)"])
    }

    @Test("own segment ids that are not the seed's are kept")
    func ownSegmentIDs() throws {
        let c = try Self.parse("segments:\n  - {id: vip_champions, r: 5-5}\n  - {id: riskier, r: 1-2}\n  - {id: lost}\n")
        // Before the seed segments this table does not name, which stand where lost does.
        #expect(c.segments.segments == ["vip_champions", "riskier"] + SegmentCatalog.seedOrder)
    }

    @Test("a segment rule without id is an error")
    func segmentWithoutID() {
        Self.expectFailure("segments:\n  - {r: 1-5, f: 1-5, m: 1-5}\n", line: 2, column: 5, message: ["segment rule has no id"])
        Self.expectFailure("segments:\n  - {id: '', r: 1-5}\n", line: 2, column: 5, message: ["segment rule has no id"])
    }

    @Test("the seed segment table written out in YAML equals SegmentTable.seed")
    func seedSegmentsInYAML() throws {
        let c = try Self.parse(DefaultConfig.yaml)
        #expect(c.segments == SegmentTable.seed)
        #expect(c.segments.segments == ["champions", "loyal", "potential", "at_risk", "hibernating", "lost"])
    }

    // MARK: - Loyalty

    @Test("loyalty: percentiles must match the tiers")
    func loyaltyPercentiles() throws {
        let ok = try Self.parse("loyalty:\n  tiers: [Member, VIP]\n  tier_percentiles: [0.8]\n")
        #expect(ok.loyalty.tierNames == ["Member", "VIP"] && ok.loyalty.tierPercentiles == [0.8])

        Self.expectFailure("client: X\nloyalty:\n  tiers: [Member, VIP]\n", line: 3, column: 3,
                           message: ["loyalty has 2 tiers and 2 percentiles"], expected: ["one increasing percentile per tier above the first"])
        Self.expectFailure("loyalty:\n  tier_percentiles: [0.5, 0.7, 0.9]\n", line: 2, column: 3, message: ["loyalty has 3 tiers and 3 percentiles"])
        // The right count in the wrong order: said as such, at the list.
        Self.expectFailure("loyalty:\n  tier_percentiles: [0.9, 0.6]\n", line: 2, column: 21, message: ["tier_percentiles [0.9, 0.6] do not increase"],
                           expected: ["a higher spend percentile than the one before"])
        Self.expectFailure("loyalty:\n  tier_percentiles: [0.6, 1.2]\n", line: 2, column: 27, message: ["1.2 is out of range"])
    }

    @Test("a tab used to indent is named as such, at its place")
    func tabIndent() {
        Self.expectFailure("client: X\ntargets:\n\tnps: 40\n", line: 3, column: 1, message: ["a tab character where YAML allows only spaces"],
                           expected: ["spaces to indent: replace the tab with spaces"])
        // A tab indenting a key among siblings: libyaml's other words for it.
        Self.expectFailure("escalations:\n  nps_below: 30\n\tchurn_above: 0.2\n", line: 3, column: 1, message: ["a tab character where YAML allows only spaces"])
        #expect(ConfigLoader.character(in: "ab\n\tc", line: 2, column: 1) == "\t")
        #expect(ConfigLoader.character(in: "ab\n\tc", line: 1, column: 2) == "b")
        #expect(ConfigLoader.character(in: "ab", line: 3, column: 1) == nil)
    }

    // MARK: - Values written as percentages

    @Test("a rate target or threshold written as a percentage is refused, with the fraction it means")
    func percentagesForFractions() throws {
        Self.expectFailure("targets:\n  retention_rate: {value: 85, direction: above}\n", line: 2, column: 27, message: ["85 is out of range"],
                           expected: ["a fraction from 0 to 1", "0.85 for 85 %"])
        Self.expectFailure("targets:\n  churn_rate: 5\n", line: 2, column: 15, message: ["5 is out of range"], expected: ["0.05 for 5 %"])
        Self.expectFailure("escalations:\n  churn_above: 10\n", line: 2, column: 16, message: ["10 is out of range"], expected: ["0.1 for 10 %"])
        Self.expectFailure("escalations:\n  refund_above: -1\n", line: 2, column: 17, message: ["-1 is out of range"])
        Self.expectFailure("escalations:\n  nps_below: 130\n", line: 2, column: 14, message: ["130 is out of range"])
        Self.expectFailure("targets:\n  csat: 42\n", line: 2, column: 9, message: ["42 is out of range"])
        Self.expectFailure("targets:\n  ltv_growth_yoy: 20\n", line: 2, column: 19, message: ["20 is out of range"], expected: ["0.2 for 20 %"])
        Self.expectFailure("escalations:\n  churn_above: 1\n", line: 2, column: 16, message: ["1 is out of range"], expected: ["a fraction from 0 to 0.99"])
        Self.expectFailure("escalations:\n  vip_top_share: 5\n", line: 2, column: 18, message: ["5 is out of range"], expected: ["0.05 for 5 %"])
        Self.expectFailure("loyalty:\n  redemption_rate: 60\n", line: 2, column: 20, message: ["60 is out of range"], expected: ["0.6 for 60 %"])
        Self.expectFailure("action_plan:\n  expected_win_back_rate: 15\n", line: 2, column: 27, message: ["15 is out of range"], expected: ["0.15 for 15 %"])
        Self.expectFailure("lifetime:\n  monthly_discount_rate: 1\n", line: 2, column: 26, message: ["1 is out of range"], expected: ["a fraction from 0 to 0.5"])
        // In range: fractions, NPS on −100…100, a null target.
        let ok = try Self.parse("targets:\n  retention_rate: 0.9\n  nps: -10\n  ltv_growth_yoy: 0.25\n  ces: null\nescalations:\n  churn_above: 0.2\n  nps_below: 0\n")
        #expect(ok.targets[.retentionRate]?.value == 0.9 && ok.targets[.nps]?.value == -10 && ok.targets[.ltvGrowthYoY]?.value == 0.25)
        #expect(ok.targets[.ces]?.value == nil && ok.escalations.churnAbove == 0.2 && ok.escalations.npsBelow == 0)
    }

    // MARK: - Warnings

    /// Values that are valid but almost surely not meant are accepted and said, with the place:
    /// a target direction against the KPI's good direction, an NPS written as a fraction, a segment
    /// rule that leaves out a score letter (it then matches every score of it).
    /// `cadence:` names the period of each snapshot. Left at the seed's monthly values, the targets
    /// that depend on the period are said, with their values at the same monthly pace (worked by
    /// hand: 0.85³ = 0.614, 1 − 0.95³ = 0.143, 1 − 0.9³ = 0.271; a week is 12/52 of a month:
    /// 0.85^0.2308 = 0.963, 1 − 0.95^0.2308 = 0.0118, 1 − 0.9^0.2308 = 0.0240).
    @Test func aCadenceOtherThanMonthlyAsksForTargetsOfItsPeriod() throws {
        #expect(try Self.parse("client: X\n").cadence == nil)
        #expect(try Self.parse("cadence: monthly\n").cadence == .monthly)
        #expect(try Self.parse("cadence: monthly\n").warnings.isEmpty)
        #expect(try Self.parse("cadence: Quarterly\n").cadence == .quarterly)
        #expect(try Self.parse("cadence:\n").cadence == nil && Self.parse("cadence: ~\n").cadence == nil)
        let quarterly = try Self.parse("cadence: quarterly\n")
        #expect(quarterly.cadence == .quarterly)
        #expect(quarterly.warnings == ["fidelis.yml:1:10: cadence: quarterly, but targets.retention_rate, targets.churn_rate and escalations.churn_above keep their defaults, a month's values (expected values for a quarter; at the same monthly pace: retention_rate 0.61, churn_rate 0.14 and churn_above 0.27)"])
        // Targets written after the cadence count; only those left at a month's value are named.
        let partly = try Self.parse("cadence: quarterly\ntargets:\n  retention_rate: 0.6\n  churn_rate: 0.15\n")
        #expect(partly.warnings == ["fidelis.yml:1:10: cadence: quarterly, but escalations.churn_above keeps its default, a month's value (expected values for a quarter; at the same monthly pace: churn_above 0.27)"])
        #expect(try Self.parse("targets:\n  retention_rate: 0.6\n  churn_rate: null\nescalations:\n  churn_above: 0.3\ncadence: quarterly\n").warnings.isEmpty)
        let weekly = try Self.parse("cadence: weekly\n")
        #expect(weekly.warnings.first?.hasSuffix("(expected values for a week; at the same monthly pace: retention_rate 0.96, churn_rate 0.012 and churn_above 0.024)") == true, "\(weekly.warnings)")
        // The file init writes says the key, commented out: its defaults stay monthly, unsaid.
        #expect(DefaultConfig.yaml.contains("\n# cadence: quarterly\n"))
        #expect(try Self.parse(DefaultConfig.yaml).cadence == nil)
    }

    @Test func likelyMistakesAreWarnedAbout() throws {
        let config = try Self.parse("""
            targets:
              churn_rate: {value: 0.08, direction: above}
              nps: {value: 0.5}
              retention_rate: {value: 0.8, direction: above}
            escalations:
              nps_below: 0.2
            segments:
              - {id: champions, r: 3-5, m: 4-5}
              - {id: lost}

            """)
        #expect(config.warnings == [
            "fidelis.yml:2:40: targets.churn_rate: direction above counts a value above the target as on target, though a lower churn_rate is better (expected direction: below, unless that is what you mean)",
            "fidelis.yml:3:8: targets.nps: 0.5 is an NPS of 0.5 (NPS runs from −100 to 100, not from −1 to 1) (expected 50 for an NPS of 50)",
            "fidelis.yml:6:14: escalations.nps_below: 0.2 is an NPS of 0.2 (NPS runs from −100 to 100, not from −1 to 1) (expected 20 for an NPS of 20)",
            "fidelis.yml:8:5: segment rule 1 (champions) gives no f: it matches every F score, 1 to 5 (expected f: 1-5 written out, or the range meant)",
        ])
        #expect(config.targets[.churnRate]?.direction == .above && config.escalations.npsBelow == 0.2)
        #expect(try Self.parse("targets:\n  nps: {value: -5}\n  ces: {value: 4, direction: below}\nescalations:\n  nps_below: 0\n").warnings.isEmpty)
    }

    /// Numbers written the French way or as percentages get the YAML spelling in their error.
    @Test func frenchAndPercentNumbersGetAHint() {
        func message(_ text: String) -> String {
            do { _ = try Self.parse(text); return "accepted" } catch { return error.description }
        }
        #expect(message("targets:\n  churn_rate: {value: 0,08}\n") == "fidelis.yml:2:25: unknown key \"08\" (a decimal comma? YAML takes the comma as a separator: write the number with a point, as 0.5 for 0,5) (expected one of value, direction)")
        #expect(message("escalations:\n  churn_above: 8 %\n") == "fidelis.yml:2:16: \"8 %\" is not a number (expected a finite number like 0.85; rates are fractions: 0.08 for 8 %)")
        #expect(message("escalations:\n  refund_above: 1000,5\n") == "fidelis.yml:2:17: \"1000,5\" is not a number (expected a finite number like 0.85; a decimal point, not a comma: 1000.5)")
        #expect(message("escalations:\n  nps_below: 30%\n") == "fidelis.yml:2:14: \"30%\" is not a number (expected a finite number like 0.85)")
    }

    @Test("a segment rule that can never apply, and an id one letter from a seed id, are warned about")
    func segmentTableWarnings() throws {
        let shadowed = try Self.parse("""
            segments:
              - {id: lost, r: 1-5, f: 1-5, m: 1-5}
              - {id: champions, r: 3-5, f: 4-5, m: 4-5}

            """)
        #expect(shadowed.warnings.count == 1)
        #expect(shadowed.warnings.first?.hasPrefix("fidelis.yml:3:5: segment rule 2 (champions) never applies") == true)
        let nearSeed = try Self.parse("""
            segments:
              - {id: champions, r: 3-5, f: 4-5, m: 4-5}
              - {id: lostt, r: 1-5, f: 1-5, m: 1-5}

            """)
        #expect(nearSeed.warnings == ["fidelis.yml:3:5: segment id \"lostt\" is not a seed id but is close to lost: it makes a segment of its own, without lost's name, action and playbook"])
        // The seed's table (two rules per id for at_risk and hibernating, none covered whole) and a
        // user id far from any seed id: no warning.
        #expect(try Self.parse("client: X\n").warnings.isEmpty)
        #expect(try Self.parse("segments:\n  - {id: vip_watch, r: 1-2, f: 5-5, m: 5-5}\n  - {id: lost, r: 1-5, f: 1-5, m: 1-5}\n").warnings.isEmpty)
        let seedRules = SegmentTable.seed.rules
        #expect(ConfigLoader.segmentTableWarnings(seedRules, file: "f", places: []).isEmpty)
    }

    @Test("the migration matrix's own row and column names are not segment ids", arguments: ["new", "gone"])
    func reservedSegmentIDs(_ id: String) {
        Self.expectFailure("segments:\n  - {id: \(id), r: 1-5, f: 1-5, m: 1-5}\n", line: 2, column: 10,
                           message: ["segment id \"\(id)\" is the migration matrix's own row or column"], expected: ["another id"])
    }

    @Test("edit distance one", arguments: [("lost", "lostt", true), ("lost", "los", true), ("loyal", "royal", true), ("lost", "lost", false),
                                           ("lost", "post!", false), ("champions", "champs", false), ("at_risk", "atrisk", true)])
    func editDistanceOne(_ a: String, _ b: String, _ expected: Bool) {
        #expect(ConfigLoader.editDistanceIsOne(a, b) == expected)
        #expect(ConfigLoader.editDistanceIsOne(b, a) == expected)
    }

    /// One run names every misspelt key, wherever it is, and the first wrong value of each section,
    /// in file order; `parse` throws the first of them.
    @Test("every unknown key and each section's wrong value are reported at once")
    func everyErrorAtOnce() {
        let text = """
        targets:
          retention_rate: 0.8
          churn_rat: 0.1
          nps: high
        activity_window_day: 90
        locale: de
        lifetime:
          horizon_month: 6
          time_unit: day
        client: Demo
        """
        do {
            _ = try ConfigLoader.parseAll(text, file: Self.file)
            Issue.record("accepted")
        } catch {
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(error.total == 5, "\(error)")
            #expect(lines.count == 5)
            #expect(lines[0].hasPrefix("fidelis.yml:3:3: unknown key \"churn_rat\""))
            #expect(lines[1].hasPrefix("fidelis.yml:4:8: \"high\" is not a number"), "\(lines[1])")
            #expect(lines[2].hasPrefix("fidelis.yml:5:1: unknown key \"activity_window_day\""))
            #expect(lines[3].hasPrefix("fidelis.yml:6:9: locale \"de\" is not supported"))
            #expect(lines[4].hasPrefix("fidelis.yml:8:3: unknown key \"horizon_month\""))
        }
        #expect(throws: InputError.self) { try Self.parse(text) }
        do { _ = try Self.parse(text) } catch { #expect((error.line, error.column) == (3, 3)) }
        // A YAML syntax error stops the reading: one error.
        do { _ = try ConfigLoader.parseAll("targets: [\nlocale: de\n", file: Self.file) } catch { #expect(error.total == 1) }
    }
}
