extension FeedbackRouter {
    /// Routes every verbatim of a snapshot: counts per area (every configured area listed, zero
    /// included), unrouted ones, and the first few verbatims per area by customer id.
    ///
    /// The samples are picked as the verbatims go by (each area keeps its `samplesPerArea` first
    /// ids so far), not by sorting every verbatim of an area: that sort and the list it sorted were
    /// a third of the routing's time (perf, 1 M-customer snapshots).
    public func routing(of table: SnapshotTable, customers: CustomerIDs) -> FeedbackRouting {
        var routing = FeedbackRouting()
        for area in areas { routing.counts[area] = 0 }
        var kept: [SpecialistArea?: [(customer: String, order: Int, text: String)]] = [:]
        let limit = FeedbackRouting.samplesPerArea
        var scratch = Scratch()
        var counts: [Int] = []
        for (order, (row, text)) in table.feedback.enumerated() {
            let area = route(text, scratch: &scratch, counts: &counts)
            if let area { routing.counts[area, default: 0] += 1 } else { routing.unrouted += 1 }
            let customer = customers.id(table.customer[Int(row)])
            var list = kept[area, default: []]
            if list.count == limit, let last = list.last, !FeedbackRouter.precedes((customer, order), (last.customer, last.order)) { continue }
            let at = list.firstIndex { FeedbackRouter.precedes((customer, order), ($0.customer, $0.order)) } ?? list.count
            list.insert((customer, order, text), at: at)
            if list.count > limit { list.removeLast() }
            kept[area] = list
        }
        for (area, list) in kept {
            routing.samples[area] = list.map { ($0.customer, $0.text) }
        }
        return routing
    }

    /// Customer id order (as `String` compares), ties (ids equal as text) in the verbatims' order,
    /// as a stable sort by id gives.
    private static func precedes(_ a: (customer: String, order: Int), _ b: (customer: String, order: Int)) -> Bool {
        a.customer < b.customer || (a.customer == b.customer && a.order < b.order)
    }
}
