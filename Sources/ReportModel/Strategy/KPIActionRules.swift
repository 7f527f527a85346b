import Foundation

/// Actions triggered by off-target KPIs, grouped by lever (KPIs measuring the same thing share actions).
///
/// Value at stake (currency units; e = expected win-back rate, L = revenue per buyer, A = revenue per order):
/// - churn / retention: `winback-churned` = lost customers × L × e; `prevent-churn` = customers lost beyond
///   the target (previously active × gap to target) × L.
/// - NPS: `recover-detractors` = detractors (passives without detractors) × L × e.
/// - CSAT, satisfied share, CES: `improve-satisfaction` = dissatisfied respondents × L × e.
/// - repeat purchase: `activate-second-purchase` = buyers × gap to target × A;
///   `gamify-repeat` = one-time buyers × A × e.
/// - LTV, LTV growth: `target-clv` = the larger of revenue × growth gap and buyers × LTV gap.
/// - any of churn, repeat or value: `launch-loyalty-programme` = yearly spend × yearly churn exposure × e,
///   exposure = 1 − (1 − monthly churn)^12 (the share of customers a year of churn takes), or the
///   one-time buyers' share before churn is known.
enum KPIActionRules {
    static func actions(_ input: PlanInputs) -> [PlanAction] {
        var actions: [PlanAction] = []
        let report = input.report
        let counts = report.counts
        let settings = input.config.actionPlan
        let e = input.effect
        let l = input.customerValue

        // Churn lever.
        let churnEvidence = input.offTargetEvidence([.churnRate, .retentionRate])
        if !churnEvidence.isEmpty {
            let title = LocalizedText(en: "Win-back campaign for customers who lapsed this period", fr: "Campagne de reconquête des clients devenus inactifs sur la période")
            actions.append(PlanAction(
                id: "winback-churned", topic: .winBack, title: title,
                rationale: LocalizedText(en: "Churn is off target: some customers active at the previous snapshot are no longer active.",
                                         fr: "Le churn est hors cible : des clients actifs au relevé précédent ne le sont plus."),
                evidence: churnEvidence, audience: counts.lost, value: Double(counts.lost) * l * e,
                basis: LocalizedText(en: "lapsed customers × revenue per buyer × expected win-back rate",
                                     fr: "clients devenus inactifs × CA par acheteur × taux de reconquête attendu"),
                cost: input.perCustomer(counts.lost, unitCost: settings.winBackIncentive, item: title,
                                        basis: LocalizedText(en: "win-back incentive per lapsed customer", fr: "offre de reconquête par client devenu inactif"),
                                        actionID: "winback-churned")))
            let excess = Double(counts.previouslyActive) * max(input.gap(.churnRate), input.gap(.retentionRate))
            let preventTitle = LocalizedText(en: "Churn early warning: score active customers and act before they lapse",
                                             fr: "Alerte précoce churn : attribuer un score de risque aux clients actifs et agir avant leur décrochage")
            actions.append(PlanAction(
                id: "prevent-churn", topic: .churn, title: preventTitle,
                rationale: LocalizedText(en: "Retention is below target: more customers lapse each period than the target allows.",
                                         fr: "La rétention est sous la cible : à chaque période, plus de clients que prévu décrochent."),
                // Like every other action, the share a programme is assumed to move (an early warning
                // keeps some of the customers who would lapse, not all of them).
                evidence: churnEvidence, audience: counts.active, value: excess * l * e,
                basis: LocalizedText(en: "customers lapsed beyond the target rate × revenue per buyer × expected win-back rate",
                                     fr: "clients devenus inactifs au-delà du taux cible × CA par acheteur × taux de reconquête attendu"),
                cost: input.contacts(counts.active, touches: 1, item: preventTitle, actionID: "prevent-churn")))
        }

        // NPS lever.
        let npsEvidence = input.offTargetEvidence([.nps])
        if !npsEvidence.isEmpty {
            let audience = report.nps.detractors > 0 ? report.nps.detractors : report.nps.passives
            let title = LocalizedText(en: "Close the loop with every detractor", fr: "Recontacter chaque détracteur (boucle fermée)")
            actions.append(PlanAction(
                id: "recover-detractors", topic: .nps, title: title,
                rationale: LocalizedText(en: "NPS is off target: detractors are likely to leave and to talk about it.",
                                         fr: "Le NPS est hors cible : les détracteurs risquent de partir et d'en parler."),
                evidence: npsEvidence, audience: audience, value: Double(audience) * l * e,
                basis: LocalizedText(en: "detractors × revenue per buyer × expected win-back rate",
                                     fr: "détracteurs × CA par acheteur × taux de reconquête attendu"),
                cost: input.contacts(audience, touches: 1, item: title, actionID: "recover-detractors")))
        }

        // Satisfaction lever.
        let satisfactionEvidence = input.offTargetEvidence([.csat, .csatSatisfiedShare, .ces])
        if !satisfactionEvidence.isEmpty {
            let audience: Int
            if report.csatAnswers > 0 {
                let satisfied = input.kpi(.csatSatisfiedShare)?.value
                audience = satisfied.map { Int((Double(report.csatAnswers) * (1 - $0)).rounded()) } ?? report.csatAnswers
            } else {
                audience = report.cesAnswers
            }
            let title = LocalizedText(en: "Fix the service pain points behind low satisfaction", fr: "Corriger les irritants du service à l'origine de l'insatisfaction")
            actions.append(PlanAction(
                id: "improve-satisfaction", topic: .satisfaction, title: title,
                rationale: LocalizedText(en: "Satisfaction or effort scores are off target: the service experience puts customers at risk.",
                                         fr: "Les scores de satisfaction ou d'effort sont hors cible : l'expérience de service pousse des clients au départ."),
                evidence: satisfactionEvidence, audience: audience, value: Double(audience) * l * e,
                basis: LocalizedText(en: "dissatisfied respondents × revenue per buyer × expected win-back rate",
                                     fr: "répondants insatisfaits × CA par acheteur × taux de reconquête attendu"),
                cost: input.contacts(audience, touches: 1, item: title, actionID: "improve-satisfaction")))
        }

        // Repeat-purchase lever.
        let repeatEvidence = input.offTargetEvidence([.repeatPurchaseRate])
        if !repeatEvidence.isEmpty {
            let rate = input.kpi(.repeatPurchaseRate)?.value ?? 0
            let oneTime = max(0, counts.buyers - Int((Double(counts.buyers) * rate).rounded()))
            let title = LocalizedText(en: "Onboarding journey to a second purchase", fr: "Parcours d'accueil jusqu'au deuxième achat")
            actions.append(PlanAction(
                id: "activate-second-purchase", topic: .onboarding, title: title,
                rationale: LocalizedText(en: "Too few buyers come back for a second order.",
                                         fr: "Trop peu d'acheteurs reviennent pour une deuxième commande."),
                evidence: repeatEvidence, audience: oneTime, value: Double(counts.buyers) * input.gap(.repeatPurchaseRate) * input.orderValue,
                basis: LocalizedText(en: "second orders needed to reach the target × revenue per order",
                                     fr: "deuxièmes commandes nécessaires pour atteindre la cible × CA par commande"),
                cost: input.contacts(oneTime, touches: 3, item: title, actionID: "activate-second-purchase")))
            let gameTitle = LocalizedText(en: "Gamify repeat purchases with streaks and challenges", fr: "Gamifier le réachat avec des séries et des défis")
            actions.append(PlanAction(
                id: "gamify-repeat", topic: .gamification, title: gameTitle,
                rationale: LocalizedText(en: "A low repeat rate calls for a reason to come back: streaks, badges and challenges.",
                                         fr: "Face à un faible taux de réachat, il faut donner aux clients une raison de revenir : séries, badges et défis."),
                evidence: repeatEvidence, audience: oneTime, value: Double(oneTime) * input.orderValue * e,
                basis: LocalizedText(en: "one-time buyers × revenue per order × expected win-back rate",
                                     fr: "acheteurs d'une seule commande × CA par commande × taux de reconquête attendu"),
                cost: input.contacts(oneTime, touches: 1, item: gameTitle, actionID: "gamify-repeat")))
        }

        // Value lever.
        let valueEvidence = input.offTargetEvidence([.ltv, .ltvGrowthYoY])
        if !valueEvidence.isEmpty {
            let core = (report.segment("champions")?.customers ?? 0) + (report.segment("loyal")?.customers ?? 0)
            let audience = core > 0 ? core : counts.buyers
            // The larger of the two, and the basis says which one it is (it printed both).
            let byGrowth = Money.value(report.revenueTotal) * input.gap(.ltvGrowthYoY), byLevel = Double(counts.buyers) * input.gap(.ltv)
            let value = max(byGrowth, byLevel)
            let title = LocalizedText(en: "Upsell and cross-sell, prioritised by customer lifetime value", fr: "Montée en gamme et ventes croisées, par ordre de valeur vie client")
            actions.append(PlanAction(
                id: "target-clv", topic: .clvTargeting, title: title,
                rationale: LocalizedText(en: "Customer lifetime value is growing more slowly than its target.",
                                         fr: "La LTV progresse moins vite que sa cible."),
                evidence: valueEvidence, audience: audience, value: value,
                basis: byGrowth >= byLevel
                    ? LocalizedText(en: "revenue × gap to the LTV growth target", fr: "CA × écart à la cible de croissance de la LTV")
                    : LocalizedText(en: "buyers × gap to the LTV target", fr: "acheteurs × écart à la cible de LTV"),
                cost: input.contacts(audience, touches: 3, item: title, actionID: "target-clv")))
        }

        // Loyalty programme, when retention, repeat or value is off target.
        let programmeEvidence = churnEvidence + repeatEvidence + valueEvidence
        if !programmeEvidence.isEmpty {
            // The share of the yearly spend exposed to churn, and how it was found (said in the
            // basis: on a first snapshot there is no churn, and the one-order share stands in).
            // A period that is not about a month counts 365.25 ÷ its days periods a year, not 12.
            let design = input.design
            let perYear = design.periodsPerYear
            let (power, churnName) = (design.yearExponent, design.periodChurnName)
            let exposure: Double, exposureText: LocalizedText
            if let churn = input.kpi(.churnRate)?.value {
                exposure = 1 - pow(1 - min(1, max(0, churn)), perYear)
                exposureText = LocalizedText(en: "share exposed to churn over a year (1 − (1 − \(churnName.en))^\(power.en))",
                                             fr: "part exposée au churn sur un an (1 − (1 − \(churnName.fr))^\(power.fr))")
            } else if let retention = input.kpi(.retentionRate)?.value {
                exposure = 1 - pow(min(1, max(0, retention)), perYear)
                exposureText = LocalizedText(en: "share exposed to churn over a year (1 − retention^\(power.en))", fr: "part exposée au churn sur un an (1 − rétention^\(power.fr))")
            } else if let rate = input.kpi(.repeatPurchaseRate)?.value {
                exposure = max(0, 1 - rate)
                exposureText = LocalizedText(en: "share of one-order buyers (no churn known yet)", fr: "part des acheteurs d'une seule commande (pas encore de churn connu)")
            } else {
                exposure = 1
                exposureText = LocalizedText(en: "all of it (neither churn nor repeat rate known)", fr: "sa totalité (ni churn ni taux de réachat connus)")
            }
            let spendText = design.spendBasis == .annualisedPeriod
                ? LocalizedText(en: "yearly spend (revenue of the period × \(design.yearScaling.en))", fr: "dépense annuelle (CA de la période × \(design.yearScaling.fr))")
                : LocalizedText(en: "buyers' cumulative revenue (\(design.cumulativeReason.en))", fr: "CA cumulé des acheteurs (\(design.cumulativeReason.fr))")
            let redesign = !report.loyalty.membersPerTier.isEmpty
            actions.append(PlanAction(
                id: PlanAction.loyaltyProgrammeID, topic: .loyaltyProgramme,
                title: redesign
                    ? LocalizedText(en: "Redesign the loyalty programme's tiers and rewards", fr: "Refondre les paliers et les récompenses du programme de fidélité")
                    : LocalizedText(en: "Launch the tiered loyalty programme", fr: "Lancer le programme de fidélité à paliers"),
                rationale: LocalizedText(en: "Retention, repeat purchase or lifetime value is off target: a tiered programme gives customers a lasting reason to stay.",
                                         fr: "Rétention, réachat ou LTV hors cible : un programme à paliers donne aux clients une raison durable de rester."),
                evidence: programmeEvidence, audience: counts.buyers, value: design.yearlySpend * exposure * e,
                basis: LocalizedText(en: spendText.en + " × " + exposureText.en + " × expected win-back rate; rewards are budgeted with the programme",
                                     fr: spendText.fr + " × " + exposureText.fr + " × taux de reconquête attendu ; les récompenses sont budgétées avec le programme"),
                cost: nil))
        }
        return actions
    }
}
