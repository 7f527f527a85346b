import ReportModel

/// Which raised escalations make `build --fail-on` exit with status 3.
public struct FailOnPolicy: Sendable, Equatable {
    public let kinds: Set<EscalationKind>
    /// The kinds named by their ids (not only through `any`): each is warned about when the input
    /// cannot raise it (`warnings(unchecked:dialect:)`).
    public let named: Set<EscalationKind>

    /// An id that is neither `any` nor an escalation id.
    public struct UnknownID: Error, Equatable, CustomStringConvertible {
        public var id: String
        public var description: String {
            bilingual("unknown escalation '\(id)' (expected any or \(EscalationKind.allCases.map(\.rawValue).joined(separator: ", ")))", "escalade inconnue '\(id)' (attendu\u{00A0}: any ou \(EscalationKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    /// Parses `--fail-on` values: ids separated by commas (one or several options), or `any`.
    public init(_ values: [String]) throws(UnknownID) {
        var kinds = Set<EscalationKind>(), named = Set<EscalationKind>()
        for value in values {
            for part in value.split(separator: ",") {
                let id = part.trimmingCharacters(in: " ")
                if id.isEmpty { continue }
                if id == "any" { kinds.formUnion(EscalationKind.allCases); continue }
                guard let kind = EscalationKind(rawValue: id) else { throw UnknownID(id: id) }
                kinds.insert(kind)
                named.insert(kind)
            }
        }
        self.kinds = kinds
        self.named = named
    }

    /// A warning for each escalation named by its id that the input cannot raise (`unchecked`, in
    /// its order): `--fail-on nps_critical` on a ledger, which has no `nps` column, would never fail
    /// the run, and CI would read the silence as "no critical NPS". (`any` asks for whatever can be
    /// raised: it is not warned about.) A column the config's `columns:` maps to `ignore` (in
    /// `dialect`) is named as such: the file may well have it.
    public func warnings(unchecked: [UncheckedEscalation], dialect: InputDialect) -> [String] {
        unchecked.filter { named.contains($0.kind) }.map {
            let ignored = dialect.columnAliases[$0.column] == InputDialect.ignoredColumn
            return bilingual("--fail-on \($0.kind.rawValue) can never fail the run: "
                + (ignored ? "the config maps the \($0.column) column to \(InputDialect.ignoredColumn) (columns: in fidelis.yml)"
                           : "the input has no \($0.column) column")
                + ", so the escalation cannot be checked",
                             "--fail-on \($0.kind.rawValue) ne peut jamais faire échouer l'exécution\u{00A0}: "
                + (ignored ? "la config associe la colonne \($0.column) à \(InputDialect.ignoredColumn) (columns: dans fidelis.yml)"
                           : "les données n'ont pas de colonne \($0.column)")
                + ", l'escalade ne peut donc pas être vérifiée")
        }
    }

    /// The raised escalations named by the policy, in the given order.
    public func failing(raised: [EscalationKind]) -> [EscalationKind] {
        raised.filter { kinds.contains($0) }
    }
}
