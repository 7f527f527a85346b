/// How a ledger's lines are laid out for deriving month ends: sorted by customer (to find orders
/// and digest each month), then grouped by month end.
extension LedgerSource {
    /// The lines sorted by customer, then by day (ties in file order), as columns, and whether each
    /// starts a new order for its customer; `start[c]` is where customer c's lines begin
    /// (`customers + 1` entries). Each column of `parts` is freed as soon as it is moved. `spare` is
    /// storage for one `UInt32` per line, already written, that `groupedByPeriod` writes over.
    ///
    /// A counting sort: each line's place is worked out once, then every column is moved there in
    /// one sequential read, so that sorting each customer's few lines by day and finding its orders
    /// read lines next to each other. (Sorting line numbers, then gathering every column through
    /// them and comparing order ids through them, was a scattered read per line and column: 0.8 s
    /// of reading a 5 M-line ledger, all of it before a second thread has work.)
    ///
    /// The parts (the file's halves, read at once) are counted, placed and moved at once, each on a
    /// core: a part's lines of a customer come after those of the parts before it, so the order is
    /// that of one pass. The customers' own lines are then sorted and their orders found in chunks
    /// of customers at once. (One thread did all of it, the other core idle: a third of reading
    /// the 5 M-line sample ledger, much of it the first writes of fresh memory.)
    /// `chunks`: how many chunks of customers (tests vary it).
    static func sortedByCustomer(_ parts: inout [LedgerLineColumns], customers customerCount: Int, hasOrderID: Bool, chunks requested: Int = ParallelChunks.count)
        -> (day: [Int32], amount: [Int64], startsOrder: [Bool], start: [Int], order: [Int64], spare: [UInt32]) {
        let n = parts.reduce(0) { $0 + $1.count }
        precondition(n < Int(Int32.max), "a ledger of 2^31 lines or more")
        let partCount = parts.count
        var lineStart = [0]
        for part in parts { lineStart.append(lineStart[lineStart.count - 1] + part.count) }
        // Each part's lines per customer, then where the part's first line of each customer goes.
        var fill = [[Int32]](repeating: [], count: partCount)
        fill.withUnsafeMutableBufferPointer { fill in
            parts.withUnsafeBufferPointer { parts in
                ParallelChunks.run(partCount) { k in
                    var counts = [Int32](repeating: 0, count: customerCount)
                    counts.withUnsafeMutableBufferPointer { counts in
                        parts[k].customer.withUnsafeBufferPointer { customers in
                            for c in customers { counts[Int(c)] &+= 1 }
                        }
                    }
                    fill[k] = counts
                }
            }
        }
        let start = firstPlaces(&fill, keys: customerCount)
        // The place of each line, in file order.
        var place = [UInt32].hugeUninitialized(count: n)
        place.withUnsafeMutableBufferPointer { place in
            parts.withUnsafeMutableBufferPointer { parts in
                fill.withUnsafeMutableBufferPointer { fill in
                    ParallelChunks.run(partCount) { k in
                        var line = lineStart[k]
                        fill[k].withUnsafeMutableBufferPointer { fill in
                            parts[k].customer.withUnsafeBufferPointer { customers in
                                for c in customers {
                                    place[line] = UInt32(bitPattern: fill[Int(c)])
                                    fill[Int(c)] &+= 1
                                    line += 1
                                }
                            }
                        }
                        parts[k].customer = []
                        fill[k] = []
                    }
                }
            }
        }
        func moved<T: BitwiseCopyable>(_ column: WritableKeyPath<LedgerLineColumns, [T]>) -> [T] {
            var out = [T].hugeUninitialized(count: n)
            out.withUnsafeMutableBufferPointer { out in
                place.withUnsafeBufferPointer { place in
                    parts.withUnsafeMutableBufferPointer { parts in
                        ParallelChunks.run(partCount) { k in
                            var line = lineStart[k]
                            parts[k][keyPath: column].withUnsafeBufferPointer { values in
                                for v in values {
                                    out[Int(place[line])] = v
                                    line += 1
                                }
                            }
                            parts[k][keyPath: column] = []
                        }
                    }
                }
            }
            return out
        }
        var order = hasOrderID ? moved(\.order) : []
        var amount = moved(\.amount)
        var day = moved(\.day)
        var starts = [Bool].hugeUninitialized(count: n)
        // Chunks of customers with about as many lines each.
        let chunks = ParallelChunks.bounds(customerCount, parts: requested) { start[$0] }
        day.withUnsafeMutableBufferPointer { day in
        amount.withUnsafeMutableBufferPointer { amount in
        order.withUnsafeMutableBufferPointer { order in
        starts.withUnsafeMutableBufferPointer { starts in
        start.withUnsafeBufferPointer { start in
            ParallelChunks.run(chunks.count - 1) { chunk in
                let customers = chunks[chunk]..<chunks[chunk + 1]
                // Each customer's lines by day, ties kept in file order: an insertion sort, with which a
                // ledger in date order needs no move at all, up to 32 lines; longer runs out of order
                // (a ledger exported newest first) by their (day, line) keys, as a customer's 200 k
                // lines in reverse took 24 s in the insertion sort (0.03 s in date order).
                var keys: [UInt64] = [], movedAmounts: [Int64] = [], movedOrders: [Int64] = []
                for c in customers where start[c + 1] - start[c] > 1 {
                    let lower = start[c], upper = start[c + 1]
                    if upper - lower > 32 {
                        guard ((lower + 1)..<upper).contains(where: { day[$0] < day[$0 - 1] }) else { continue }
                        // The day (its sign bit flipped, so that the keys order as the days do) above
                        // the line's place in the run: unique keys, ties in file order.
                        keys.removeAll(keepingCapacity: true)
                        for k in lower..<upper { keys.append(UInt64(UInt32(bitPattern: day[k]) ^ 0x8000_0000) << 32 | UInt64(k - lower)) }
                        keys.sort()
                        movedAmounts.removeAll(keepingCapacity: true)
                        movedOrders.removeAll(keepingCapacity: true)
                        for key in keys {
                            let k = lower + Int(key & 0xFFFF_FFFF)
                            movedAmounts.append(amount[k])
                            if hasOrderID { movedOrders.append(order[k]) }
                        }
                        for (i, key) in keys.enumerated() {
                            day[lower + i] = Int32(bitPattern: UInt32(key >> 32) ^ 0x8000_0000)
                            amount[lower + i] = movedAmounts[i]
                            if hasOrderID { order[lower + i] = movedOrders[i] }
                        }
                        continue
                    }
                    for k in (lower + 1)..<upper where day[k] < day[k - 1] {
                        let (d, a) = (day[k], amount[k])
                        let o = hasOrderID ? order[k] : 0
                        var j = k
                        while j > lower && day[j - 1] > d {
                            day[j] = day[j - 1]
                            amount[j] = amount[j - 1]
                            if hasOrderID { order[j] = order[j - 1] }
                            j -= 1
                        }
                        day[j] = d
                        amount[j] = a
                        if hasOrderID { order[j] = o }
                    }
                }
                // Which lines start an order: the first line (by day) of each distinct order id of a
                // customer, found within each customer's few lines (a global sort of 5 M lines cost
                // 80 MB and ~1 s).
                let lines = start[customers.lowerBound]..<start[customers.upperBound]
                if let base = starts.baseAddress { (base + lines.lowerBound).initialize(repeating: true, count: lines.count) }
                guard hasOrderID else { return }
                // Lines without an order id (-2) are orders of their own. A customer's few lines are
                // compared with the earlier ones directly; a `Set` per customer (hashing, clearing) was a
                // tenth of reading a 500 k-customer ledger. Customers with more lines (60 % of the lines
                // of the 500 k-customer sample ledger) get an open-addressing table of their order ids,
                // which are hashes already (one multiply spreads them): a `Set`, hashing each id again
                // with SipHash, was 5 % of that ledger's parse instructions.
                var seen: [Int64] = []
                for c in customers where start[c + 1] - start[c] > 1 {
                    let range = start[c]..<start[c + 1]
                    if range.count <= 32 {
                        for k in range where order[k] != -2 {
                            var j = range.lowerBound
                            while j < k && order[j] != order[k] { j += 1 }
                            if j < k { starts[k] = false }
                        }
                        continue
                    }
                    let bits = Int.bitWidth - (2 * range.count - 1).leadingZeroBitCount   // 2^bits >= 2 × lines
                    let size = 1 << bits
                    seen.refill(-1, count: size)
                    seen.withUnsafeMutableBufferPointer { table in
                        for k in range where order[k] != -2 {
                            let id = order[k]   // >= 0
                            var slot = Int(truncatingIfNeeded: (UInt64(id) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
                            while table[slot] != -1 && table[slot] != id { slot = (slot + 1) & (size - 1) }
                            if table[slot] == id { starts[k] = false } else { table[slot] = id }
                        }
                    }
                }
            }
        }}}}}
        // The places' storage goes with the result, for the grouping to write its customers into.
        return (day, amount, starts, start, order, place)
    }

    /// The lines of `sorted` (by customer, then day) grouped by month end, keeping that order within
    /// each: a stable counting sort on the period. Each column of `sorted` is freed once moved, or
    /// its storage written over: the days' with the places, the order ids' (one per line, when
    /// there are some) with the grouped amounts, and the sort's places' (`spare`) with the customers.
    /// Packed for the month ends, 13 bytes a line: the customer index with whether the line starts
    /// an order in its top bit (`LedgerSource.startsOrderBit`), the day as its offset in the month,
    /// the amount. `start` has `periods + 1` entries.
    ///
    /// Chunks of customers (of about as many lines each) are counted, placed and moved at once, each
    /// on a core; a chunk's lines of a month end come after those of the chunks before it.
    static func groupedByPeriod(
        _ sorted: inout (day: [Int32], amount: [Int64], startsOrder: [Bool], start: [Int], order: [Int64], spare: [UInt32]), periodOfDay: LedgerDayPeriods, periods: Int,
        chunks requested: Int = ParallelChunks.count
    ) -> (customer: [UInt32], dayInMonth: [UInt8], amount: [Int64], start: [Int]) {
        let n = sorted.day.count
        let customerStart = sorted.start
        let chunks = ParallelChunks.bounds(customerStart.count - 1, parts: requested) { customerStart[$0] }
        let chunkCount = chunks.count - 1
        // Each chunk's lines per month end, then where the chunk's first line of each month end goes.
        var fill = [[Int32]](repeating: [], count: chunkCount)
        fill.withUnsafeMutableBufferPointer { fill in
            sorted.day.withUnsafeBufferPointer { day in
                ParallelChunks.run(chunkCount) { j in
                    var counts = [Int32](repeating: 0, count: periods)
                    for k in customerStart[chunks[j]]..<customerStart[chunks[j + 1]] { counts[periodOfDay[day[k]]] &+= 1 }
                    fill[j] = counts
                }
            }
        }
        let start = firstPlaces(&fill, keys: periods)
        // The place of each line (in customer order), worked out with its day in the month, and
        // written over its day: the days' storage becomes the places' (20 MB at 5 M lines).
        var place = [Int32].takingStorage(of: &sorted.day, count: n)
        let dayInMonth = [UInt8](unsafeUninitializedCapacity: n) { out, initialized in
            place.withUnsafeMutableBufferPointer { dayThenPlace in
                fill.withUnsafeMutableBufferPointer { fill in
                    ParallelChunks.run(chunkCount) { j in
                        fill[j].withUnsafeMutableBufferPointer { fill in
                            for k in customerStart[chunks[j]]..<customerStart[chunks[j + 1]] {
                                let day = dayThenPlace[k]
                                let p = periodOfDay[day]
                                let at = fill[p]
                                fill[p] &+= 1
                                out[Int(at)] = UInt8(day - periodOfDay.firstOrdinal(ofPeriod: p))
                                dayThenPlace[k] = at
                            }
                        }
                    }
                }
            }
            initialized = n
        }
        // The amounts first (their sorted column is then freed), into the order ids' storage, no
        // longer needed, when there is one.
        var amount = [Int64].takingStorage(of: &sorted.order, count: n)
        amount.withUnsafeMutableBufferPointer { out in
            place.withUnsafeBufferPointer { place in
                sorted.amount.withUnsafeBufferPointer { values in
                    ParallelChunks.run(chunkCount) { j in
                        for k in customerStart[chunks[j]]..<customerStart[chunks[j + 1]] { out[Int(place[k])] = values[k] }
                    }
                }
            }
        }
        sorted.amount = []
        // The customers go into the storage of the sort's places, when it has one entry per line.
        var customer = [UInt32].takingStorage(of: &sorted.spare, count: n)
        customer.withUnsafeMutableBufferPointer { out in
            place.withUnsafeBufferPointer { place in
                sorted.startsOrder.withUnsafeBufferPointer { startsOrder in
                    ParallelChunks.run(chunkCount) { j in
                        for c in chunks[j]..<chunks[j + 1] {
                            for k in customerStart[c]..<customerStart[c + 1] {
                                out[Int(place[k])] = UInt32(c) | (startsOrder[k] ? LedgerSource.startsOrderBit : 0)
                            }
                        }
                    }
                }
            }
        }
        sorted.start = []
        sorted.startsOrder = []
        return (customer, dayInMonth, amount, start)
    }

    /// Turns `counts` (per chunk, its lines of each key) into where each chunk's first line of each
    /// key goes when the lines are laid out key by key, the chunks' lines of a key one chunk after
    /// another; returns where each key's lines start (`keys` + 1 entries).
    private static func firstPlaces(_ counts: inout [[Int32]], keys: Int) -> [Int] {
        var start = [Int](repeating: 0, count: keys + 1)
        start.withUnsafeMutableBufferPointer { start in
            var at = 0
            for key in 0..<keys {
                for j in counts.indices {
                    let lines = Int(counts[j][key])
                    counts[j][key] = Int32(truncatingIfNeeded: at)
                    at += lines
                }
                start[key + 1] = at
            }
        }
        return start
    }
}
