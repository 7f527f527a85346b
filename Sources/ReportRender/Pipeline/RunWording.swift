import Foundation
import ReportModel

/// The lines in which a build or a check says what it does and what it found (progress, summaries,
/// escalations), in the console's language (`MessageLanguage`). English is what the tool always
/// printed, figures as C's `printf` writes them; French groups thousands and takes a comma, as the
/// report does.
public struct RunWording: Sendable {
    public let language: ReportLocale
    private let format: ReportFormatter

    /// The wording in `language`: by default the messages' (`MessageLanguage.current`).
    public init(_ language: ReportLocale = MessageLanguage.current) {
        self.language = language
        format = ReportFormatter(locale: language, currency: "")
    }

    private var fr: Bool { language == .fr }
    /// ` : ` in French (a no-break space before the colon), `: ` in English.
    public var colon: String { fr ? "\u{00A0}: " : ": " }

    /// A figure with `decimals` decimals: `0.46` in English, `0,46` in French.
    public func decimal(_ x: Double, _ decimals: Int) -> String {
        fr ? format.number(x, decimals: decimals) : String(format: "%.\(decimals)f", x)
    }

    /// A count: `4954` in English, `4 954` in French.
    public func count(_ n: Int) -> String { fr ? format.integer(n) : String(n) }

    /// A count and its noun: `3 buyers`, `1 buyer`; `3 acheteurs`, `0 acheteur`.
    public func counted(_ n: Int, _ en: String, _ french: String) -> String {
        fr ? format.counted(n, (french, french + "s"), (french, french + "s")) : BuildLog.counted(n, en)
    }

    /// `snapshot(s)`, `relevé(s)`: a count with the plural left open, as the summaries write it.
    public func snapshots(_ n: Int) -> String { count(n) + (fr ? " relevé(s)" : " snapshot(s)") }

    /// `0.3 MB` / `0,3 Mo`.
    public func megabytes(_ bytes: Int) -> String { decimal(Double(bytes) / 1e6, 1) + (fr ? " Mo" : " MB") }

    /// `0.46 s` / `0,46 s`.
    public func seconds(_ s: Double) -> String { decimal(s, 2) + " s" }

    /// A fraction as a percentage with one decimal: `81.5%` / `81,5 %`.
    public func percent(_ fraction: Double) -> String { decimal(fraction * 100, 1) + (fr ? "\u{202F}%" : "%") }

    // MARK: Build progress

    public func loadingTemplates(_ locale: ReportLocale) -> String {
        (fr ? "Chargement des modèles (" : "Loading templates (") + locale.rawValue + ")"
    }

    public var readingInput: String { fr ? "Lecture des données" : "Reading input" }

    public func computing(_ count: Int, reused: Int) -> String {
        guard reused > 0 else { return fr ? "Calcul de \(snapshots(count)) et écriture des pages" : "Computing \(snapshots(count)) and writing pages" }
        return fr ? "Calcul de \(snapshots(count)) et écriture des pages (\(self.count(reused)) inchangé(s) depuis la dernière génération\u{00A0}: pages reprises)"
                  : "Computing \(snapshots(count)) and writing pages (\(self.count(reused)) unchanged since the last build: pages reused)"
    }

    public var writingIndex: String { fr ? "Écriture de l'index du site et mise en place" : "Writing the site index and swapping it in" }

    public func keepingSite(_ output: String) -> String {
        fr ? "Données, config et modèles inchangés depuis la dernière génération\u{00A0}: le dossier \(output) est gardé tel quel"
           : "Input, config and templates unchanged since the last build: keeping \(output) as it is"
    }

    /// One snapshot's figures and timings, before what its page thread adds (`pages`).
    public func snapshotSummary(label: String, customers: Int, buyers: Int, bytes: Int, read: Double, fit: Double?, figures: Double) -> String {
        let counts = "\(label)\(colon)\(counted(customers, "customer", "client")), \(counted(buyers, "buyer", "acheteur")), \(megabytes(bytes))\(colon)"
        if fr {
            let work = fit.map { "ajustement CLV \(seconds($0))" } ?? "repris"
            return counts + "lecture \(seconds(read)) (fil de lecture) et \(work) (fil d'ajustement), chiffres \(seconds(figures))"
        }
        let work = fit.map { "CLV fit \(seconds($0))" } ?? "reused"
        return counts + "read \(seconds(read)) (on the reader thread) and \(work) (on the fit thread), figures \(seconds(figures))"
    }

    /// What the page thread adds to a snapshot's summary.
    public func pages(reused: Bool, seconds s: Double) -> String {
        if fr { return reused ? ", pages reprises, HTML \(seconds(s)) (fil des pages)" : ", pages \(seconds(s)) (fil des pages)" }
        return reused ? ", pages reused, HTML \(seconds(s)) (on the page thread)" : ", pages \(seconds(s)) (on the page thread)"
    }

    // MARK: What the build record found

    public func siteChanged(_ output: String, file: String) -> String {
        fr ? "\(output)\(colon)\(file) manque, a changé ou a été ajouté depuis la dernière génération\u{00A0}: le site est écrit à nouveau"
           : "\(output): \(file) is missing, changed or added since the last build: writing the site again"
    }

    public func monthFileChanged(_ output: String, file: String, label: String) -> String {
        fr ? "\(output)\(colon)\(file) manque ou a changé depuis la dernière génération\u{00A0}: \(label) est calculé à nouveau"
           : "\(output): \(file) is missing or changed since the last build: \(label) is computed again"
    }

    /// A snapshot whose file (or an earlier one) changed since the last build, with the `later`
    /// snapshots computed again after it.
    public func inputChanged(_ label: String, later: Int) -> String {
        if fr {
            let what = later == 0 ? "il est calculé à nouveau, et ses pages peuvent"
                : later == 1 ? "lui et le relevé suivant sont calculés à nouveau, et leurs pages peuvent"
                : "lui et les \(count(later)) relevés suivants sont calculés à nouveau, et leurs pages peuvent"
            return "\(label)\(colon)son fichier, ou l'un de ceux juste avant, a changé, a été ajouté ou retiré depuis la dernière génération\u{00A0}: \(what) montrer d'autres chiffres que ceux publiés"
        }
        let what = later == 0 ? "it is computed again, and its pages may" : "it and the \(counted(later, "snapshot", "relevé")) after it are computed again, and their pages may"
        return "\(label): its file, or one just before it, was changed, added or removed since the last build: \(what) show other figures than those published"
    }

    // MARK: Summaries

    /// The rows read, with those left out (a ledger's lines dated after `--as-of`):
    /// `2465 rows (772 dated after --as-of, left out)`.
    public func rows(_ read: Int, leftOut: Int) -> String {
        if fr { return count(read) + " lignes" + (leftOut > 0 ? " (\(count(leftOut)) datées après --as-of, laissées de côté)" : "") }
        return count(read) + " rows" + (leftOut > 0 ? " (\(count(leftOut)) dated after --as-of, left out)" : "")
    }

    /// `build`'s last line when it kept the site.
    public func keptSite(_ index: String, snapshots n: Int, hashedIn s: Double) -> String {
        fr ? "Inchangé\u{00A0}: \(index) gardé (\(snapshots(n)), données hachées en \(seconds(s)))"
           : "Unchanged: \(index) kept (\(snapshots(n)), input hashed in \(seconds(s)))"
    }

    /// `build`'s last line when it wrote the site.
    public func wroteSite(_ index: String, snapshots n: Int, reused: Int, rows: String, bytes: Int, seconds s: Double) -> String {
        if fr {
            let kept = reused > 0 ? " (pages de \(snapshots(reused)) inchangé(s) reprises)" : ""
            return "Écrit \(index)\(colon)\(snapshots(n))\(kept), \(rows), \(megabytes(bytes)) en \(seconds(s))"
        }
        let kept = reused > 0 ? " (pages of \(count(reused)) unchanged snapshot(s) reused)" : ""
        return "Wrote \(index): \(snapshots(n))\(kept), \(rows), \(megabytes(bytes)) in \(seconds(s))"
    }

    /// An escalation raised in the latest snapshot: `escalation churn_crisis: churn rate 18.5% above 10%`.
    public func escalation(_ e: RaisedEscalation) -> String {
        (fr ? "escalade " : "escalation ") + e.kind.rawValue + colon + e.detail(in: language)
    }

    /// Why `build --fail-on` exits 3.
    public func escalationsFailing(_ ids: [String], in period: String?) -> String {
        fr ? "escalade(s) levée(s) dans \(period ?? "le dernier relevé")\(colon)" + ids.joined(separator: ", ")
           : "escalation(s) raised in \(period ?? "the latest snapshot"): " + ids.joined(separator: ", ")
    }

    // MARK: validate

    /// What `validate` checked: `Checked snapshot folder data; config fidelis.yml`.
    /// With neither `ledger` nor `snapshots`, the shipped example snapshots (in `examples`).
    public func checked(ledger: String?, asOf: String?, snapshots: String?, examples: String, config: String?, templates: (folder: String, locale: ReportLocale)?) -> String {
        let data: String
        if let ledger {
            data = fr ? "journal de transactions \(ledger)" + (asOf.map { " jusqu'au \($0)" } ?? "") : "ledger \(ledger)" + (asOf.map { " up to \($0)" } ?? "")
        } else if let snapshots {
            data = (fr ? "dossier de relevés " : "snapshot folder ") + snapshots
        } else {
            data = fr ? "les relevés d'exemple livrés (\(examples)\u{202F}; donnez --snapshots ou --transactions pour les vôtres)"
                      : "the shipped example snapshots (\(examples); give --snapshots or --transactions for your own)"
        }
        let templatesText = templates.map { (fr ? "\u{202F}; modèles " : "; templates ") + "\($0.folder) (\($0.locale.rawValue))" } ?? ""
        if fr { return "Vérifié\u{00A0}: " + data + "\u{202F}; config " + (config ?? "par défaut (pas de fidelis.yml ici)") + templatesText }
        return "Checked " + data + "; config " + (config ?? "defaults (no fidelis.yml here)") + templatesText
    }

    /// `validate`'s verdict and totals: `OK: 12 snapshot(s), 4954 rows, 0.3 MB in 0.05 s (6 MB/s on 2 cores)`.
    public func validated(warnings: Int, failing: Bool, parseOnly: Bool, snapshots n: Int, rows: String, bytes: Int, seconds s: Double, cores: Int) -> String {
        let rate = decimal(Double(bytes) / 1e6 / max(s, 1e-9), 0), cores = counted(cores, "core", "cœur")
        if fr {
            let verdict = failing ? "Lu, avec \(count(warnings)) avertissement(s)" : warnings == 0 ? "OK" : "OK, avec \(count(warnings)) avertissement(s)"
            return "\(verdict)\(colon)\(parseOnly ? "analysé" : "\(snapshots(n)),") \(rows), \(megabytes(bytes)) en \(seconds(s)) (\(rate) Mo/s sur \(cores))"
        }
        let verdict = failing ? "Read, with \(count(warnings)) warning(s)" : warnings == 0 ? "OK" : "OK, with \(count(warnings)) warning(s)"
        return "\(verdict)\(colon)\(parseOnly ? "parsed" : "\(snapshots(n)),") \(rows), \(megabytes(bytes)) in \(seconds(s)) (\(rate) MB/s on \(cores))"
    }

    /// One snapshot's line in `validate`'s summary. `revenue` and `perBuyer` are amounts in
    /// `currency`; `retention` a fraction.
    public func validatedSnapshot(label: String, asOf: String, customers: Int, buyers: Int, active: Int, revenue: Double, perBuyer: Double?,
                                  currency: String, retention: Double?, escalations: [String]) -> String {
        let amount = { (x: Double) in self.decimal(x, 2) + " " + currency }
        let customers = counted(customers, "customer", "client"), buyers = counted(buyers, "buyer", "acheteur")
        let retentionText = retention.map(percent) ?? format.missing
        let ids = escalations.joined(separator: ", ")
        if fr {
            return "  \(label) (au \(asOf))\(colon)\(customers), \(buyers), \(count(active)) actif(s), CA \(amount(revenue))"
                + (perBuyer.map { " (\(amount($0)) par acheteur)" } ?? "") + ", rétention \(retentionText)"
                + (escalations.isEmpty ? "" : ", escalades\(colon)" + ids)
        }
        return "  \(label) (as of \(asOf))\(colon)\(customers), \(buyers), \(count(active)) active, revenue \(amount(revenue))"
            + (perBuyer.map { " (\(decimal($0, 2)) a buyer)" } ?? "") + ", retention \(retentionText)"
            + (escalations.isEmpty ? "" : ", escalations\(colon)" + ids)
    }

    /// Why `validate --strict` exits 65.
    public func failingUnderStrict(_ warnings: Int) -> String {
        fr ? "\(count(warnings)) avertissement(s) ci-dessus, et --strict\u{00A0}: échec" : "\(count(warnings)) warning(s) above, and --strict: failing"
    }
}
