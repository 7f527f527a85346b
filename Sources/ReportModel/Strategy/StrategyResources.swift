/// Tools and team derived from the areas that own actions.
enum StrategyResources {
    /// One tool per owning area (area order), the escalation log when an escalation is raised, and
    /// KPI tracking at the snapshots' `cadence`.
    static func tools(_ actions: [PlanAction], cadence: SnapshotCadence) -> [LocalizedText] {
        guard !actions.isEmpty else { return [] }
        let areas = Set(actions.map(\.owner))
        var list: [LocalizedText] = SpecialistArea.allCases.filter(areas.contains).map(tool)
        if actions.contains(where: { $0.escalation != nil }) {
            list.append(LocalizedText(en: "Escalation log with named approvers (management, finance)", fr: "Registre des escalades avec validateurs désignés (direction, finance)"))
        }
        list.append(cadence.kpiTracking)
        return list
    }

    static func tool(_ area: SpecialistArea) -> LocalizedText {
        switch area {
        case .lifecycleManagement:
            return LocalizedText(en: "Marketing automation for triggered journeys (e-mail, SMS, push)", fr: "Outil d'automatisation marketing pour les parcours déclenchés (e-mail, SMS, push)")
        case .loyaltyPrograms:
            return LocalizedText(en: "Loyalty engine: points ledger, tiers and rewards catalogue", fr: "Moteur de fidélité : compte de points, paliers et catalogue de récompenses")
        case .churnPrevention:
            return LocalizedText(en: "CRM with RFM segments and churn alerts, refreshed after each snapshot", fr: "CRM avec segments RFM et alertes de churn, mis à jour après chaque relevé")
        case .customerSuccess:
            return LocalizedText(en: "Survey tool (NPS, CSAT) with closed-loop ticketing", fr: "Outil d'enquête (NPS, CSAT) avec tickets de suivi en boucle fermée")
        }
    }

    /// One role per owning area, in area order.
    static func team(_ actions: [PlanAction]) -> [TeamRole] {
        SpecialistArea.allCases.compactMap { area in
            let owned = actions.filter { $0.owner == area }
            guard !owned.isEmpty else { return nil }
            let level: TeamRole.Load = owned.count >= 3 || owned.contains { $0.escalation != nil } ? .high : owned.count == 2 ? .medium : .light
            return TeamRole(area: area, role: role(area), level: level, load: load(level), actions: owned.count,
                            horizons: PlanHorizon.allCases.filter { h in owned.contains { $0.horizon == h } })
        }
    }

    static func role(_ area: SpecialistArea) -> LocalizedText {
        switch area {
        case .lifecycleManagement:
            return LocalizedText(en: "Lifecycle marketing manager: onboarding, nurture and upsell journeys", fr: "Responsable marketing cycle de vie : parcours d'accueil, de maturation et de montée en gamme")
        case .loyaltyPrograms:
            return LocalizedText(en: "Loyalty programme manager: points, tiers, rewards and gamification", fr: "Responsable programme de fidélité : points, paliers, récompenses et gamification")
        case .churnPrevention:
            return LocalizedText(en: "Retention manager: churn scoring, win-back and reactivation campaigns", fr: "Responsable rétention : score de risque de churn, campagnes de reconquête et de réactivation")
        case .customerSuccess:
            return LocalizedText(en: "Customer success lead: NPS/CSAT closed loop, complaints and escalations", fr: "Responsable succès client : boucle NPS/CSAT, réclamations et escalades")
        }
    }

    static func load(_ level: TeamRole.Load) -> LocalizedText {
        switch level {
        case .high: return LocalizedText(en: "High: several actions or a live escalation to lead", fr: "Forte : plusieurs actions ou une escalade en cours à piloter")
        case .medium: return LocalizedText(en: "Medium: a few actions alongside current work", fr: "Moyenne : quelques actions en parallèle de l'activité courante")
        case .light: return LocalizedText(en: "Light: a single action", fr: "Légère : une seule action")
        }
    }
}
