import Testing
@testable import ReportRender

/// Tags naming nothing in a view are found where they are, and only those: a name resolved in an
/// enclosing section, a section this view does not render, or a value it cannot see into is not.
@Suite struct TemplateKeyCheckTests {
    func unknown(_ text: String, _ view: [String: Any]) -> [String] {
        TemplateKeyCheck.tagProblems(in: text, view: view).map { "\($0.line):\($0.column) \($0.tag)" }
    }

    @Test func plainNamesAreLocatedByLineAndCharacter() {
        #expect(unknown("# {{title}} {{titel}}\n\né {{{rwa}}} {{& raw }}\n", ["title": "T", "raw": "<b>"]) == ["1:13 {{titel}}", "3:3 {{{rwa}}}"])
        #expect(unknown("{{ title }}{{!  no such key }}{{> partial}}", ["title": "T"]).isEmpty)
    }

    @Test func sectionsLookUpTheirElementThenOutwards() {
        let view: [String: Any] = ["client": "C", "kpis": [["name": "a", "value": "1"], ["name": "b", "target": "2"]] as [[String: Any]]]
        // `target` is in the second element only; `client` in the root.
        #expect(unknown("{{#kpis}}{{name}} {{target}} {{client}} {{vaule}}{{/kpis}} {{name}}", view) == ["1:41 {{vaule}}", "1:60 {{name}}"])
        #expect(unknown("{{#kpi}}x{{/kpi}}{{^kpi}}y{{/kpi}}", view) == ["1:1 {{#kpi}}", "1:18 {{^kpi}}"])
    }

    @Test func sectionsThisViewDoesNotRenderAreNotChecked() {
        let view: [String: Any] = ["none": [] as [Any], "off": false, "on": true, "missing": String?.none as Any]
        #expect(unknown("{{#none}}{{a}}{{/none}}{{#off}}{{b}}{{/off}}{{^on}}{{c}}{{/on}}{{#missing}}{{d}}{{/missing}}", view).isEmpty)
        // A rendered flag section reads names outside it; an inverted section over false is rendered.
        #expect(unknown("{{#on}}{{e}}{{/on}}{{^off}}{{f}}{{/off}}", view) == ["1:8 {{e}}", "1:28 {{f}}"])
    }

    @Test func dottedNamesAndTransforms() {
        let view: [String: Any] = ["lifetime": ["fitted": true, "r": "0.2"] as [String: Any], "text": "abc", "list": ["x", "y"]]
        #expect(unknown("{{lifetime.r}} {{lifetime.q}} {{text.count}} {{#lifetime}}{{r}}{{/lifetime}}", view) == ["1:16 {{lifetime.q}}"])
        #expect(unknown("{{uppercased(text)}} {{uppercased(txet)}} {{#list}}{{.}}{{^last()}},{{/last()}}{{/list}}", view) == ["1:22 {{uppercased(txet)}}"])
        // A list of plain values: the names inside are not knowable.
        #expect(unknown("{{#list}}{{anything}}{{/list}}", view).isEmpty)
    }

    /// A value tag over a flag, a list or a group of keys prints `true` or internal data: it is
    /// warned about, with the section to write instead; the same names as sections are fine.
    @Test func valueTagsOverFlagsListsAndGroupsAreFound() {
        let view: [String: Any] = ["few_buyers": false, "segments": [["id": "a"]] as [[String: Any]], "kpi": ["nps": ["value": "1"] as [String: Any]] as [String: Any]]
        let found = TemplateKeyCheck.tagProblems(in: "{{few_buyers}} {{segments}}\n{{{kpi.nps}}} {{kpi.nps.value}} {{#segments}}{{id}}{{/segments}} {{count(segments)}}", view: view)
        #expect(found.map { "\($0.line):\($0.column)" } == ["1:1", "1:16", "2:1"])
        #expect(found.map(\.explanation) == [
            "{{few_buyers}} names a yes/no flag, so it prints true or false (expected {{#few_buyers}}…{{/few_buyers}} around the text or keys to show)",
            "{{segments}} names a list, so it prints internal data in no set order (expected {{#segments}}…{{/segments}} around the text or keys to show)",
            "{{{kpi.nps}}} names a group of keys, so it prints internal data in no set order (expected {{#kpi.nps}}…{{/kpi.nps}} around the text or keys to show)",
        ])
    }

    @Test func tagsOverLinesAndChangedDelimiters() {
        #expect(unknown("a\n{{#kpis\n}}\n{{x}}{{/kpis}}", ["kpis": [["y": 1]]]) == ["4:1 {{x}}"])
        // Blocks and parents are closed like sections: the names after them are still checked.
        #expect(unknown("{{<parent}}{{$title}}{{a}}{{/title}}{{/parent}}{{#kpis}}{{y}}{{/kpis}}{{y}}", ["a": 1, "kpis": [["y": 1]]]) == ["1:71 {{y}}"])
        #expect(unknown("{{#kpis}}{{$b}}x{{/b}}{{y}}{{/kpis}}", ["kpis": [["y": 1]]]).isEmpty)
        // After a set-delimiter tag nothing can be read as a tag: nothing is reported.
        #expect(unknown("{{a}}{{=<% %>=}}<% b %>{{c}}", ["a": 1]).isEmpty)
    }
}
