import Foundation
import ReportModel

/// Writes one snapshot's folder: dashboard, the five deliverables (Markdown and HTML),
/// `metrics.json`, `segments.csv` and `escalations.csv`.
struct SnapshotPages {
    let templates: TemplateSet
    let config: ReportConfig
    /// Whether each folder keeps its views for a later build (`viewArchive`): only when the build
    /// keys its snapshots (`BuildCache.Keys`), so that a later build can tell which to reuse.
    let archivesViews: Bool

    init(templates: TemplateSet, config: ReportConfig, archivesViews: Bool = true) {
        self.templates = templates
        self.config = config
        self.archivesViews = archivesViews
    }

    /// Navigation shared by every page: links to all snapshots and deliverables, relative to `root`.
    static func navigation(periods: [SnapshotPeriod], current: String?, root: String, locale: ReportLocale) -> [String: Any] {
        [
            "root": root,
            "snapshots": periods.reversed().map { p in
                ["period": p.label, "href": root + p.label + "/index.html", "current": p.label == current] as [String: Any]
            },
        ]
    }

    func deliverableLinks(prefix: String) -> [[String: Any]] {
        TemplateSet.deliverables.map { name in
            ["name": name, "title": DeliverableText.title(name, config.locale), "html": prefix + name + ".html", "md": prefix + name + ".md"]
        }
    }

    /// The dashboard view of a snapshot for a page placed `root` away from the site root.
    func dashboardView(_ base: [String: Any], charts: [[String: Any]], periods: [SnapshotPeriod], current: String, root: String, here: String, isHome: Bool) -> [String: Any] {
        var v = base
        for (k, value) in SnapshotPages.navigation(periods: periods, current: current, root: root, locale: config.locale) { v[k] = value }
        v["here"] = here
        v["charts"] = charts
        v["is_home"] = isHome
        v["deliverables"] = deliverableLinks(prefix: here)
        v["data_files"] = [
            ["name": "metrics.json", "href": here + "metrics.json"],
            ["name": "segments.csv", "href": here + "segments.csv"],
            ["name": "escalations.csv", "href": here + "escalations.csv"],
        ]
        return v
    }

    /// The charts of a snapshot's dashboard.
    func charts(_ report: SnapshotReport, history: [SnapshotReport]) -> [[String: Any]] {
        ChartSet(report: report, history: history, locale: config.locale, format: ReportFormatter(locale: config.locale, currency: config.currency)).entries()
    }

    /// The files of a snapshot's folder other than its HTML pages, which a build may reuse from the
    /// site it replaces when the snapshot's input, config and templates are unchanged.
    static var reusableFiles: [String] {
        ["metrics.json", "segments.csv", "escalations.csv", viewArchive] + TemplateSet.deliverables.map { $0 + ".md" }
    }

    /// The archive of a snapshot's template views (`ViewArchive`), from which a later build renders
    /// its HTML pages again with a new navigation.
    static let viewArchive = ".fidelis-views.json"

    /// The archived views of snapshot `label` in the site at `target`, when its folder can be reused:
    /// the archive reads back and every reusable file is there.
    static func archivedViews(site target: String, label: String) -> [String: Any]? {
        let folder = (target as NSString).appendingPathComponent(label)
        let fm = FileManager.default
        guard reusableFiles.allSatisfy({ fm.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }),
              let data = fm.contents(atPath: (folder as NSString).appendingPathComponent(viewArchive)),
              let views = ViewArchive.views(data), views["base"] is [String: Any], views["charts"] is [[String: Any]],
              archivedFeedback(views) != nil else { return nil }
        return views
    }

    /// The feedback routing counts kept in a snapshot's archived views (without the sample
    /// verbatims, which only its own pages show): what the later snapshots' trend tables need of
    /// it, so that a reused snapshot's verbatims are not routed again.
    static func archivedFeedback(_ views: [String: Any]) -> FeedbackRouting? {
        guard let feedback = views["feedback"] as? [String: Any], let counts = feedback["counts"] as? [String: Any],
              let unrouted = feedback["unrouted"] as? Int else { return nil }
        var routing = FeedbackRouting()
        routing.unrouted = unrouted
        for (key, value) in counts {
            guard let area = SpecialistArea(rawValue: key), let n = value as? Int else { return nil }
            routing.counts[area] = n
        }
        return routing
    }

    /// Writes the folder `<period>/` of a snapshot.
    func write(_ report: SnapshotReport, view: SnapshotView, customers: CustomerIDs, periods: [SnapshotPeriod], site: SiteWriter) throws(SiteError) {
        let folder = report.period.label + "/"
        let base = view.with(customers: customers).dictionary()
        let charts = charts(report, history: view.history)
        do {
            try MetricsDocument.json(report).serialized().write(toFile: try site.path(folder + "metrics.json"), atomically: false, encoding: .utf8)
            try SegmentsCSV.write(report, customers: customers, to: try site.path(folder + "segments.csv"))
            try EscalationsCSV.write(report, to: try site.path(folder + "escalations.csv"))
        } catch let error as SiteError {
            throw error
        } catch {
            throw .cannotWrite(folder, "\(error)")
        }
        let feedback: [String: Any] = [
            "counts": Dictionary(uniqueKeysWithValues: report.feedback.counts.map { ($0.key.rawValue, $0.value) }),
            "unrouted": report.feedback.unrouted,
        ]
        if archivesViews, let archive = ViewArchive.archive(["base": base, "charts": charts, "feedback": feedback]) {
            try site.write(archive, to: folder + SnapshotPages.viewArchive)
        }
        var markdown: [String] = []
        for name in TemplateSet.deliverables {
            var v = base
            v["title"] = DeliverableText.title(name, config.locale)
            let text = templates.render(name, v)
            try site.write(text, to: folder + name + ".md")
            markdown.append(text)
        }
        try writeHTML(base: base, charts: charts, markdown: markdown, label: report.period.label, periods: periods, site: site)
    }

    /// Writes the folder `<period>/` of a snapshot from the site being replaced: its data files,
    /// Markdown and view archive as they are, its HTML pages rendered again from the archived views
    /// (only their navigation, which lists every snapshot, can differ).
    func reuse(_ label: String, views: [String: Any], periods: [SnapshotPeriod], site: SiteWriter) throws(SiteError) {
        let folder = label + "/"
        for name in SnapshotPages.reusableFiles { try site.reuse(folder + name) }
        guard let base = views["base"] as? [String: Any], let charts = views["charts"] as? [[String: Any]] else {
            throw .cannotWrite(folder, "the archived views of the previous build are incomplete")
        }
        var markdown: [String] = []
        for name in TemplateSet.deliverables {
            let path = (site.target as NSString).appendingPathComponent(folder + name + ".md")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .cannotWrite(folder, "cannot read \(path)") }
            markdown.append(text)
        }
        try writeHTML(base: base, charts: charts, markdown: markdown, label: label, periods: periods, site: site)
    }

    /// Writes a snapshot's HTML pages: its dashboard and one page per deliverable (`markdown`, in
    /// `TemplateSet.deliverables` order).
    func writeHTML(base: [String: Any], charts: [[String: Any]], markdown: [String], label: String, periods: [SnapshotPeriod], site: SiteWriter) throws(SiteError) {
        let folder = label + "/"
        for (name, text) in zip(TemplateSet.deliverables, markdown) {
            var page = base
            page["title"] = DeliverableText.title(name, config.locale)
            for (k, value) in SnapshotPages.navigation(periods: periods, current: label, root: "../", locale: config.locale) { page[k] = value }
            page["content"] = MarkdownRenderer.html(text)
            page["markdown_href"] = name + ".md"
            page["deliverables"] = deliverableLinks(prefix: "")
            page["dashboard_href"] = "index.html"
            try site.write(templates.render("page", page), to: folder + name + ".html")
        }
        try site.write(templates.render("dashboard", dashboardView(base, charts: charts, periods: periods, current: label, root: "../", here: "", isHome: false)), to: folder + "index.html")
    }
}
