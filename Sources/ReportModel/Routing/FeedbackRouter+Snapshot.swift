extension FeedbackRouter {
    /// Routes every verbatim of a snapshot: counts per area (every configured area listed, zero
    /// included), unrouted ones, and the first few verbatims per area by customer id.
    public func routing(of table: SnapshotTable, customers: CustomerIDs) -> FeedbackRouting {
        var routing = FeedbackRouting()
        for area in areas { routing.counts[area] = 0 }
        var byArea: [SpecialistArea?: [(customer: String, text: String)]] = [:]
        for (row, text) in table.feedback {
            let area = route(text)
            if let area { routing.counts[area, default: 0] += 1 } else { routing.unrouted += 1 }
            byArea[area, default: []].append((customers.id(table.customer[Int(row)]), text))
        }
        for (area, list) in byArea {
            routing.samples[area] = Array(list.sorted { $0.customer < $1.customer }.prefix(FeedbackRouting.samplesPerArea))
        }
        return routing
    }
}
