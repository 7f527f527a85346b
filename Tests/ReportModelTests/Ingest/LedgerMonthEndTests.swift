import Foundation
import Testing
@testable import ReportModel

/// A ledger's month ends (`LedgerSource`, lines grouped by month end) against a direct derivation
/// from input.md on generated ledgers: in date order (customers indexed in order of first
/// purchase), reversed and shuffled (later customers buying first), with and without order ids.
@Suite("Ingest: ledger month ends on generated ledgers")
struct LedgerMonthEndTests {
    /// A line as generated: customer id, day, amount in cents, order id ("" for none).
    struct Line { var id: String; var day: Day; var cents: Int64; var order: String }

    /// (orders, revenue, first, last, purchase days, repeat spend) of a customer, in `Money` units.
    struct Figures: Equatable { var orders: Int32; var revenue: Int64; var first: Int32; var last: Int32; var days: Int32; var repeatSpend: Int64 }

    /// About `customers` customers buying over 14 months from 2025-01-01: several lines per order
    /// and per day, refunds, orders spanning two days, lines without an order id.
    /// `maxOrders` orders at most per customer: with 60, many customers have more than 32 lines,
    /// which find their orders through a table (`LedgerSource.sortedByCustomer`).
    static func ledger(customers: Int, seed: UInt64, maxOrders: Int = 6) -> [Line] {
        var random = SampleRandom(seed: seed, 1, salt: 77)
        let start = S.day("2025-01-01").ordinal
        var lines: [Line] = []
        for c in 0..<customers {
            let id = "C\(c)"
            var day = start + Int32(random.below(420))
            for o in 0..<(1 + random.below(maxOrders)) {
                let order = random.below(8) == 0 ? "" : "O\(c)-\(o)"
                for _ in 0..<(1 + random.below(3)) {
                    let cents = Int64(random.below(20_000)) - (random.below(10) == 0 ? 25_000 : 0)
                    lines.append(Line(id: id, day: Day(ordinal: day), cents: cents, order: order))
                    if random.below(5) == 0 { day += 1 }   // an order spanning two days
                }
                day += Int32(random.below(60))
            }
        }
        return lines
    }

    typealias S = IngestSupport

    static func text(_ lines: [Line], orderIDs: Bool) -> String {
        var out = orderIDs ? "customer_id,date,amount,order_id\n" : "customer_id,date,amount\n"
        for l in lines {
            let amount = String(format: "%.2f", Double(l.cents) / 100)
            out += orderIDs ? "\(l.id),\(l.day),\(amount),\(l.order)\n" : "\(l.id),\(l.day),\(amount)\n"
        }
        return out
    }

    /// input.md directly: each customer's lines on or before `cut` (orders: distinct order ids, a
    /// line without one being an order of its own; every line without the column).
    static func expected(_ lines: [Line], cut: Day, orderIDs: Bool) -> [String: Figures] {
        var byCustomer: [String: [Line]] = [:]
        for l in lines where l.day <= cut { byCustomer[l.id, default: []].append(l) }
        return byCustomer.mapValues { own in
            let first = own.map(\.day.ordinal).min()!, last = own.map(\.day.ordinal).max()!
            let orders = orderIDs ? Set(own.filter { !$0.order.isEmpty }.map(\.order)).count + own.filter(\.order.isEmpty).count : own.count
            let scale = Money.scale / 100
            return Figures(orders: Int32(orders), revenue: own.reduce(0) { $0 + $1.cents * scale }, first: first, last: last,
                           days: Int32(Set(own.map(\.day)).count),
                           repeatSpend: own.filter { $0.day.ordinal != first }.reduce(0) { $0 + $1.cents * scale })
        }
    }

    /// Every month end's figures by customer id, and its rows' ids. `linesPerChunk`: see
    /// `LedgerSource.linesPerChunk` (1 applies every month's lines in chunks, one per core).
    static func derived(_ text: String, linesPerChunk: Int? = nil) throws -> (periods: [SnapshotPeriod], figures: [[String: Figures]], orders: [[String]]) {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        var source = try LedgerSource(path: try dir.write("ledger.csv", text), asOf: nil, dialect: InputDialect())
        if let linesPerChunk { source.linesPerChunk = linesPerChunk }
        var customers = CustomerIndex()
        var figures: [[String: Figures]] = [], orders: [[String]] = []
        for k in source.periods.indices {
            let outcome = source.read(k, customers: &customers)
            let t = try #require(outcome.table)
            #expect(t.customer == t.customer.sorted(), "rows in index order")
            var month: [String: Figures] = [:]
            for i in 0..<t.count {
                month[customers.id(t.customer[i])] = Figures(orders: t.orders[i], revenue: t.revenue[i], first: t.firstOrder[i], last: t.lastOrder[i],
                                                             days: t.purchaseDays[i], repeatSpend: t.repeatSpend[i])
            }
            figures.append(month)
            orders.append(t.customer.map { customers.id($0) })
        }
        return (source.periods, figures, orders)
    }

    @Test("every month end's rows and figures, whatever the lines' order",
          arguments: [(true, UInt64(1), 6), (false, UInt64(2), 6), (true, UInt64(3), 6), (true, UInt64(4), 60)])
    func monthEnds(orderIDs: Bool, seed: UInt64, maxOrders: Int) throws {
        let generated = Self.ledger(customers: 300, seed: seed, maxOrders: maxOrders)
        if maxOrders > 6 {
            let lines = Dictionary(grouping: generated, by: \.id).values.map(\.count)
            #expect(lines.filter { $0 > 32 }.count > 100 && lines.max()! > 128, "customers with many lines")
        }
        let byDate = generated.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
        var random = SampleRandom(seed: seed, 2, salt: 78)
        var shuffled = generated
        for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, random.below(i + 1)) }
        let reversed = Array(byDate.reversed())
        let reference = try Self.derived(Self.text(byDate, orderIDs: orderIDs))
        #expect(reference.periods.count >= 14 && reference.figures.last!.count == 300)
        for k in reference.periods.indices {
            #expect(reference.figures[k] == Self.expected(byDate, cut: reference.periods[k].asOf, orderIDs: orderIDs), "month end \(k)")
        }
        for lines in [shuffled, reversed] {
            let other = try Self.derived(Self.text(lines, orderIDs: orderIDs))
            #expect(other.periods == reference.periods)
            #expect(other.figures == reference.figures)
        }
    }

    /// Each month's lines applied in chunks of customers at once (one per core, as for large
    /// ledgers) give the same month ends as one pass: rows, order and every figure, in date order
    /// (new buyers in every chunk) and shuffled (new buyers that come before known ones).
    @Test("month ends applied in chunks of customers equal one pass", arguments: [UInt64(5), 6, 7])
    func chunkedMonthEnds(seed: UInt64) throws {
        let generated = Self.ledger(customers: 400, seed: seed, maxOrders: seed == 7 ? 40 : 6)
        let byDate = generated.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
        var random = SampleRandom(seed: seed, 3, salt: 79)
        var shuffled = generated
        for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, random.below(i + 1)) }
        for lines in [byDate, shuffled] {
            let text = Self.text(lines, orderIDs: true)
            let onePass = try Self.derived(text, linesPerChunk: Int.max)
            let chunked = try Self.derived(text, linesPerChunk: 1)
            #expect(chunked.periods == onePass.periods)
            #expect(chunked.orders == onePass.orders)
            #expect(chunked.figures == onePass.figures)
            for k in onePass.periods.indices {
                #expect(chunked.figures[k] == Self.expected(lines, cut: onePass.periods[k].asOf, orderIDs: true), "month end \(k)")
            }
        }
    }

    /// The chunks' bounds cover the lines in order and never split a customer's lines.
    @Test("customer chunks cover the lines and keep each customer whole")
    func customerChunkBounds() {
        let bit = LedgerSource.startsOrderBit
        // Customers 0, 1, 1, 1, 1, 1, 2, 3 (some lines flagged as starting an order), at offset 3.
        let customers: [UInt32] = [9, 9, 9, 0 | bit, 1 | bit, 1, 1 | bit, 1, 1, 2 | bit, 3 | bit]
        let lines = 3..<11
        for parts in 1...10 {
            let b = LedgerSource.customerChunks(of: lines, customers: customers, parts: parts)
            #expect(b.first == 3 && b.last == 11 && b.count <= parts + 1)
            #expect(zip(b, b.dropFirst()).allSatisfy { $0 < $1 }, "ascending, no empty chunk: \(b)")
            for bound in b.dropFirst().dropLast() {
                #expect(customers[bound] & ~bit != customers[bound - 1] & ~bit, "bound \(bound) splits a customer: \(b)")
            }
        }
        #expect(LedgerSource.customerChunks(of: lines, customers: customers, parts: 2) == [3, 9, 11])
        #expect(LedgerSource.customerChunks(of: 5..<5, customers: customers, parts: 2) == [5, 5])
        // One customer's lines only: one chunk.
        #expect(LedgerSource.customerChunks(of: 4..<9, customers: customers, parts: 4) == [4, 9])
    }
}
