/// The content of each playbook: the seed's six segments, a generic one for other segment ids, and the
/// five escalations with the seed's actions. Audience and activity are filled in by `PlaybookLibrary`.
enum PlaybookContent {
    private static func t(_ en: String, _ fr: String) -> LocalizedText { LocalizedText(en: en, fr: fr) }
    private static func step(_ day: Int, _ channel: LocalizedText, _ en: String, _ fr: String) -> PlaybookStep {
        PlaybookStep(day: day, channel: channel, message: t(en, fr))
    }

    /// `cadence`: how often the snapshots come, which a segment journey runs after.
    static func segment(_ id: String, config: ReportConfig, cadence: SnapshotCadence) -> Playbook {
        let owner = DecisionTree.owner(forSegment: id)
        // The segment's name as shown (its configured name, if any), for the texts that name it.
        let en = config.segments.name(id, .en), fr = config.segments.name(id, .fr)
        /// A title after the segment's name: "Champions: …"; after a name that ends in its own
        /// punctuation, a dash ("Slipping away! — win-back", not "Slipping away!: win-back").
        func titled(_ english: String, _ french: String) -> LocalizedText {
            func after(_ name: String, _ colon: String, _ rest: String) -> String {
                name.last.map { ".!?:;…".contains($0) } == true ? name + " — " + rest : name + colon + rest
            }
            return t(after(en, ": ", english), after(fr, " : ", french))
        }
        func make(title: LocalizedText, objective: LocalizedText, trigger: LocalizedText, steps: [PlaybookStep], offer: LocalizedText,
                  offerValue: Double? = nil, timing: LocalizedText, kpi: LocalizedText, kpiKey: KPIKey?) -> Playbook {
            Playbook(id: "segment-" + id, title: title, objective: objective, trigger: trigger, segment: id, escalation: nil, active: false,
                     audienceSize: 0, steps: steps, offer: offer, offerValue: offerValue, timing: timing, kpi: kpi, kpiKey: kpiKey, owner: owner)
        }
        switch id {
        case "champions":
            return make(
                title: titled("reward and recognise", "récompenser et reconnaître"),
                objective: t("Keep the best customers and turn them into advocates", "Garder les meilleurs clients et en faire des ambassadeurs"),
                trigger: t("The customer enters the \(en) segment (recent, frequent, high spend)", "Le client entre dans le segment \(fr) (récent, fréquent, forte dépense)"),
                steps: [
                    step(0, PlaybookChannel.email, "Thank-you message with VIP status and early access", "Message de remerciement avec statut VIP et accès anticipé"),
                    step(7, PlaybookChannel.push, "Invitation to refer a friend: bonus points for both", "Invitation à parrainer un proche : points bonus pour les deux"),
                    step(30, PlaybookChannel.email, "Exclusive preview or event invitation", "Avant-première ou invitation à un événement exclusif"),
                    step(60, PlaybookChannel.email, "Request for a review or a testimonial", "Demande d'avis ou de témoignage"),
                ],
                offer: t("VIP status, early access and referral bonus points", "Statut VIP, accès anticipé et points bonus de parrainage"),
                timing: t("On entering the segment, then every quarter", "À l'entrée dans le segment, puis chaque trimestre"),
                kpi: t("Champions still champions at the next snapshot (migration matrix)", "Clients restés champions au relevé suivant (matrice de migration)"),
                kpiKey: .retentionRate)
        case "loyal":
            return make(
                title: titled("upsell and cross-sell", "montée en gamme et ventes croisées"),
                objective: t("Grow the basket of frequent buyers", "Augmenter le panier moyen des acheteurs fréquents"),
                trigger: t("The customer enters the \(en) segment (recent and frequent, average spend)", "Le client entre dans le segment \(fr) (récent et fréquent, dépense moyenne)"),
                steps: [
                    step(0, PlaybookChannel.email, "Personalised recommendations based on past orders", "Recommandations personnalisées selon les commandes passées"),
                    step(10, PlaybookChannel.email, "Bundle or premium range offer", "Offre de lot ou de gamme premium"),
                    step(21, PlaybookChannel.push, "Reminder before the offer ends", "Rappel avant la fin de l'offre"),
                    step(45, PlaybookChannel.email, "Invitation to reach the next loyalty tier", "Invitation à atteindre le palier de fidélité suivant"),
                ],
                offer: t("Bundle discount or free upgrade to a premium range", "Remise sur lot ou montée en gamme offerte"),
                timing: t("Within a month of entering the segment; one cycle per quarter", "Dans le mois suivant l'entrée dans le segment ; un cycle par trimestre"),
                kpi: t("Spend per loyal customer and moves to champions", "Dépense par client fidèle et passages en champions"),
                kpiKey: .ltv)
        case "potential":
            return make(
                title: titled("nurture towards a habit", "installer une habitude d'achat"),
                objective: t("Turn recent buyers into repeat buyers", "Transformer les acheteurs récents en acheteurs réguliers"),
                trigger: t("The customer enters the \(en) segment (recent, low frequency)", "Le client entre dans le segment \(fr) (récent, faible fréquence)"),
                steps: [
                    step(0, PlaybookChannel.email, "First-time buyers: welcome, the brand's story and how the programme works; the others: what the programme offers them now",
                         "Primo-acheteurs : bienvenue, l'histoire de la marque et le fonctionnement du programme ; les autres : ce que le programme leur offre maintenant"),
                    step(3, PlaybookChannel.email, "Best-sellers and how-to content", "Meilleures ventes et contenus pratiques"),
                    step(10, PlaybookChannel.push, "Bonus points on the next order", "Points bonus sur la prochaine commande"),
                    step(30, PlaybookChannel.email, "Reminder with personalised picks", "Rappel avec une sélection personnalisée"),
                ],
                offer: t("Bonus points on the next order", "Points bonus sur la prochaine commande"),
                timing: t("On entering the segment (right after the first order for a first-time buyer); the journey lasts a month, once per customer",
                          "À l'entrée dans le segment (juste après la première commande pour un primo-acheteur) ; le parcours dure un mois, une fois par client"),
                kpi: t("Second-purchase rate of the segment", "Taux de deuxième achat du segment"),
                kpiKey: .repeatPurchaseRate)
        case "at_risk":
            return make(
                title: titled("win-back", "reconquête"),
                objective: t("Win back valuable customers before they are lost", "Reconquérir les clients de valeur avant de les perdre"),
                trigger: t("The customer moves into the \(en) segment (high past value, no recent order)", "Le client passe dans le segment \(fr) (forte valeur passée, pas de commande récente)"),
                steps: [
                    step(0, PlaybookChannel.email, "We miss you: personal message with an incentive", "Vous nous manquez : message personnel avec une offre"),
                    step(3, PlaybookChannel.sms, "Reminder of the incentive", "Rappel de l'offre"),
                    step(7, PlaybookChannel.email, "Last chance: the incentive expires soon", "Dernière chance : l'offre expire bientôt"),
                    step(14, PlaybookChannel.phone, "Call to the highest-value customers who did not respond", "Appel aux clients à plus forte valeur n'ayant pas répondu"),
                ],
                offer: t("Win-back incentive on the next order", "Offre de reconquête sur la prochaine commande"),
                offerValue: config.actionPlan.winBackIncentive,
                timing: t("Within a month of entering the segment", "Dans le mois suivant l'entrée dans le segment"),
                kpi: t("Share of targeted customers who order again during the campaign", "Part des clients ciblés qui repassent commande pendant la campagne"),
                kpiKey: .churnRate)
        case "hibernating":
            return make(
                title: titled("reactivate", "réactiver"),
                objective: t("Bring dormant customers back at a low cost", "Faire revenir les clients endormis à faible coût"),
                trigger: t("The customer is in the \(en) segment (long time since the last order)", "Le client est dans le segment \(fr) (dernière commande ancienne)"),
                steps: [
                    step(0, PlaybookChannel.email, "What is new since the last visit", "Les nouveautés depuis la dernière visite"),
                    step(7, PlaybookChannel.email, "Double points on the next order", "Points doublés sur la prochaine commande"),
                    step(21, PlaybookChannel.sms, "Reminder before the offer ends", "Rappel avant la fin de l'offre"),
                ],
                offer: t("Double points on the next order", "Points doublés sur la prochaine commande"),
                timing: t("Once a quarter, outside peak campaigns", "Une fois par trimestre, hors temps forts commerciaux"),
                kpi: t("Customers back in an active segment at the next snapshot", "Clients revenus dans un segment actif au relevé suivant"),
                kpiKey: .retentionRate)
        case "lost":
            return make(
                title: titled("let go or reactivate", "lâcher ou réactiver"),
                objective: t("Try once, then stop spending on customers who are gone", "Tenter une fois, puis cesser de dépenser pour les clients partis"),
                trigger: t("The customer is in the \(en) segment (no recent order, low frequency and spend)", "Le client est dans le segment \(fr) (pas de commande récente, faibles fréquence et dépense)"),
                steps: [
                    step(0, PlaybookChannel.email, "Last-chance message with a contact preference centre", "Message de dernière chance avec un centre de préférences"),
                    step(14, PlaybookChannel.internalNote, "If there is no response: lower the contact frequency and take the customer out of paid campaigns", "Sans réponse : réduire la fréquence de contact et retirer le client des campagnes payantes"),
                ],
                offer: t("No discount: a simple reminder and a choice of contact preferences", "Pas de remise : un simple rappel et le choix des préférences de contact"),
                timing: t("Once; then excluded from paid campaigns", "Une seule fois ; ensuite exclus des campagnes payantes"),
                kpi: t("Reactivations against contact cost; unsubscribes", "Réactivations rapportées au coût de contact ; désabonnements"),
                kpiKey: nil)
        default:
            return make(
                title: titled("segment journey", "parcours du segment"),
                objective: t("Move the segment's customers towards better segments", "Faire progresser les clients du segment vers de meilleurs segments"),
                trigger: t("The customer enters the segment (configured rule)", "Le client entre dans le segment (règle configurée)"),
                steps: [
                    step(0, PlaybookChannel.email, "Message adapted to the segment's scores", "Message adapté aux scores du segment"),
                    step(14, PlaybookChannel.email, "Follow-up with a relevant offer", "Relance avec une offre pertinente"),
                    step(30, PlaybookChannel.internalNote, "Review the results and adjust the journey", "Bilan des résultats et ajustement du parcours"),
                ],
                offer: t("An offer matched to the segment's value", "Une offre proportionnée à la valeur du segment"),
                timing: t(cadence.often.en + ", after each snapshot", cadence.often.fr + ", après chaque relevé"),
                kpi: t("Customers moving to better segments (migration matrix)", "Clients passant dans de meilleurs segments (matrice de migration)"),
                kpiKey: nil)
        }
    }

    static func escalation(_ kind: EscalationKind, config: ReportConfig) -> Playbook {
        func make(objective: LocalizedText, trigger: LocalizedText, steps: [PlaybookStep], offer: LocalizedText, offerValue: Double? = nil,
                  timing: LocalizedText, kpi: LocalizedText, kpiKey: KPIKey?) -> Playbook {
            Playbook(id: "escalation-" + kind.rawValue, title: EscalationContent.title(kind), objective: objective, trigger: trigger, segment: nil,
                     escalation: kind, active: false, audienceSize: 0, steps: steps, offer: offer, offerValue: offerValue, timing: timing,
                     kpi: kpi, kpiKey: kpiKey, owner: DecisionTree.owner(forEscalation: kind))
        }
        // The at-risk segment under the name the pages give it.
        let atRiskEN = config.segments.name("at_risk", .en), atRiskFR = config.segments.name("at_risk", .fr)
        switch kind {
        case .vipAtRisk:
            return make(
                objective: t("Keep each VIP through a personal contact", "Garder chaque VIP par un contact personnel"),
                trigger: t("A VIP customer is in the \(atRiskEN) segment", "Un client VIP est dans le segment \(atRiskFR)"),
                steps: [
                    step(0, PlaybookChannel.phone, "The account manager calls the customer", "Le gestionnaire de compte appelle le client"),
                    step(1, PlaybookChannel.email, "Personal note with a tailored gesture", "Mot personnel avec un geste sur mesure"),
                    step(7, PlaybookChannel.phone, "Follow-up call: is the issue solved?", "Appel de suivi : le problème est-il réglé ?"),
                    step(30, PlaybookChannel.internalNote, "Check the customer has ordered again and left the \(atRiskEN) segment", "Vérifier que le client a repassé commande et quitté le segment \(atRiskFR)"),
                ],
                offer: t("A tailored gesture decided by the account manager", "Un geste sur mesure décidé par le gestionnaire de compte"),
                timing: t("Within two days of the escalation", "Dans les deux jours suivant l'escalade"),
                kpi: t("VIPs back in an active segment at the next snapshot", "VIP revenus dans un segment actif au relevé suivant"),
                kpiKey: .retentionRate)
        case .npsCritical:
            return make(
                objective: t("Find and fix what makes customers detractors", "Trouver et corriger ce qui rend les clients détracteurs"),
                trigger: t("NPS falls below the critical threshold", "Le NPS passe sous le seuil critique"),
                steps: [
                    step(0, PlaybookChannel.internalNote, "Alert management with the NPS breakdown", "Alerter la direction avec la décomposition du NPS"),
                    step(7, PlaybookChannel.internalNote, "Root-cause analysis of detractor verbatims by area", "Analyse des causes dans les verbatims des détracteurs, par domaine"),
                    step(14, PlaybookChannel.meeting, "Strategic review: corrective actions and owners", "Revue stratégique : actions correctives et responsables"),
                    step(30, PlaybookChannel.email, "Tell respondents what has changed", "Informer les répondants des changements apportés"),
                ],
                offer: t("No offer: the fix is in the experience", "Pas d'offre : la correction passe par l'expérience"),
                timing: t("Review within two weeks of the snapshot", "Revue dans les deux semaines suivant le relevé"),
                kpi: t("NPS at the next snapshots", "NPS aux relevés suivants"),
                kpiKey: .nps)
        case .churnCrisis:
            return make(
                objective: t("Bring churn back under the crisis threshold", "Ramener le churn sous le seuil de crise"),
                trigger: t("Churn rises above the crisis threshold", "Le churn dépasse le seuil de crise"),
                steps: [
                    step(0, PlaybookChannel.meeting, "Convene the crisis committee (management, marketing, service)", "Réunir le comité de crise (direction, marketing, service)"),
                    step(2, PlaybookChannel.internalNote, "Find where the lapsed customers come from (segments, cohorts)", "Identifier d'où viennent les clients devenus inactifs (segments, cohortes)"),
                    step(7, PlaybookChannel.email, "Launch the win-back campaign on recently lapsed customers", "Lancer la campagne de reconquête des clients récemment devenus inactifs"),
                    step(30, PlaybookChannel.meeting, "Check churn against the threshold; continue or stand down", "Comparer le churn au seuil ; poursuivre ou lever le dispositif"),
                ],
                offer: t("Win-back incentive for recently lapsed customers", "Offre de reconquête pour les clients récemment devenus inactifs"),
                offerValue: config.actionPlan.winBackIncentive,
                timing: t("Committee within the week of the snapshot", "Comité dans la semaine du relevé"),
                kpi: t("Churn rate at the next snapshot", "Taux de churn au relevé suivant"),
                kpiKey: .churnRate)
        case .publicComplaint:
            return make(
                objective: t("Contain the reputational damage and solve the customer's problem", "Contenir le risque d'image et régler le problème du client"),
                trigger: t("A customer complains publicly", "Un client se plaint publiquement"),
                steps: [
                    step(0, PlaybookChannel.social, "Public reply acknowledging the issue, moving to a private channel", "Réponse publique reconnaissant le problème, passage en privé"),
                    step(0, PlaybookChannel.phone, "Private contact to understand and solve", "Contact privé pour comprendre et résoudre"),
                    step(2, PlaybookChannel.email, "Written resolution with a goodwill gesture", "Résolution écrite avec un geste commercial"),
                    step(7, PlaybookChannel.email, "Follow-up and invitation to update the public review", "Suivi et invitation à mettre à jour l'avis public"),
                ],
                offer: t("A goodwill gesture in proportion to the issue", "Un geste commercial proportionné au problème"),
                timing: t("Public reply the same day", "Réponse publique le jour même"),
                kpi: t("Complaints solved and public reviews updated", "Plaintes résolues et avis publics mis à jour"),
                kpiKey: nil)
        case .largeRefund:
            return make(
                objective: t("Validate large refunds before they are paid and keep the customer", "Valider les remboursements importants avant paiement et garder le client"),
                trigger: t("A refund request is above the validation threshold", "Une demande de remboursement dépasse le seuil de validation"),
                steps: [
                    step(0, PlaybookChannel.internalNote, "Hold the refund and send it to finance for validation", "Suspendre le remboursement et le soumettre à la finance"),
                    step(2, PlaybookChannel.email, "Tell the customer the decision and when it will be paid", "Informer le client de la décision et du délai de paiement"),
                    step(7, PlaybookChannel.internalNote, "Check the root cause (product, delivery, fraud)", "Vérifier la cause (produit, livraison, fraude)"),
                ],
                offer: t("The refund as validated by finance, or a store credit if the customer prefers", "Le remboursement validé par la finance, ou un avoir si le client le préfère"),
                timing: t("Decision within two working days", "Décision sous deux jours ouvrés"),
                kpi: t("Refund decisions made on time", "Décisions de remboursement prises dans les délais"),
                kpiKey: nil)
        }
    }
}
