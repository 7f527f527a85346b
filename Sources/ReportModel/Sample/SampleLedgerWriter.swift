import Foundation

/// Writes the transaction ledger (`customer_id,order_id,date,amount,quantity`) of a `SampleHistory`.
///
/// Rows are in date order, as a shop exports them; order ids are numbered in that
/// order. Each order is split into 1–4 purchase lines whose amounts sum to its gross
/// value; refunded orders get one negative line (quantity -1) with the same order id
/// and date, so the net of an order's lines is the value the snapshots count.
enum SampleLedgerWriter {
    static let columns = ["customer_id", "order_id", "date", "amount", "quantity"]

    static func write(history h: SampleHistory, to file: URL, progress: (Int, Int) -> Void) throws {
        let settings = h.settings
        let semicolon = settings.semicolonDelimited
        let delimiter: UInt8 = semicolon ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let decimalMark: UInt8 = semicolon ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let lineEnd: [UInt8] = semicolon ? [13, 10] : [10]
        let header = Array(columns.joined(separator: String(UnicodeScalar(delimiter))).utf8)
        let orderCount = h.orderCount
        let orderWidth = max(7, String(orderCount).count)

        // Counting sort of the orders by day; within a day, by customer then order.
        let dayCount = h.lastDay - h.firstDay + 1
        var dayStart = [Int](repeating: 0, count: dayCount + 1)
        for e in 0..<orderCount { dayStart[Int(h.orderDay[e]) - h.firstDay + 1] += 1 }
        for d in 0..<dayCount { dayStart[d + 1] += dayStart[d] }
        let sorted = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, orderCount))
        let owner = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, orderCount))
        defer { sorted.deallocate(); owner.deallocate() }
        var fill = dayStart
        for i in 0..<h.customerCount {
            for e in Int(h.orderStart[i])..<Int(h.orderStart[i + 1]) {
                owner[e] = Int32(i)
                let slot = Int(h.orderDay[e]) - h.firstDay
                sorted[fill[slot]] = Int32(e)
                fill[slot] += 1
            }
        }

        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        var w = try SampleByteWriter(url: file)
        defer { w.release() }
        if semicolon { w.bytes([0xEF, 0xBB, 0xBF]) }
        w.bytes(header)
        w.bytes(lineEnd)

        let dateTable = h.isoDateTable()
        var orderNumber = 0
        var nextMonth = 0
        var weights = [Double](repeating: 0, count: 4)
        try dateTable.withUnsafeBufferPointer { dates in
            let dateBase = dates.baseAddress!
            @inline(__always)
            func row(_ w: inout SampleByteWriter, customer: Int, order: Int, date: UnsafePointer<UInt8>,
                     amount: Int64, quantity: Int) {
                w.byte(UInt8(ascii: "C"))
                w.zeroPadded(customer + 1, width: h.idWidth)
                w.byte(delimiter)
                w.byte(UInt8(ascii: "O"))
                w.zeroPadded(order, width: orderWidth)
                w.byte(delimiter)
                w.bytes(date, 10)
                w.byte(delimiter)
                w.money(amount, decimalMark: decimalMark)
                w.byte(delimiter)
                w.integer(Int64(quantity))
                w.bytes(lineEnd)
            }

            for d in 0..<dayCount {
                let date = dateBase + d * 10
                for slot in dayStart[d]..<dayStart[d + 1] {
                    try w.ensureRoom()
                    let e = Int(sorted[slot])
                    let customer = Int(owner[e])
                    orderNumber += 1
                    let refund = h.refundCents(order: e)
                    let gross = Int64(h.orderCents[e]) + refund
                    var r = SampleRandom(seed: settings.seed, UInt64(e), salt: SampleHistory.Salt.lines)
                    let u = r.uniform()
                    let lines = u < 0.55 ? 1 : u < 0.80 ? 2 : u < 0.93 ? 3 : 4
                    var totalWeight = 0.0
                    for l in 0..<lines {
                        weights[l] = 0.5 + r.uniform()
                        totalWeight += weights[l]
                    }
                    var remaining = gross
                    for l in 0..<lines {
                        let amount = l == lines - 1
                            ? remaining
                            : Int64((Double(gross) * weights[l] / totalWeight).rounded(.down))
                        remaining -= amount
                        let q = r.uniform()
                        row(&w, customer: customer, order: orderNumber, date: date, amount: amount,
                            quantity: q < 0.7 ? 1 : q < 0.9 ? 2 : 3)
                    }
                    if refund > 0 {
                        row(&w, customer: customer, order: orderNumber, date: date, amount: -refund, quantity: -1)
                    }
                }
                while nextMonth < settings.months && h.firstDay + d == h.monthEnds[nextMonth] {
                    try w.flush()
                    nextMonth += 1
                    progress(nextMonth, settings.months)
                }
            }
        }
        try w.finish()
    }
}
