import Foundation

/// Writes the monthly snapshot CSVs (`YYYY-MM.csv`) of a `SampleHistory`.
///
/// Months are written in order while per-customer running state (order cursor,
/// cumulative revenue, rolling 12-month spend, redeemed points) advances, so each
/// file costs one pass over the customers present at its month end.
enum SampleSnapshotWriter {
    static let columns = [
        "customer_id", "first_order_date", "last_order_date", "orders", "revenue", "vip",
        "nps", "csat", "ces", "feedback", "public_complaint", "refund_requested", "tier", "points_balance",
    ]

    /// Loyalty tier thresholds on the rolling 365-day spend, in cents.
    static let goldCents: Int64 = 100_000
    static let silverCents: Int64 = 30_000
    /// Points are redeemed in blocks of this size.
    static let redemptionBlock = 500

    static func write(history h: SampleHistory, to directory: URL, progress: (Int, Int) -> Void) throws {
        let settings = h.settings
        let n = h.customerCount
        let semicolon = settings.semicolonDelimited
        let delimiter: UInt8 = semicolon ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let decimalMark: UInt8 = semicolon ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let lineEnd: [UInt8] = semicolon ? [13, 10] : [10]
        let header = Array(columns.joined(separator: String(UnicodeScalar(delimiter))).utf8)
        let bank = SampleFeedbackBank(delimiter: delimiter)
        let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)
        let tierBytes = [Array("Bronze".utf8), Array("Silver".utf8), Array("Gold".utf8)]

        let cursor = UnsafeMutablePointer<Int32>.allocate(capacity: n + 1)
        let windowCursor = UnsafeMutablePointer<Int32>.allocate(capacity: n + 1)
        let cumulative = UnsafeMutablePointer<Int64>.allocate(capacity: n + 1)
        let beforeWindow = UnsafeMutablePointer<Int64>.allocate(capacity: n + 1)
        let redeemed = UnsafeMutablePointer<Int32>.allocate(capacity: n + 1)
        defer {
            cursor.deallocate(); windowCursor.deallocate(); cumulative.deallocate()
            beforeWindow.deallocate(); redeemed.deallocate()
        }
        cursor.update(from: h.orderStart, count: n)
        windowCursor.update(from: h.orderStart, count: n)
        cumulative.update(repeating: 0, count: n)
        beforeWindow.update(repeating: 0, count: n)
        redeemed.update(repeating: 0, count: n)

        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var phaseRandom = SampleRandom(seed: settings.seed, 0, salt: SampleHistory.Salt.month)
        let phase = phaseRandom.uniform() * 2 * Double.pi
        let dateTable = h.isoDateTable()

        try dateTable.withUnsafeBufferPointer { dates in
            let dateBase = dates.baseAddress!
            for m in 0..<settings.months {
                let monthIndex = h.snapshotMonths[m]
                let monthStart = h.monthStarts[m]
                let monthEnd = h.monthEnds[m]
                let windowStart = monthEnd - 364
                let present = h.presentCount[m]

                var monthRandom = SampleRandom(seed: settings.seed, UInt64(monthIndex), 1, salt: SampleHistory.Salt.month)
                let npsTarget = 0.33 + 0.08 * sin(0.9 * Double(monthIndex) + phase) + 0.05 * (monthRandom.uniform() - 0.5)
                let moodOfMonth = 0.08 * (monthRandom.uniform() - 0.5)
                let complaints = 3 + Double(n) / 25_000 + 3 * monthRandom.uniform()
                let complaintRate = complaints / Double(max(1, present))

                let url = directory.appendingPathComponent(SampleCalendar.label(monthIndex: monthIndex) + ".csv")
                var w = try SampleByteWriter(url: url)
                defer { w.release() }
                if semicolon { w.bytes([0xEF, 0xBB, 0xBF]) }
                w.bytes(header)
                w.bytes(lineEnd)

                for i in 0..<present {
                    try w.ensureRoom()
                    let start = Int(h.orderStart[i]), stop = Int(h.orderStart[i + 1])
                    var c = Int(cursor[i])
                    var cum = cumulative[i]
                    var refunds: Int64 = 0
                    var boughtThisMonth = false
                    while c < stop && Int(h.orderDay[c]) <= monthEnd {
                        cum += Int64(h.orderCents[c])
                        if Int(h.orderDay[c]) >= monthStart {
                            boughtThisMonth = true
                            refunds += h.refundCents(order: c)
                        }
                        c += 1
                    }
                    cursor[i] = Int32(c)
                    cumulative[i] = cum
                    var wc = Int(windowCursor[i])
                    var before = beforeWindow[i]
                    while wc < c && Int(h.orderDay[wc]) < windowStart {
                        before += Int64(h.orderCents[wc])
                        wc += 1
                    }
                    windowCursor[i] = Int32(wc)
                    beforeWindow[i] = before
                    let orders = c - start

                    let kind = h.behaviour(i)
                    let mood = kind.moodShift + moodOfMonth
                    var r = SampleRandom(seed: settings.seed, UInt64(i), UInt64(monthIndex), salt: SampleHistory.Salt.row)

                    // customer_id, first/last order dates, orders, revenue, vip
                    w.byte(UInt8(ascii: "C"))
                    w.zeroPadded(i + 1, width: h.idWidth)
                    w.byte(delimiter)
                    if orders > 0 { w.bytes(dateBase + (Int(h.orderDay[start]) - h.firstDay) * 10, 10) }
                    w.byte(delimiter)
                    if orders > 0 { w.bytes(dateBase + (Int(h.orderDay[c - 1]) - h.firstDay) * 10, 10) }
                    w.byte(delimiter)
                    w.unsigned(UInt64(orders))
                    w.byte(delimiter)
                    w.money(cum, decimalMark: decimalMark)
                    w.byte(delimiter)
                    w.bytes(orders > 0 && cum >= h.vipThresholdCents ? trueBytes : falseBytes)
                    w.byte(delimiter)

                    // nps, csat, ces
                    var nps = -1
                    if r.uniform() < (boughtThisMonth ? 0.20 : 0.065) {
                        nps = SampleSurvey.nps(&r, target: npsTarget, shift: mood)
                        w.unsigned(UInt64(nps))
                    }
                    w.byte(delimiter)
                    if r.uniform() < (boughtThisMonth ? 0.14 : 0.045) {
                        w.unsigned(UInt64(SampleSurvey.csat(&r, shift: mood)))
                    }
                    w.byte(delimiter)
                    if r.uniform() < (boughtThisMonth ? 0.09 : 0.03) {
                        w.unsigned(UInt64(SampleSurvey.ces(&r, shift: mood)))
                    }
                    w.byte(delimiter)

                    // refund requests not (yet) granted, public complaint, feedback
                    if orders > 0 && r.uniform() < (kind == .highValue ? 0.04 : 0.003) {
                        let median = kind == .highValue ? 100_000.0 : 12_000.0
                        let asked = Int64((median * exp(0.8 * r.normal())).rounded())
                        refunds += max(100, min(cum, asked))
                    }
                    let complaint = r.uniform() < complaintRate
                    let feedbackChance = nps >= 0 ? 0.22 : (complaint ? 0.6 : 0.014)
                    if r.uniform() < feedbackChance {
                        let tone = SampleSurvey.tone(&r, nps: nps, shift: mood, unhappy: complaint || refunds > 0)
                        let pool = bank.fields[tone.rawValue]
                        w.bytes(pool[r.below(pool.count)])
                    }
                    w.byte(delimiter)
                    w.bytes(complaint ? trueBytes : falseBytes)
                    w.byte(delimiter)
                    if refunds > 0 { w.money(refunds, decimalMark: decimalMark) }
                    w.byte(delimiter)

                    // tier, points_balance (loyalty members only)
                    if h.isMember(i) {
                        let rolling = cum - before
                        w.bytes(tierBytes[rolling >= goldCents ? 2 : rolling >= silverCents ? 1 : 0])
                        w.byte(delimiter)
                        var balance = Int(cum / 100) - Int(redeemed[i])
                        if balance >= redemptionBlock && r.uniform() < 0.15 {
                            let used = balance / redemptionBlock * redemptionBlock
                            redeemed[i] += Int32(used)
                            balance -= used
                        }
                        w.unsigned(UInt64(balance))
                    } else {
                        w.byte(delimiter)
                    }
                    w.bytes(lineEnd)
                }
                try w.finish()
                progress(m + 1, settings.months)
            }
        }
    }
}

