import Foundation

/// The folder `sample` writes into must hold no CSV file: a sample never overwrites data (a user's
/// real exports named like its months) nor mixes its files with others (an earlier sample's months
/// beside its own, a ledger beside snapshots). No marker file is kept to recognise an earlier
/// sample's folder: scripts list snapshot folders, and a stray file there would be read as input.
public enum SampleFolder {
    /// Throws a `SampleError` naming the CSV files `path` holds (it need not exist).
    public static func check(_ path: String) throws(SampleError) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let csv = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        guard let first = csv.first else { return }
        let what = csv.count == 1 ? first : "\(first) and \(csv.count - 1) more CSV file(s)"
        throw SampleError("\(path) already holds \(what): sample never overwrites files nor mixes its own with others (expected a new or empty folder)")
    }
}
