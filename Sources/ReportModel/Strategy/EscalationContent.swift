/// Titles and reasons of the seed's escalation follow-ups, shared by the plan and the playbooks.
enum EscalationContent {
    /// The seed's action: « Intervention personnelle », « Revue stratégique », « Comité de crise »,
    /// « Gestion de crise », « Validation (financière) ».
    static func title(_ kind: EscalationKind) -> LocalizedText {
        switch kind {
        case .vipAtRisk: return LocalizedText(en: "Personal intervention for VIPs at risk", fr: "Intervention personnelle auprès des VIP à risque")
        case .npsCritical: return LocalizedText(en: "Strategic review of the customer experience", fr: "Revue stratégique de l'expérience client")
        case .churnCrisis: return LocalizedText(en: "Churn crisis committee", fr: "Comité de crise sur le churn")
        case .publicComplaint: return LocalizedText(en: "Crisis management for public complaints", fr: "Gestion de crise des plaintes publiques")
        case .largeRefund: return LocalizedText(en: "Financial validation of large refunds", fr: "Validation financière des remboursements importants")
        }
    }

    static func rationale(_ kind: EscalationKind) -> LocalizedText {
        switch kind {
        case .vipAtRisk: return LocalizedText(en: "At least one VIP customer has slipped into the at-risk segment.", fr: "Au moins un client VIP est passé dans le segment à risque.")
        case .npsCritical: return LocalizedText(en: "NPS is below the critical threshold.", fr: "Le NPS est sous le seuil critique.")
        case .churnCrisis: return LocalizedText(en: "Churn is above the crisis threshold.", fr: "Le churn dépasse le seuil de crise.")
        case .publicComplaint: return LocalizedText(en: "At least one customer has complained publicly.", fr: "Au moins un client s'est plaint publiquement.")
        case .largeRefund: return LocalizedText(en: "At least one refund request exceeds the validation threshold.", fr: "Au moins une demande de remboursement dépasse le seuil de validation.")
        }
    }
}
