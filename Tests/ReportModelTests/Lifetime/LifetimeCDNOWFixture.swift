import Foundation
import Testing
@testable import ReportModel

/// The CDNOW 1/10 sample summary (2,357 customers, 39-week calibration period, weeks = days / 7).
enum LifetimeCDNOWFixture {
    // MARK: - Loading

    /// Rows of Fixtures/cdnow/cdnow_customers_summary_with_transactions.csv as histories:
    /// x, t_x, T in weeks and zbar (mean repeat transaction value) as m.
    static func histories() throws -> [PurchaseHistory] {
        let url = try #require(
            Bundle.module.url(forResource: "Fixtures/cdnow/cdnow_customers_summary_with_transactions.csv", withExtension: nil))
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows = text.split(whereSeparator: \.isNewline).map(String.init)
        #expect(rows.removeFirst() == "ID,x,t_x,T,zbar")
        return try rows.map { row in
            let fields = row.split(separator: ",").map { Double($0) }
            guard fields.count == 5, fields.allSatisfy({ $0 != nil }) else { throw FixtureError.badRow(row) }
            return PurchaseHistory(x: fields[1]!, tx: fields[2]!, T: fields[3]!, meanRepeatSpend: fields[4]!)
        }
    }

    /// A malformed fixture row.
    enum FixtureError: Error { case badRow(String) }
}
