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
        // Ids in index order and all ASCII: an id comes at or after another as its index does.
        let indexOrderIsIDOrder = customers.isInIDOrder && customers.isASCII
        // A text routed before, in this snapshot or the one routed before it, takes its area from
        // there (`RoutedTextMemo`): routing the 1 M × 12 sample snapshots' 384 k verbatims was 3.4 %
        // of the build's CPU samples, for 48 distinct texts a snapshot.
        let previous = memo.previous()
        var current = RoutedTextMemo.Table(expected: 256)
        for (order, (row, text)) in table.feedback.enumerated() {
            var bytes = text
            let slot = bytes.withUTF8 { utf8 -> Int in
                let key = RoutedTextMemo.key(utf8)
                if let known = current.slot(of: utf8, key: key) { return Int(known) }
                let slot: Int
                if let known = previous.slot(of: utf8, key: key) {
                    slot = Int(known)
                } else {
                    let area = route(text, scratch: &scratch, counts: &counts)
                    slot = area.flatMap { allAreas.firstIndex(of: $0) } ?? allAreas.count
                }
                if current.count < RoutedTextMemo.capacity { current.insert(utf8, key: key, slot: Int8(slot)) }
                return slot
            }
            routed[slot] += 1
            let index = table.customer[Int(row)]
            // Once an area has its samples, a verbatim whose id does not come before the last one
            // kept is not kept (nor one with the same id: the verbatims come in order). While both
            // ids are ASCII, their bytes compare as the strings do, so the id's `String` is not made:
            // it was made for every verbatim, a sixth of the routing's time (perf, 1 M × 12).
            // Where index order is id order, the indices are compared instead: reading a verbatim's id
            // bytes missed the cache twice (the store's entry, then the bytes), and the test from the
            // last sample's `String` took 0.7 % of a 1 M × 12 build's CPU samples.
            if kept[slot].count == limit, let last = kept[slot].last {
                if indexOrderIsIDOrder {
                    if index >= last.index { continue }
                } else if last.isASCII, customers.withBytes(index, { id in
                    customers.withBytes(last.index) { lastID in TextValidation.isASCII(id) && !BytewiseOrder.precedes(id, lastID) }
                }) {
                    continue
                }
            }
            let sample = Sample(customer: customers.id(index), index: index, isASCII: customers.withBytes(index, TextValidation.isASCII),
                                order: order, text: text)
            if kept[slot].count == limit, let last = kept[slot].last, !sample.precedes(last) { continue }
            let at = kept[slot].firstIndex { sample.precedes($0) } ?? kept[slot].count
            kept[slot].insert(sample, at: at)
            if kept[slot].count > limit { kept[slot].removeLast() }
        }
        memo.keep(current)
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
        /// The customer's index, and whether its id is ASCII (its bytes then compare as the id does).
        let index: Int32
        let isASCII: Bool
        let order: Int
        let text: String

        /// Customer id order (as `String` compares), ties (ids equal as text) in the verbatims'
        /// order, as a stable sort by id gives.
        func precedes(_ other: Sample) -> Bool {
            customer < other.customer || (customer == other.customer && order < other.order)
        }
    }
}
