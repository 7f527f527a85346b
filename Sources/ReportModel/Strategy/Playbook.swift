/// A retention playbook (« Playbooks rétention »): for one segment or one escalation, who is targeted,
/// through which sequence, with which offer, measured how, owned by whom.
public struct Playbook: Sendable, Equatable {
    /// `segment-<id>` or `escalation-<kind>`.
    public var id: String
    public var title: LocalizedText
    public var objective: LocalizedText
    /// What starts the playbook for a customer (or the team).
    public var trigger: LocalizedText
    /// The segment it is for; nil for an escalation playbook.
    public var segment: String?
    /// The escalation it handles; nil for a segment playbook.
    public var escalation: EscalationKind?
    /// True when it has someone to run on now: the segment has customers or the escalation is raised.
    public var active: Bool
    /// Customers it runs on now.
    public var audienceSize: Int
    /// The contact sequence, by day.
    public var steps: [PlaybookStep]
    public var offer: LocalizedText
    /// The offer's value in currency units, when it is a monetary incentive.
    public var offerValue: Double?
    public var timing: LocalizedText
    /// How success is measured.
    public var kpi: LocalizedText
    /// The diagnostic KPI it moves, if one does.
    public var kpiKey: KPIKey?
    public var owner: SpecialistArea

    public init(id: String, title: LocalizedText, objective: LocalizedText, trigger: LocalizedText, segment: String?, escalation: EscalationKind?,
                active: Bool, audienceSize: Int, steps: [PlaybookStep], offer: LocalizedText, offerValue: Double?, timing: LocalizedText,
                kpi: LocalizedText, kpiKey: KPIKey?, owner: SpecialistArea) {
        self.id = id
        self.title = title
        self.objective = objective
        self.trigger = trigger
        self.segment = segment
        self.escalation = escalation
        self.active = active
        self.audienceSize = audienceSize
        self.steps = steps
        self.offer = offer
        self.offerValue = offerValue
        self.timing = timing
        self.kpi = kpi
        self.kpiKey = kpiKey
        self.owner = owner
    }

    /// The channels of the sequence, in first-use order, without repeats.
    public var channels: [LocalizedText] {
        var seen: [LocalizedText] = []
        for step in steps where !seen.contains(step.channel) { seen.append(step.channel) }
        return seen
    }
}
