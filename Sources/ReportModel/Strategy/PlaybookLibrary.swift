/// The « Playbooks rétention » deliverable: one playbook per segment, then one per escalation.
public enum PlaybookLibrary {
    /// Playbooks for each segment id of `report` (table order; the seed's six get their own content,
    /// other ids a generic journey), then for each `EscalationKind` in report order.
    ///
    /// Audience: the segment's customers; the customers behind a raised customer escalation, the
    /// detractors for `nps_critical`, the lapsed customers for `churn_crisis`; 0 when not raised.
    public static func playbooks(_ report: SnapshotReport, config: ReportConfig) -> [Playbook] {
        var list: [Playbook] = []
        var seen = Set<String>()
        for id in report.segmentIDs where seen.insert(id).inserted {
            var playbook = PlaybookContent.segment(id, config: config, cadence: SnapshotCadence.of(report, config: config))
            playbook.audienceSize = report.segment(id)?.customers ?? 0
            playbook.active = playbook.audienceSize > 0
            list.append(playbook)
        }
        for kind in EscalationKind.allCases {
            var playbook = PlaybookContent.escalation(kind, config: config)
            let result = report.escalations.first { $0.kind == kind }
            let raised = result?.raised ?? false
            playbook.active = raised
            if raised, let result {
                switch kind {
                case .npsCritical: playbook.audienceSize = report.nps.detractors
                case .churnCrisis: playbook.audienceSize = report.counts.lost
                case .vipAtRisk, .publicComplaint, .largeRefund: playbook.audienceSize = result.count
                }
            }
            list.append(playbook)
        }
        return list
    }
}
