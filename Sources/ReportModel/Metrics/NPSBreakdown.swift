/// NPS answers of a snapshot split into detractors (0–6), passives (7–8) and promoters (9–10).
public struct NPSBreakdown: Sendable, Equatable {
    public var detractors = 0
    public var passives = 0
    public var promoters = 0

    public init(detractors: Int = 0, passives: Int = 0, promoters: Int = 0) {
        self.detractors = detractors
        self.passives = passives
        self.promoters = promoters
    }

    public var answers: Int { detractors + passives + promoters }
    /// 100 × (promoters − detractors) / answers; nil without answers.
    public var score: Double? {
        answers == 0 ? nil : 100.0 * Double(promoters - detractors) / Double(answers)
    }
}
