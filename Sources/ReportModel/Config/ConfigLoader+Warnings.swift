import Foundation
import Yams

/// The config's warnings: values that load but likely do not do what was meant (a cadence with a
/// month's targets, an NPS written as a fraction, a segment rule that leaves out a score or never
/// applies, an id one letter from a seed id).
extension ConfigLoader {
    /// A warning for a cadence other than monthly that keeps the seed's monthly values of the targets
    /// that depend on the period (retention, churn, the churn escalation): a quarter's churn of 12 %
    /// is a month's 4 %, on target, yet it would be judged against 5 % and raise `churn_crisis`.
    /// The values at the same monthly pace are given (retention r a month is r³ a quarter).
    static func monthlyTargetsWarning(_ config: ReportConfig, cadence: SnapshotCadence, node: Node, reader: ConfigNodeReader) -> String? {
        guard cadence != .monthly else { return nil }
        let seed = ReportConfig(), months = cadence.monthsInPeriod
        func kept(_ key: String, _ value: Double?, _ seedValue: Double?, retained: Bool) -> (name: String, pace: String)? {
            guard let value, value == seedValue else { return nil }
            let paced = retained ? pow(value, months) : 1 - pow(1 - value, months)
            // Two decimals, three under 0.1 (a week's churn: 0.012, not 0.01).
            let scale = paced < 0.1 ? 1000.0 : 100
            return (key, "\(key.split(separator: ".").last!) " + ConfigNodeReader.plain((paced * scale).rounded() / scale))
        }
        let keptValues = [
            kept("targets.retention_rate", config.targets[.retentionRate]?.value, seed.targets[.retentionRate]?.value, retained: true),
            kept("targets.churn_rate", config.targets[.churnRate]?.value, seed.targets[.churnRate]?.value, retained: false),
            kept("escalations.churn_above", config.escalations.churnAbove, seed.escalations.churnAbove, retained: false),
        ].compactMap { $0 }
        guard !keptValues.isEmpty else { return nil }
        let names = bilingualList(keptValues.map(\.name)), paces = bilingualList(keptValues.map(\.pace))
        let period = bilingual(cadence.period.en, cadence.period.fr)
        let one = keptValues.count == 1
        let english = one ? "keeps its default, a month's value" : "keep their defaults, a month's values"
        let french = one ? "garde sa valeur par défaut, celle d'un mois" : "gardent leur valeur par défaut, celle d'un mois"
        return reader.error(node, bilingual("cadence: \(cadence.rawValue), but \(names) \(english)",
                                            "cadence: \(cadence.rawValue), mais \(names) \(french)"),
                            bilingual("values for \(period); at the same monthly pace: \(paces)",
                                      "des valeurs pour \(period)\u{202F}; au même rythme mensuel\u{00A0}: \(paces)")).description
    }

    /// A warning for an NPS value written as a fraction (`0.2` for 20): NPS runs from −100 to 100,
    /// so 0.2 is accepted as an NPS of 0.2 (an `nps_below: 0.2` made the NPS escalation disappear).
    static func npsLikeAFraction(_ value: Double, key: String, node: Node, reader: ConfigNodeReader) -> String? {
        guard value != 0, abs(value) < 1 else { return nil }
        let meant = Int((value * 100).rounded())
        return reader.error(node, bilingual("\(key): \(value) is an NPS of \(value) (NPS runs from −100 to 100, not from −1 to 1)",
                                            "\(key)\u{00A0}: \(value) est un NPS de \(value) (le NPS va de −100 à 100, pas de −1 à 1)"),
                            bilingual("\(meant) for an NPS of \(meant)", "\(meant) pour un NPS de \(meant)")).description
    }

    /// Warnings for segment rules that leave out a score letter: the rule then matches every score
    /// of it (1–5), which is easy to miss (`{id: champions, r: 3-5, m: 4-5}` took 26 more buyers).
    static func segmentRuleGaps(_ node: Node, reader: ConfigNodeReader) throws(InputError) -> [String] {
        var warnings: [String] = []
        for (i, item) in try reader.sequence(node).enumerated() {
            let keys = Set(try reader.mapping(item, keys: nil).map(\.0))
            let missing = ["r", "f", "m"].filter { !keys.contains($0) }
            guard !missing.isEmpty, missing.count < 3 else { continue }   // none at all: a catch-all, plainly
            let id = (try? reader.mapping(item, keys: nil).first { $0.0 == "id" }.map { try reader.string($0.1) }) ?? nil
            let letters = missing.joined(separator: " and ")
            warnings.append(reader.error(item, bilingual("segment rule \(i + 1)\(id.map { " (\($0))" } ?? "") gives no \(letters): it matches every \(missing.map { $0.uppercased() }.joined(separator: " and ")) score, 1 to 5",
                                                         "la règle de segment \(i + 1)\(id.map { " (\($0))" } ?? "") ne donne \(missing.count == 1 ? "pas de \(missing[0])" : "ni \(missing[0]) ni \(missing[1])")\u{00A0}: elle accepte toutes les notes \(missing.map { $0.uppercased() }.joined(separator: " et ")), de 1 à 5"),
                                         missing.map { "\($0): 1-5" }.joined(separator: ", ")
                                         + bilingual(" written out, or the range meant", missing.count == 1 ? " écrit explicitement, ou la plage voulue" : " écrits explicitement, ou la plage voulue")).description)
        }
        return warnings
    }

    /// Warnings for a segment table that loads but likely does not do what was meant: a rule whose
    /// every score triple an earlier rule already takes (first match wins, so it never applies), and
    /// an id that is not a seed id but one letter away from one (`lostt`: a segment of its own,
    /// without the seed segment's name, action or playbook). `places` holds each rule's line and column.
    static func segmentTableWarnings(_ rules: [SegmentRule], file: String, places: [(line: Int, column: Int)]) -> [String] {
        var warnings: [String] = []
        for (i, rule) in rules.enumerated() {
            let line = i < places.count ? "\(file):\(places[i].line):\(places[i].column): " : "\(file): "
            let shadowed = (rule.recency.lower...rule.recency.upper).allSatisfy { r in
                (rule.frequency.lower...rule.frequency.upper).allSatisfy { f in
                    (rule.monetary.lower...rule.monetary.upper).allSatisfy { m in rules[..<i].contains { $0.matches(r: r, f: f, m: m) } }
                }
            }
            if shadowed {
                warnings.append(line + bilingual("segment rule \(i + 1) (\(rule.segment)) never applies: the rules before it take all its score triples (the first matching rule wins; put catch-all rules last)",
                                                 "la règle de segment \(i + 1) (\(rule.segment)) ne s'applique jamais\u{00A0}: les règles qui la précèdent prennent tous ses triplets de notes (la première règle qui correspond l'emporte\u{202F}; mettez les règles fourre-tout en dernier)"))
            }
            if SegmentCatalog.entries[rule.segment] == nil, !rules[..<i].contains(where: { $0.segment == rule.segment }),
               let near = SegmentCatalog.seedOrder.first(where: { editDistanceIsOne($0, rule.segment) }) {
                warnings.append(line + bilingual("segment id \"\(rule.segment)\" is not a seed id but is close to \(near): it makes a segment of its own, without \(near)'s name, action and playbook",
                                                 "l'identifiant de segment \"\(rule.segment)\" n'est pas un identifiant de base mais ressemble à \(near)\u{00A0}: il crée un segment à part, sans le nom, l'action ni le playbook de \(near)"))
            }
        }
        return warnings
    }

    /// True when one insertion, deletion or substitution turns `a` into `b`.
    static func editDistanceIsOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        guard abs(x.count - y.count) <= 1, x != y else { return false }
        var i = 0
        while i < min(x.count, y.count) && x[i] == y[i] { i += 1 }
        if x.count == y.count { return x[(i + 1)...] == y[(i + 1)...] }
        return x.count < y.count ? x[i...] == y[(i + 1)...] : x[(i + 1)...] == y[i...]
    }
}
