import Foundation
import ReportModel

/// Writes one snapshot's folder: dashboard, the five deliverables (Markdown and HTML),
/// `metrics.json`, `segments.csv` and `escalations.csv`.
struct SnapshotPages {
    let templates: TemplateSet
    let config: ReportConfig

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
    func dashboardView(_ base: [String: Any], periods: [SnapshotPeriod], report: SnapshotReport, history: [SnapshotReport], root: String, here: String, isHome: Bool) -> [String: Any] {
        var v = base
        for (k, value) in SnapshotPages.navigation(periods: periods, current: report.period.label, root: root, locale: config.locale) { v[k] = value }
        v["here"] = here
        v["charts"] = ChartSet(report: report, history: history, locale: config.locale, format: ReportFormatter(locale: config.locale, currency: config.currency)).entries()
        v["is_home"] = isHome
        v["deliverables"] = deliverableLinks(prefix: here)
        v["data_files"] = [
            ["name": "metrics.json", "href": here + "metrics.json"],
            ["name": "segments.csv", "href": here + "segments.csv"],
            ["name": "escalations.csv", "href": here + "escalations.csv"],
        ]
        return v
    }

    /// Writes the folder `<period>/` of a snapshot.
    func write(_ report: SnapshotReport, view: SnapshotView, customers: CustomerIDs, periods: [SnapshotPeriod], site: SiteWriter) throws(SiteError) {
        let folder = report.period.label + "/"
        let base = view.with(customers: customers).dictionary()
        do {
            try MetricsDocument.json(report).serialized().write(toFile: try site.path(folder + "metrics.json"), atomically: false, encoding: .utf8)
            try SegmentsCSV.write(report, customers: customers, to: try site.path(folder + "segments.csv"))
            try EscalationsCSV.write(report, to: try site.path(folder + "escalations.csv"))
        } catch let error as SiteError {
            throw error
        } catch {
            throw .cannotWrite(folder, "\(error)")
        }
        for name in TemplateSet.deliverables {
            var v = base
            v["title"] = DeliverableText.title(name, config.locale)
            let markdown = templates.render(name, v)
            try site.write(markdown, to: folder + name + ".md")
            var page = v
            for (k, value) in SnapshotPages.navigation(periods: periods, current: report.period.label, root: "../", locale: config.locale) { page[k] = value }
            page["content"] = MarkdownRenderer.html(markdown)
            page["markdown_href"] = name + ".md"
            page["deliverables"] = deliverableLinks(prefix: "")
            page["dashboard_href"] = "index.html"
            try site.write(templates.render("page", page), to: folder + name + ".html")
        }
        try site.write(templates.render("dashboard", dashboardView(base, periods: periods, report: report, history: view.history, root: "../", here: "", isHome: false)), to: folder + "index.html")
    }
}
