extension FeedbackRouter {
    /// Routes every verbatim of a snapshot: counts per area (every configured area listed, zero
    /// included), unrouted ones, and the first few verbatims per area by customer id.
    ///
    /// The samples are picked as the verbatims go by (each area keeps its `samplesPerArea` first
    /// ids so far), not by sorting every verbatim of an area: that sort and the list it sorted were
    /// a third of the routing's time (perf, 1 M-customer snapshots).
    public func routing(of table: SnapshotTable, customers: CustomerIDs) -> FeedbackRouting {
        let allAreas = SpecialistArea.allCases
        let limit = FeedbackRouting.samplesPerArea
        // Per area (`allAreas` order, then the unrouted verbatims): the verbatims routed there and the
        // samples kept so far, in customer id order. Arrays by area rather than dictionaries keyed by
        // it: two dictionary lookups per verbatim before.
        var routed = [Int](repeating: 0, count: allAreas.count + 1)
        var kept = [[Sample]](repeating: [], count: allAreas.count + 1)
        var scratch = Scratch()
        var counts: [Int] = []
        for (order, (row, text)) in table.feedback.enumerated() {
            let area = route(text, scratch: &scratch, counts: &counts)
            let slot = area.flatMap { allAreas.firstIndex(of: $0) } ?? allAreas.count
            routed[slot] += 1
            let index = table.customer[Int(row)]
            // Once an area has its samples, a verbatim whose id does not come before the last one
            // kept is not kept (nor one with the same id: the verbatims come in order). While both
            // ids are ASCII, their bytes compare as the strings do, so the id's `String` is not made:
            // it was made for every verbatim, a sixth of the routing's time (perf, 1 M × 12).
            if kept[slot].count == limit, let last = kept[slot].last,
               customers.withBytes(index, { FeedbackRouter.asciiBytes($0, comeAtOrAfter: last.customer) }) == true {
                continue
            }
            let sample = Sample(customer: customers.id(index), order: order, text: text)
            if kept[slot].count == limit, let last = kept[slot].last, !sample.precedes(last) { continue }
            let at = kept[slot].firstIndex { sample.precedes($0) } ?? kept[slot].count
            kept[slot].insert(sample, at: at)
            if kept[slot].count > limit { kept[slot].removeLast() }
        }
        var routing = FeedbackRouting()
        for area in areas { routing.counts[area] = 0 }
        for (slot, area) in allAreas.enumerated() where routed[slot] > 0 { routing.counts[area] = routed[slot] }
        routing.unrouted = routed[allAreas.count]
        for (slot, list) in kept.enumerated() where !list.isEmpty {
            routing.samples[slot < allAreas.count ? allAreas[slot] : nil] = list.map { ($0.customer, $0.text) }
        }
        return routing
    }

    /// A verbatim kept as a sample, with its place among the snapshot's verbatims.
    private struct Sample {
        let customer: String
        let order: Int
        let text: String

        /// Customer id order (as `String` compares), ties (ids equal as text) in the verbatims'
        /// order, as a stable sort by id gives.
        func precedes(_ other: Sample) -> Bool {
            customer < other.customer || (customer == other.customer && order < other.order)
        }
    }

    /// Whether the id `bytes` comes at or after `id` in `String` order, when both are ASCII (their
    /// bytes then compare as the strings do); nil otherwise.
    private static func asciiBytes(_ bytes: UnsafeRawBufferPointer, comeAtOrAfter id: String) -> Bool? {
        id.utf8.withContiguousStorageIfAvailable { other -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }), !other.contains(where: { $0 >= 0x80 }) else { return nil }
            for (a, b) in zip(bytes, other) where a != b { return a > b }
            return bytes.count >= other.count
        } ?? nil
    }
}
