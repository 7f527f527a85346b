import Foundation

/// One simulated purchase history for every customer, shared by the snapshot files
/// and the ledger so that both agree.
///
/// Stored compactly in flat buffers: customers are numbered in sign-up order (so a
/// snapshot holds a prefix of them), and each customer's orders are a contiguous
/// run `orderStart[i] ..< orderStart[i + 1]` of (day, net cents) pairs in date order.
final class SampleHistory {
    /// Salts naming the independent random streams.
    enum Salt {
        static let signup: UInt64 = 1
        static let customer: UInt64 = 2
        static let month: UInt64 = 3
        static let row: UInt64 = 4
        static let refund: UInt64 = 5
        static let lines: UInt64 = 6
    }

    /// Most orders simulated for one customer.
    static let maximumOrdersPerCustomer = 1000
    /// Smallest and largest net order value, in cents.
    static let orderCentsRange: ClosedRange<Int64> = 100...2_000_000
    /// Share of customers signed up before the first snapshot month.
    static let shareBeforeFirstSnapshot = 0.3

    let settings: SampleSettings
    let customerCount: Int
    let orderCount: Int
    /// First day of the simulated history (days since 1970-01-01).
    let firstDay: Int
    /// Last snapshot day.
    let lastDay: Int
    /// Snapshot month indices (`year * 12 + month - 1`), ascending.
    let snapshotMonths: [Int]
    /// First and last day of each snapshot month.
    let monthStarts: [Int]
    let monthEnds: [Int]
    /// Customers signed up on or before each snapshot's month end (a prefix of the numbering).
    let presentCount: [Int]
    /// Cumulative net revenue (cents) from which a customer is flagged VIP: the top 1 % of buyers at the end.
    let vipThresholdCents: Int64
    /// Width of the zero-padded number in customer ids.
    let idWidth: Int

    /// Sign-up day per customer, ascending.
    let signupDay: UnsafeMutablePointer<Int32>
    /// `SampleBehaviour` raw value per customer, with `memberFlag` set for loyalty members.
    let profile: UnsafeMutablePointer<UInt8>
    /// Start of each customer's orders; `customerCount + 1` entries.
    let orderStart: UnsafeMutablePointer<Int32>
    /// Day of each order.
    let orderDay: UnsafeMutablePointer<Int32>
    /// Net value (after refunds) of each order, in cents.
    let orderCents: UnsafeMutablePointer<Int32>

    static let memberFlag: UInt8 = 0x80

    init(settings: SampleSettings) throws {
        try settings.validate()
        self.settings = settings
        let n = settings.customers
        customerCount = n
        idWidth = SampleHistory.idWidth(customers: n)

        let before = SampleSettings.historyMonthsBeforeFirstSnapshot
        let firstSnapshot = settings.firstSnapshotMonthIndex
        let firstHistoryMonth = firstSnapshot - before
        snapshotMonths = Array(firstSnapshot...settings.endMonthIndex)
        monthStarts = snapshotMonths.map(SampleCalendar.firstDay(monthIndex:))
        monthEnds = snapshotMonths.map(SampleCalendar.lastDay(monthIndex:))
        firstDay = SampleCalendar.firstDay(monthIndex: firstHistoryMonth)
        lastDay = monthEnds[monthEnds.count - 1]

        // Sign-ups: a growing, seasonal flow; 30 % before the first snapshot month.
        let acquisitionMonths = before + settings.months
        var weights = (0..<acquisitionMonths).map { j -> Double in
            let month = (firstHistoryMonth + j) % 12 + 1
            let season: Double
            switch month {
            case 11: season = 1.3
            case 12: season = 1.45
            case 1: season = 0.9
            case 7, 8: season = 0.85
            default: season = 1
            }
            return exp(0.015 * Double(j)) * season
        }
        let beforeTotal = weights[0..<before].reduce(0, +)
        let windowTotal = weights[before...].reduce(0, +)
        for j in 0..<acquisitionMonths {
            weights[j] *= j < before
                ? SampleHistory.shareBeforeFirstSnapshot / beforeTotal
                : (1 - SampleHistory.shareBeforeFirstSnapshot) / windowTotal
        }
        var boundaries = [0]
        var cumulative = 0.0
        for j in 0..<acquisitionMonths {
            cumulative += weights[j]
            boundaries.append(j == acquisitionMonths - 1 ? n : min(n, Int((cumulative * Double(n)).rounded())))
        }
        presentCount = (0..<settings.months).map { boundaries[before + $0 + 1] }

        signupDay = .allocate(capacity: max(1, n))
        profile = .allocate(capacity: max(1, n))
        orderStart = .allocate(capacity: n + 1)

        var signupRandom = SampleRandom(seed: settings.seed, 0, salt: Salt.signup)
        for j in 0..<acquisitionMonths {
            let start = SampleCalendar.firstDay(monthIndex: firstHistoryMonth + j)
            let length = SampleCalendar.lastDay(monthIndex: firstHistoryMonth + j) - start + 1
            var perDay = [Int](repeating: 0, count: length)
            for _ in boundaries[j]..<boundaries[j + 1] { perDay[signupRandom.below(length)] += 1 }
            var i = boundaries[j]
            for d in 0..<length {
                for _ in 0..<perDay[d] {
                    signupDay[i] = Int32(start + d)
                    i += 1
                }
            }
        }

        // Purchases.
        var days = [Int32]()
        var cents = [Int32]()
        days.reserveCapacity(n * 3)
        cents.reserveCapacity(n * 3)
        var finalCents = [Int64](repeating: 0, count: n)
        let end = lastDay
        for i in 0..<n {
            orderStart[i] = Int32(days.count)
            var random = SampleRandom(seed: settings.seed, UInt64(i), salt: Salt.customer)
            let kind = SampleBehaviour.draw(random.uniform())
            let member = random.uniform() < kind.membership
            profile[i] = kind.rawValue | (member ? SampleHistory.memberFlag : 0)
            guard kind != .prospect else { continue }

            var day = Int(signupDay[i])
            if random.uniform() >= 0.55 { day += Int(random.exponential(mean: 15).rounded(.up)) }
            guard day <= end else { continue }

            let meanSpend = kind.medianSpend * exp(0.45 * random.normal())
            var total: Int64 = 0
            func addOrder(_ day: Int, _ random: inout SampleRandom) {
                let value = meanSpend * random.gamma(shape: 4, scale: 0.25) * 100
                let c = min(max(Int64(value.rounded()), SampleHistory.orderCentsRange.lowerBound),
                            SampleHistory.orderCentsRange.upperBound)
                days.append(Int32(day))
                cents.append(Int32(c))
                total += c
            }
            addOrder(day, &random)
            if kind != .oneTime {
                let rate = random.gamma(shape: kind.rateShape, scale: 1 / (kind.meanGapDays * kind.rateShape))
                let (a, b) = kind.dropout
                let dropout = random.beta(a, b)
                var placed = 1
                while placed < SampleHistory.maximumOrdersPerCustomer {
                    day += max(1, Int(random.exponential(mean: 1 / rate).rounded()))
                    if day > end { break }
                    addOrder(day, &random)
                    placed += 1
                    if random.uniform() < dropout { break }
                }
            }
            finalCents[i] = total
        }
        guard days.count < Int(Int32.max) else { throw SampleError(bilingual("too many simulated orders; use fewer customers", "trop de commandes simulées\u{202F}; utilisez moins de clients")) }
        orderStart[n] = Int32(days.count)
        orderCount = days.count
        let dayBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, days.count))
        let centBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, days.count))
        days.withUnsafeBufferPointer { if let base = $0.baseAddress { dayBuffer.initialize(from: base, count: $0.count) } }
        cents.withUnsafeBufferPointer { if let base = $0.baseAddress { centBuffer.initialize(from: base, count: $0.count) } }
        orderDay = dayBuffer
        orderCents = centBuffer

        // VIP: the top 1 % of buyers by final revenue (ties included).
        var buyers = finalCents.filter { $0 > 0 }
        if buyers.isEmpty {
            vipThresholdCents = .max
        } else {
            buyers.sort(by: >)
            vipThresholdCents = buyers[max(1, buyers.count / 100) - 1]
        }
    }

    deinit {
        signupDay.deallocate()
        profile.deallocate()
        orderStart.deallocate()
        orderDay.deallocate()
        orderCents.deallocate()
    }

    /// Digits in the customer ids of a population (`C000123`; at least six, more when needed).
    static func idWidth(customers: Int) -> Int { max(6, String(customers).count) }

    /// The behaviour of customer `i`.
    @inline(__always)
    func behaviour(_ i: Int) -> SampleBehaviour {
        SampleBehaviour(rawValue: profile[i] & 0x7F) ?? .prospect
    }

    /// Whether customer `i` is a loyalty-programme member.
    @inline(__always)
    func isMember(_ i: Int) -> Bool { profile[i] & SampleHistory.memberFlag != 0 }

    /// The refund (cents, >= 0) granted on order `order`: the ledger writes it as a
    /// negative line of that order, and the snapshot reports it as `refund_requested`.
    /// The order's gross value is its net value plus this refund.
    @inline(__always)
    func refundCents(order: Int) -> Int64 {
        var random = SampleRandom(seed: settings.seed, UInt64(order), salt: Salt.refund)
        guard random.uniform() < 0.05 else { return 0 }
        let fraction = 0.1 + 0.4 * random.uniform()
        return max(1, Int64((Double(orderCents[order]) * fraction).rounded()))
    }

    /// ISO `YYYY-MM-DD` bytes for every day from `firstDay` through `lastDay`, 10 bytes each.
    func isoDateTable() -> [UInt8] {
        var table = [UInt8]()
        table.reserveCapacity((lastDay - firstDay + 1) * 10)
        for day in firstDay...lastDay {
            let (y, m, d) = SampleCalendar.civil(day)
            for value in [y / 1000 % 10, y / 100 % 10, y / 10 % 10, y % 10] { table.append(48 + UInt8(value)) }
            table.append(UInt8(ascii: "-"))
            table.append(48 + UInt8(m / 10)); table.append(48 + UInt8(m % 10))
            table.append(UInt8(ascii: "-"))
            table.append(48 + UInt8(d / 10)); table.append(48 + UInt8(d % 10))
        }
        return table
    }
}
