/// What the plan does with each of the seed's segments (a generic journey for other ids).
struct SegmentActionContent {
    /// First part of the action id (`winback` in `winback-at_risk`).
    let verb: String
    let topic: PlanTopic
    let title: LocalizedText
    let rationale: LocalizedText
    /// CRM contacts per customer.
    let touches: Int
    /// Whether the cost is the win-back incentive rather than contacts.
    let usesIncentive: Bool
    /// Whether the action protects or grows what the customers will spend (champions, loyal,
    /// potential): its value at stake is then the segment's predicted CLV, when the model gives
    /// one, not the revenue they have already spent.
    var forwardLooking = false
    /// Whether the action is one attempt per customer (the lost segment's last chance): it then
    /// targets only the customers who entered the segment since the previous snapshot.
    var oncePerCustomer = false

    /// The action for segment `id`; a segment of the config's own is named as `segments` shows it,
    /// so that two of them do not give two identical rows in the plan.
    static func content(for id: String, segments: SegmentTable = .seed) -> SegmentActionContent {
        switch id {
        case "champions":
            return SegmentActionContent(
                verb: "reward", topic: .rewards,
                title: LocalizedText(en: "Reward champions with VIP recognition and referral perks", fr: "Récompenser les champions : reconnaissance VIP et avantages de parrainage"),
                rationale: LocalizedText(en: "Champions carry a large part of revenue; keeping them recognised protects it.",
                                         fr: "Les champions portent une grande part du chiffre d'affaires ; les reconnaître permet de le préserver."),
                touches: 2, usesIncentive: false, forwardLooking: true)
        case "loyal":
            return SegmentActionContent(
                verb: "upsell", topic: .upsell,
                title: LocalizedText(en: "Upsell and cross-sell to loyal customers", fr: "Montée en gamme et ventes croisées auprès des clients fidèles"),
                rationale: LocalizedText(en: "Loyal customers buy often but spend less than champions: there is room to grow the basket.",
                                         fr: "Les clients fidèles achètent souvent mais dépensent moins que les champions : le panier peut grandir."),
                touches: 3, usesIncentive: false, forwardLooking: true)
        case "potential":
            return SegmentActionContent(
                verb: "nurture", topic: .nurture,
                title: LocalizedText(en: "Nurture promising new buyers towards a repeat habit", fr: "Amener les nouveaux acheteurs prometteurs à un achat régulier"),
                rationale: LocalizedText(en: "Recent buyers who have not yet formed a habit are the cheapest to turn into loyal ones.",
                                         fr: "Les acheteurs récents sans habitude d'achat sont les moins coûteux à rendre fidèles."),
                touches: 3, usesIncentive: false, forwardLooking: true)
        case "at_risk":
            return SegmentActionContent(
                verb: "winback", topic: .winBack,
                title: LocalizedText(en: "Win-back campaign for at-risk customers", fr: "Campagne de reconquête des clients à risque"),
                rationale: LocalizedText(en: "These customers bought often or spent a lot, but have not ordered for a long time; they can still be won back.",
                                         fr: "Ces clients ont souvent acheté ou beaucoup dépensé, mais ne commandent plus depuis longtemps ; ils peuvent encore être reconquis."),
                touches: 1, usesIncentive: true)
        case "hibernating":
            return SegmentActionContent(
                verb: "reactivate", topic: .reactivation,
                title: LocalizedText(en: "Reactivate hibernating customers", fr: "Réactiver les clients endormis"),
                rationale: LocalizedText(en: "Hibernating customers have not bought for a long time but had some value.",
                                         fr: "Les clients endormis n'ont pas acheté depuis longtemps mais avaient de la valeur."),
                touches: 2, usesIncentive: false)
        case "lost":
            return SegmentActionContent(
                verb: "reactivate", topic: .reactivation,
                title: LocalizedText(en: "Last-chance reactivation, then stop contacting lost customers", fr: "Dernière relance, puis arrêt des sollicitations des clients perdus"),
                rationale: LocalizedText(en: "Lost customers rarely come back: one low-cost attempt, then spend the budget elsewhere.",
                                         fr: "Les clients perdus reviennent rarement : une tentative peu coûteuse, puis le budget va ailleurs."),
                touches: 1, usesIncentive: false, oncePerCustomer: true)
        default:
            return SegmentActionContent(
                verb: "engage", topic: .lifecycle,
                title: LocalizedText(en: "Tailored lifecycle journey for \(segments.name(id, .en))", fr: "Parcours cycle de vie dédié au segment \(segments.name(id, .fr))"),
                rationale: LocalizedText(en: "The segment is defined by the configuration; it gets a journey suited to its scores.",
                                         fr: "Le segment est défini par la configuration ; il reçoit un parcours adapté à ses scores."),
                touches: 2, usesIncentive: false)
        }
    }
}
