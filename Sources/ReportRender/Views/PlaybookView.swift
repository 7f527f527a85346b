import ReportModel

/// The « Playbooks rétention » pieces of a snapshot's view: one playbook per segment, then one per
/// escalation point, with the audience of this snapshot. Templates read it under `playbooks`.
struct PlaybookView {
    let report: SnapshotReport
    let config: ReportConfig
    let format: ReportFormatter

    private var locale: ReportLocale { config.locale }
    /// The text in the report's language (French with its no-break spaces).
    private func t(_ en: String, _ fr: String) -> String { format.text(en, fr) }

    func dictionary() -> [String: Any] {
        let all = PlaybookLibrary.playbooks(report, config: config)
        let segments = all.filter { $0.segment != nil }
        let escalations = all.filter { $0.escalation != nil }
        return [
            "segments": segments.map(entry),
            "escalations": escalations.map(entry),
            "count": format.integer(all.count),
            "active_count": format.integer(all.filter(\.active).count),
            "raised_count": format.integer(escalations.filter(\.active).count),
            "any_raised": escalations.contains(where: \.active),
            "raised_names": escalations.filter(\.active).compactMap { $0.escalation.map { EscalationText.name($0, locale) } }.joined(separator: ", "),
        ]
    }

    /// A label as it reads after a colon in a sentence: both actions go there, and French
    /// lowercases there (English keeps its label).
    private func afterColon(_ label: String) -> String { locale == .fr ? inlineAfterColon(label) : label }

    func entry(_ p: Playbook) -> [String: Any] {
        var kpiNow = ""
        if let key = p.kpiKey {
            let k = report.kpi(key)
            kpiNow = KPIText.name(key, locale) + " " + KPIText.format(key, k.value, format)
            if k.target.value != nil { kpiNow += " (" + t("target ", "cible ") + KPIText.target(key, k.target, format) + ")" }
        }
        let segmentAction = p.segment.flatMap { config.segments.displayAction($0, locale) }
        var customers: [EscalatedCustomer] = []
        if p.active, let kind = p.escalation, kind.isAboutCustomers, let result = report.escalations.first(where: { $0.kind == kind }) {
            customers = result.customers
        }
        return [
            "id": p.id,
            "title": format.text(p.title),
            "objective": format.text(p.objective),
            "trigger": format.text(p.trigger),
            "is_segment": p.segment != nil,
            "segment": p.segment.map { config.segments.displayName($0, locale) } ?? "",
            "seed_action": segmentAction.map(afterColon) ?? "",
            "has_seed_action": segmentAction != nil,
            "escalation": p.escalation.map { EscalationText.name($0, locale) } ?? "",
            "seed_escalation_action": p.escalation.map { afterColon(EscalationText.action($0, locale)) } ?? "",
            "active": p.active,
            "audience": audience(p),
            "steps": p.steps.map { step in
                ["day": (locale == .fr ? "J+" : "") + String(step.day), "channel": format.text(step.channel), "message": format.text(step.message)]
            },
            "channels": p.channels.map { format.text($0) }.joined(separator: " → "),
            "duration": format.integer(p.steps.map(\.day).max() ?? 0),
            "offer": format.text(p.offer),
            "has_offer_value": p.offerValue != nil,
            "offer_value": p.offerValue.map { format.money($0) } ?? "",
            "timing": format.text(p.timing),
            "kpi": format.text(p.kpi),
            "has_kpi_now": p.kpiKey != nil,
            "kpi_now": kpiNow,
            "owner": AreaText.name(p.owner, locale),
            "has_customers": !customers.isEmpty,
            "customers": customers.prefix(PlaybookView.customersShown).map { c in
                [
                    "id": c.id,
                    "segment": c.segment.map { config.segments.displayName($0, locale) } ?? "—",
                    "revenue": format.money(units: c.revenue),
                    "predicted_clv": format.money(c.predictedCLV),
                ]
            },
            "has_more_customers": customers.count > PlaybookView.customersShown,
            "more_customers": format.integer(max(0, customers.count - PlaybookView.customersShown)),
        ]
    }

    /// Customers listed under a raised customer escalation (the rest are in `escalations.csv`).
    static let customersShown = 20

    /// Who the playbook runs on at this snapshot, in words.
    func audience(_ p: Playbook) -> String {
        if let id = p.segment {
            guard p.active, let s = report.segment(id) else { return t("No customer in the segment at this snapshot", "Aucun client dans le segment à ce relevé") }
            var text = format.integer(s.customers) + (s.customers == 1 ? t(" customer", " client") : t(" customers", " clients"))
                + " (" + format.percent(s.share) + t(" of buyers)", " des acheteurs)")
            // Who is due now: the journeys run once on entering the segment.
            if let entered = report.migration?.entered(id) {
                let since = t(" since the previous snapshot", " depuis le relevé précédent")
                if s.customers == 1 {
                    text += entered == 1 ? t(", new to the segment", ", entré dans le segment") + since
                        : t(", already in the segment at the previous snapshot", ", déjà dans le segment au relevé précédent")
                } else if entered == s.customers {
                    text += t(", all new to the segment", ", tous entrés dans le segment") + since
                } else if entered == 0 {
                    text += t(", none of them new to the segment", ", aucun entré dans le segment") + since
                } else {
                    text += t(", ", ", dont ") + format.integer(entered)
                        + (entered == 1 ? t(" of them new to the segment", " entré dans le segment") : t(" of them new to the segment", " entrés dans le segment")) + since
                }
            }
            return text
        }
        guard let kind = p.escalation else { return "—" }
        let atRisk = { (locale: ReportLocale) in config.segments.displayName("at_risk", locale) }
        guard p.active else {
            // One the input cannot raise (a ledger has no nps, public_complaint or refund_requested
            // column) is not "ready for when it is": it never will be until the column is exported.
            if let column = report.escalation(kind).missingColumn {
                return t("Cannot be raised: the input has no \(column) column", "Ne peut pas être déclenchée : les données n'ont pas de colonne \(column)")
            }
            return t("Not raised at this snapshot (ready for when it is)", "Non déclenchée à ce relevé (prête pour le jour où elle le sera)")
        }
        let n = format.integer(p.audienceSize)
        let one = p.audienceSize == 1
        switch kind {
        case .npsCritical: return n + (one ? t(" detractor", " détracteur") : t(" detractors", " détracteurs")) + t(" (NPS answers 0–6)", " (réponses NPS 0–6)")
        case .churnCrisis: return n + (one ? t(" customer", " client") : t(" customers", " clients")) + t(" lapsed since the previous snapshot", (one ? " devenu inactif" : " devenus inactifs") + " depuis le relevé précédent")
        case .vipAtRisk: return n + " VIP" + t(" in the \(atRisk(.en)) segment", " dans le segment \(atRisk(.fr))")
        case .publicComplaint: return n + (one ? t(" customer", " client") : t(" customers", " clients")) + t(" with a public complaint", " avec une plainte publique")
        case .largeRefund: return n + (one ? t(" refund request", " demande de remboursement") : t(" refund requests", " demandes de remboursement")) + t(" above the threshold", " au-dessus du seuil")
        }
    }
}
