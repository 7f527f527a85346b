/// Draws of survey answers (NPS, CSAT, CES) and of the tone of a verbatim.
enum SampleSurvey {
    /// An NPS answer 0...10. `target` is the month's NPS / 100; `shift` raises the
    /// promoter share and lowers the detractor share (the customer's mood).
    static func nps(_ random: inout SampleRandom, target: Double, shift: Double) -> Int {
        let promoters = min(0.9, max(0.05, 0.40 + target / 2 + shift))
        let detractors = min(0.9, max(0.02, 0.40 - target / 2 - shift))
        let u = random.uniform()
        if u < promoters { return random.uniform() < 0.55 ? 10 : 9 }
        if u < promoters + detractors {
            return pick(&random, weights: detractorWeights)
        }
        return random.uniform() < 0.55 ? 8 : 7
    }

    /// A CSAT answer 1...5 (mean about 4); a positive `shift` moves answers up.
    static func csat(_ random: inout SampleRandom, shift: Double) -> Int {
        let u = random.uniform() + shift * 0.5
        if u < 0.05 { return 1 }
        if u < 0.11 { return 2 }
        if u < 0.23 { return 3 }
        if u < 0.58 { return 4 }
        return 5
    }

    /// A CES answer 1...7 (7 = very easy); a positive `shift` moves answers up.
    static func ces(_ random: inout SampleRandom, shift: Double) -> Int {
        1 + pick(&random, weights: cesWeights, shift: shift)
    }

    /// The tone of a verbatim: from the NPS answer when there is one, else from mood and events.
    static func tone(_ random: inout SampleRandom, nps: Int, shift: Double, unhappy: Bool) -> SampleFeedbackBank.Tone {
        if nps >= 9 { return .positive }
        if nps >= 7 { return .neutral }
        if nps >= 0 || unhappy { return .negative }
        let u = random.uniform() - shift
        if u < 0.35 { return .positive }
        if u < 0.70 { return .neutral }
        return .negative
    }

    /// Weights of the detractor answers 0...6.
    static let detractorWeights: [Double] = [2, 1, 2, 4, 7, 12, 18]
    /// Weights of the CES answers 1...7.
    static let cesWeights: [Double] = [3, 4, 7, 12, 22, 28, 24]

    /// An index drawn with the given weights; `shift` in about -1...1 moves the draw toward the end.
    private static func pick(_ random: inout SampleRandom, weights: [Double], shift: Double = 0) -> Int {
        let total = weights.reduce(0, +)
        var u = min(0.999_999, max(0, random.uniform() + shift * 0.5)) * total
        for (index, weight) in weights.enumerated() {
            if u < weight { return index }
            u -= weight
        }
        return weights.count - 1
    }
}
