import ReportModel

/// Which raised escalations make `build --fail-on` exit with status 3.
public struct FailOnPolicy: Sendable, Equatable {
    public let kinds: Set<EscalationKind>

    /// An id that is neither `any` nor an escalation id.
    public struct UnknownID: Error, Equatable, CustomStringConvertible {
        public var id: String
        public var description: String {
            "unknown escalation '\(id)' (expected any or \(EscalationKind.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
    }

    /// Parses `--fail-on` values: ids separated by commas (one or several options), or `any`.
    public init(_ values: [String]) throws(UnknownID) {
        var kinds = Set<EscalationKind>()
        for value in values {
            for part in value.split(separator: ",") {
                let id = part.trimmingCharacters(in: " ")
                if id.isEmpty { continue }
                if id == "any" { kinds.formUnion(EscalationKind.allCases); continue }
                guard let kind = EscalationKind(rawValue: id) else { throw UnknownID(id: id) }
                kinds.insert(kind)
            }
        }
        self.kinds = kinds
    }

    /// The raised escalations named by the policy, in the given order.
    public func failing(raised: [EscalationKind]) -> [EscalationKind] {
        raised.filter { kinds.contains($0) }
    }
}
