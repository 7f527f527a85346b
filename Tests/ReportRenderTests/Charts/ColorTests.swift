import Testing
@testable import ReportRender

@Suite struct ColorTests {
    @Test func parsesHex() {
        #expect(ChartColor(hex: "#0072B2") == .blue)
        #expect(ChartColor(hex: "0072b2")?.hex == "#0072b2")
        #expect(ChartColor(hex: "#fff") == .white)
        #expect(ChartColor(hex: "red") == nil)
        #expect(ChartColor(hex: "#12345") == nil)
        #expect(ChartColor(hex: "\"><script>") == nil)
    }

    @Test func sequentialScaleIsMonotonic() {
        let scale = SequentialColorScale(domain: 0...1)
        let samples = (0...200).map { scale.color(for: Double($0) / 200) }
        for (a, b) in zip(samples, samples.dropFirst()) {
            #expect(b.relativeLuminance <= a.relativeLuminance, "\(a.hex) → \(b.hex)")
            #expect(b.red <= a.red && b.green <= a.green && b.blue <= a.blue)
        }
        #expect(samples.first == SequentialColorScale.blues.first)
        #expect(samples.last == SequentialColorScale.blues.last)
        #expect(samples.first!.relativeLuminance - samples.last!.relativeLuminance > 0.8)
    }

    @Test func scaleClampsAndHandlesBadDomains() {
        let scale = SequentialColorScale(domain: 10...20)
        #expect(scale.color(for: -5) == scale.color(for: 10))
        #expect(scale.color(for: 99) == scale.color(for: 20))
        #expect(scale.color(for: .nan) == scale.color(for: 10))
        let flat = SequentialColorScale(domain: 0...0)
        #expect(flat.lower == 0 && flat.upper == 1)
        let single = SequentialColorScale(domain: 7...7)
        #expect(single.lower == 0 && single.upper == 7)
        #expect(SequentialColorScale(domain: -.infinity ... .infinity).upper == 1)
    }

    @Test func textColorContrastsWithEveryCell() {
        let scale = SequentialColorScale(domain: 0...1)
        for i in 0...100 {
            let fill = scale.color(for: Double(i) / 100)
            #expect(fill.contrastRatio(with: fill.contrastingText) >= 4.5, "\(fill.hex)")
        }
        #expect(scale.color(for: 0).contrastingText == .black)
        #expect(scale.color(for: 1).contrastingText == .white)
    }

    @Test func okabeItoPalette() {
        #expect(ChartColor.categorical.map(\.hex) == ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#f0e442", "#000000"])
        // Line colours that come first stand out against white (≥ 3:1).
        for color in ChartColor.lines.prefix(5) {
            #expect(color.contrastRatio(with: .white) >= 3, "\(color.hex)")
        }
    }
}
