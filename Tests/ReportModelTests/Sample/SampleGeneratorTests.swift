import Foundation
import Testing
@testable import ReportModel

@Suite("Sample generator")
struct SampleGeneratorTests {
    static let small = SampleSettings(customers: 2000, months: 6, seed: 42)

    private func allFiles(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    @Test func sameSeedGivesIdenticalBytesAndOtherSeedDiffers() throws {
        let a = try SampleTestFixture(Self.small)
        let b = try SampleTestFixture(Self.small)
        var other = Self.small
        other.seed = 43
        let c = try SampleTestFixture(other)
        defer { a.remove(); b.remove(); c.remove() }
        let filesA = try allFiles(a.directory), filesB = try allFiles(b.directory), filesC = try allFiles(c.directory)
        #expect(filesA.count == 7)
        #expect(filesA == filesB)
        #expect(Set(filesA.keys) == Set(filesC.keys))
        for (name, data) in filesA { #expect(filesC[name] != data, "\(name) should change with the seed") }
    }

    @Test func fileNamesAndHeaders() throws {
        let f = try SampleTestFixture(SampleSettings(customers: 300, months: 14, seed: 1, endYear: 2026, endMonth: 2))
        defer { f.remove() }
        let names = try f.snapshotNames()
        #expect(names.count == 14)
        #expect(names.first == "2025-01.csv")
        #expect(names.last == "2026-02.csv")
        for snapshot in try f.snapshots() {
            #expect(snapshot.header == SampleSnapshotWriter.columns)
        }
        #expect(try f.ledger().header == ["customer_id", "order_id", "date", "amount", "quantity"])
    }

    @Test func consistencyRulesHold() throws {
        let f = try SampleTestFixture(Self.small)
        defer { f.remove() }
        let booleans: Set<String> = ["true", "false"]
        for snapshot in try f.snapshots() {
            let ids = snapshot.rows.map { $0["customer_id"]! }
            #expect(ids == ids.sorted(), "\(snapshot.name) ids sorted")
            #expect(Set(ids).count == ids.count, "\(snapshot.name) ids unique")
            for row in snapshot.rows {
                let id = row["customer_id"]!
                #expect(row.count == 14, "\(snapshot.name) \(id) field count")
                #expect(id.hasPrefix("C") && id.count == 7 && Int(id.dropFirst()) != nil)
                let orders = try #require(Int(row["orders"]!))
                let first = row["first_order_date"]!, last = row["last_order_date"]!
                #expect(orders >= 0)
                #expect((orders == 0) == last.isEmpty, "\(snapshot.name) \(id): orders = 0 ⇔ no last order date")
                #expect((orders == 0) == first.isEmpty, "\(snapshot.name) \(id): orders = 0 ⇔ no first order date")
                if orders > 0 {
                    #expect(first.count == 10 && last.count == 10)
                    #expect(first <= last, "\(snapshot.name) \(id): first <= last")
                    #expect(last <= snapshot.asOf, "\(snapshot.name) \(id): last <= as-of")
                }
                let revenue = try #require(SampleTestCSV.cents(row["revenue"]!))
                #expect(revenue >= 0 && (orders == 0) == (revenue == 0))
                #expect(booleans.contains(row["vip"]!) && booleans.contains(row["public_complaint"]!))
                for (column, range) in [("nps", 0...10), ("csat", 1...5), ("ces", 1...7)] {
                    if let text = row[column], !text.isEmpty {
                        let value = try #require(Int(text), "\(column) integer")
                        #expect(range.contains(value), "\(column) in \(range)")
                    }
                }
                if let refund = row["refund_requested"], !refund.isEmpty {
                    #expect(try #require(SampleTestCSV.cents(refund)) > 0)
                }
                let tier = row["tier"]!, points = row["points_balance"]!
                #expect(["", "Bronze", "Silver", "Gold"].contains(tier))
                #expect(tier.isEmpty == points.isEmpty)
                if !points.isEmpty { #expect(try #require(Int(points)) >= 0) }
            }
        }
    }

    @Test func customersPersistAndCumulativeFiguresNeverDecrease() throws {
        let f = try SampleTestFixture(Self.small)
        defer { f.remove() }
        var previous: [String: (orders: Int, revenue: Int, vip: Bool, first: String)] = [:]
        var counts: [Int] = []
        for snapshot in try f.snapshots() {
            var current: [String: (orders: Int, revenue: Int, vip: Bool, first: String)] = [:]
            for row in snapshot.rows {
                let id = row["customer_id"]!
                let now = (orders: Int(row["orders"]!)!, revenue: SampleTestCSV.cents(row["revenue"]!)!,
                           vip: row["vip"] == "true", first: row["first_order_date"]!)
                if let before = previous[id] {
                    #expect(now.orders >= before.orders, "\(snapshot.name) \(id) orders")
                    #expect(now.revenue >= before.revenue, "\(snapshot.name) \(id) revenue")
                    #expect(!before.vip || now.vip, "\(snapshot.name) \(id) VIP flag is stable")
                    if !before.first.isEmpty { #expect(now.first == before.first) }
                }
                current[id] = now
            }
            #expect(Set(previous.keys).isSubset(of: Set(current.keys)), "\(snapshot.name) keeps earlier customers")
            counts.append(current.count)
            previous = current
        }
        #expect(counts.last == Self.small.customers)
        #expect(counts.first! > 0 && counts.first! < counts.last!, "customers are acquired before and during the window")
    }

    @Test func mixOfCustomers() throws {
        let f = try SampleTestFixture(SampleSettings(customers: 5000, months: 12, seed: 7))
        defer { f.remove() }
        let snapshots = try f.snapshots()
        let last = snapshots.last!.rows
        let buyers = last.filter { Int($0["orders"]!)! > 0 }
        let prospects = last.count - buyers.count
        #expect(prospects > last.count / 20, "prospects exist")
        let oneTime = buyers.filter { $0["orders"] == "1" }.count
        #expect(Double(oneTime) / Double(buyers.count) > 0.5, "one-time buyers are the majority")
        let vips = last.filter { $0["vip"] == "true" }
        let share = Double(vips.count) / Double(buyers.count)
        #expect(share > 0.007 && share < 0.015, "about 1 % VIP (\(share))")
        let vipRevenue = vips.map { SampleTestCSV.cents($0["revenue"]!)! }.min()!
        let others = buyers.filter { $0["vip"] != "true" }.map { SampleTestCSV.cents($0["revenue"]!)! }
        #expect(others.allSatisfy { $0 < vipRevenue }, "VIPs are the top spenders")
        #expect(Set(last.map { $0["tier"]! }) == ["", "Bronze", "Silver", "Gold"])

        // Surveys: answer rates, ranges and a month-to-month varying NPS around 20–45.
        var scores: [Double] = []
        var complaintTotal = 0
        for snapshot in snapshots {
            let rows = snapshot.rows
            let nps = rows.compactMap { Int($0["nps"]!) }
            let rate = Double(nps.count) / Double(rows.count)
            #expect(rate > 0.05 && rate < 0.12, "\(snapshot.name) NPS answer rate \(rate)")
            let csat = Double(rows.compactMap { Int($0["csat"]!) }.count) / Double(rows.count)
            let ces = Double(rows.compactMap { Int($0["ces"]!) }.count) / Double(rows.count)
            #expect(csat > 0.03 && csat < 0.10 && ces > 0.02 && ces < 0.07)
            let feedback = Double(rows.filter { !$0["feedback"]!.isEmpty }.count) / Double(rows.count)
            #expect(feedback > 0.015 && feedback < 0.05, "\(snapshot.name) feedback share \(feedback)")
            let complaints = rows.filter { $0["public_complaint"] == "true" }.count
            #expect(complaints < 30, "\(snapshot.name) only a handful of public complaints")
            complaintTotal += complaints
            let promoters = nps.filter { $0 >= 9 }.count, detractors = nps.filter { $0 <= 6 }.count
            scores.append(100 * Double(promoters - detractors) / Double(nps.count))
        }
        #expect(complaintTotal >= snapshots.count, "public complaints every month or so")
        let mean = scores.reduce(0, +) / Double(scores.count)
        #expect(mean > 20 && mean < 45, "NPS around 20–45 (\(scores))")
        #expect(scores.max()! - scores.min()! > 5, "NPS varies by month")
        let refunds = snapshots.flatMap { $0.rows }.compactMap { SampleTestCSV.cents($0["refund_requested"]!) }
        #expect(refunds.contains { $0 > 100_000 }, "some refund requests above 1000")
    }

    @Test func feedbackExercisesCSVQuoting() throws {
        let f = try SampleTestFixture(Self.small)
        defer { f.remove() }
        var raw = Data()
        for name in try f.snapshotNames() { raw += try Data(contentsOf: f.directory.appendingPathComponent(name)) }
        let text = String(decoding: raw, as: UTF8.self)
        #expect(text.contains("\"\""), "escaped quotes")
        let verbatims = try f.snapshots().flatMap { $0.rows }.map { $0["feedback"]! }.filter { !$0.isEmpty }
        #expect(verbatims.contains { $0.contains("\n") }, "line breaks inside a field")
        #expect(verbatims.contains { $0.contains("\"") }, "quotes inside a field")
        #expect(verbatims.contains { $0.contains(",") }, "commas inside a field")
        #expect(verbatims.contains { $0.contains("é") || $0.contains("è") || $0.contains("à") }, "accents")
        #expect(verbatims.contains { $0.contains("The ") || $0.contains("I ") }, "English")
        #expect(verbatims.contains { $0.contains("points") })
        #expect(verbatims.contains { $0.contains("fidélité") })
        let keywords = ["points", "récompenses", "fidélité", "onboarding", "parcours client", "satisfaction",
                        "NPS", "désengagement", "réactivation", "CES", "CSAT", "VIP", "tiers", "accompagnement",
                        "gamification", "cycle de vie", "risque", "churn", "Churn", "attrition", "succès"]
        #expect(verbatims.contains { v in !keywords.contains { v.contains($0) } }, "some without keyword")
        let bank = SampleFeedbackBank.positive + SampleFeedbackBank.neutral + SampleFeedbackBank.negative
        for v in verbatims { #expect(bank.contains(v), "round-trips: \(v)") }
        for k in ["points", "récompenses", "fidélité", "onboarding", "parcours client", "satisfaction", "NPS",
                  "désengagement", "réactivation"] {
            #expect(bank.contains { $0.contains(k) }, "bank mentions \(k)")
        }
    }

    @Test func ledgerAgreesWithSnapshots() throws {
        let f = try SampleTestFixture(Self.small)
        defer { f.remove() }
        let ledger = try f.ledger().rows
        var lines: [String: [(date: String, order: String, cents: Int)]] = [:]
        var previousDate = ""
        var refundLines = 0
        for row in ledger {
            let date = row["date"]!
            #expect(date >= previousDate, "ledger in date order")
            previousDate = date
            let cents = try #require(SampleTestCSV.cents(row["amount"]!))
            let quantity = try #require(Int(row["quantity"]!))
            #expect(cents != 0 && (cents < 0) == (quantity < 0))
            if cents < 0 { refundLines += 1 }
            lines[row["customer_id"]!, default: []].append((date, row["order_id"]!, cents))
        }
        #expect(refundLines > 0, "some refund lines")
        let snapshots = try f.snapshots()
        #expect(previousDate <= snapshots.last!.asOf)
        for snapshot in snapshots {
            var buyers = 0
            for row in snapshot.rows {
                let upTo = (lines[row["customer_id"]!] ?? []).filter { $0.date <= snapshot.asOf }
                let orders = Int(row["orders"]!)!
                #expect(Set(upTo.map(\.order)).count == orders, "\(snapshot.name) \(row["customer_id"]!) orders")
                #expect(upTo.map(\.cents).reduce(0, +) == SampleTestCSV.cents(row["revenue"]!)!,
                        "\(snapshot.name) \(row["customer_id"]!) revenue")
                if orders > 0 {
                    buyers += 1
                    #expect(upTo.map(\.date).min() == row["first_order_date"])
                    #expect(upTo.map(\.date).max() == row["last_order_date"])
                }
            }
            #expect(buyers > 0)
        }
        let lastIDs = Set(snapshots.last!.rows.map { $0["customer_id"]! })
        #expect(Set(lines.keys).isSubset(of: lastIDs))
        // Order ids are not shared between customers.
        var ownerOf: [String: String] = [:]
        for (customer, list) in lines {
            for line in list {
                #expect(ownerOf[line.order, default: customer] == customer)
                ownerOf[line.order] = customer
            }
        }
    }

    @Test func semicolonDialect() throws {
        var settings = Self.small
        settings.customers = 800
        settings.semicolonDelimited = true
        let f = try SampleTestFixture(settings)
        defer { f.remove() }
        let name = try f.snapshotNames().last!
        let raw = [UInt8](try Data(contentsOf: f.directory.appendingPathComponent(name)))
        #expect(raw.starts(with: [0xEF, 0xBB, 0xBF]))
        let firstLine = String(decoding: raw.dropFirst(3).prefix { $0 != 10 }, as: UTF8.self)
        #expect(firstLine == SampleSnapshotWriter.columns.joined(separator: ";") + "\r")
        let rows = try f.snapshots().last!.rows
        let buyer = try #require(rows.first { Int($0["orders"]!)! > 0 })
        #expect(buyer["revenue"]!.contains(","), "decimal comma")
        #expect(!buyer["revenue"]!.contains("."))
        let ledger = try f.ledger().rows
        #expect(ledger.allSatisfy { $0["amount"]!.contains(",") })
        var totals: [String: Int] = [:]
        for row in ledger { totals[row["customer_id"]!, default: 0] += SampleTestCSV.cents(row["amount"]!)! }
        for row in rows { #expect(totals[row["customer_id"]!, default: 0] == SampleTestCSV.cents(row["revenue"]!)!) }
    }

    @Test func progressIsReportedPerMonth() throws {
        let settings = SampleSettings(customers: 100, months: 4, seed: 3)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("fidelis-sample-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var snapshotCalls: [[Int]] = []
        try SampleGenerator.writeSnapshots(to: directory, settings: settings) { snapshotCalls.append([$0, $1]) }
        #expect(snapshotCalls == [[1, 4], [2, 4], [3, 4], [4, 4]])
        var ledgerCalls: [[Int]] = []
        try SampleGenerator.writeLedger(to: directory.appendingPathComponent("sub/transactions.csv"), settings: settings) {
            ledgerCalls.append([$0, $1])
        }
        #expect(ledgerCalls == [[1, 4], [2, 4], [3, 4], [4, 4]])
    }

    @Test func edgeSettings() throws {
        let one = try SampleTestFixture(SampleSettings(customers: 1, months: 1, seed: 5))
        defer { one.remove() }
        #expect(try one.snapshots().map { $0.rows.count } == [1])

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fidelis-sample-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for bad in [SampleSettings(customers: 0), SampleSettings(customers: 50_000_001), SampleSettings(months: 0), SampleSettings(months: 601), SampleSettings(endMonth: 13),
                    SampleSettings(endYear: 10)] {
            #expect(throws: SampleError.self) { try SampleGenerator.writeSnapshots(to: dir, settings: bad) }
            #expect(throws: SampleError.self) {
                try SampleGenerator.writeLedger(to: dir.appendingPathComponent("t.csv"), settings: bad)
            }
        }
    }

    /// A setting out of range says which and what it must be, for the command line to name its option.
    @Test func settingsOutOfRangeNameTheSetting() {
        #expect(throws: SampleError(setting: "customers", requirement: "at least 1", got: 0)) { try SampleSettings(customers: 0).validate() }
        #expect(throws: SampleError(setting: "months", requirement: "between 1 and 600", got: 601)) { try SampleSettings(months: 601).validate() }
        #expect(SampleError(setting: "months", requirement: "between 1 and 600", got: 0).description == "months must be between 1 and 600 (got 0)")
        #expect(SampleError("end month must be 1...12 (got 13)").setting == nil)
    }

    @Test func idsAreZeroPaddedAndWidenForLargePopulations() {
        #expect(SampleHistory.idWidth(customers: 0) == 6)
        #expect(SampleHistory.idWidth(customers: 999_999) == 6)
        #expect(SampleHistory.idWidth(customers: 1_000_000) == 7)
        #expect(SampleHistory.idWidth(customers: 12_345_678) == 8)
    }
}
