import Foundation
import ReportModel

/// Writes one snapshot's folder: dashboard, the five deliverables (Markdown and HTML),
/// `metrics.json`, `segments.csv` and `escalations.csv`.
struct SnapshotPages {
    let templates: TemplateSet
    let config: ReportConfig
    /// Whether each folder keeps its views for a later build (`ArchivedSnapshot`): only when the build
    /// keys its snapshots (`BuildCache.Keys`), so that a later build can tell which to reuse.
    let archivesViews: Bool

    init(templates: TemplateSet, config: ReportConfig, archivesViews: Bool = true) {
        self.templates = templates
        self.config = config
        self.archivesViews = archivesViews
    }

    /// Navigation shared by every page: links to all snapshots and deliverables, relative to `root`.
    static func navigation(periods: [SnapshotPeriod], current: String?, root: String) -> [String: Any] {
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
        for (k, value) in SnapshotPages.navigation(periods: periods, current: current, root: root) { v[k] = value }
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

    /// The view of deliverable `name`'s Markdown template.
    func deliverableView(_ base: [String: Any], name: String) -> [String: Any] {
        var v = base
        v["title"] = DeliverableText.title(name, config.locale)
        return v
    }

    /// The view of the HTML page of deliverable `name` (its Markdown rendered as `html`) in the
    /// folder of snapshot `label`.
    func pageView(_ base: [String: Any], name: String, html: String, label: String, periods: [SnapshotPeriod]) -> [String: Any] {
        var page = deliverableView(base, name: name)
        for (k, value) in SnapshotPages.navigation(periods: periods, current: label, root: "../") { page[k] = value }
        page["content"] = html
        page["markdown_href"] = name + ".md"
        // The name the browser saves it under: every month's diagnostic is `diagnostic.md` on the
        // site, and a second download came out as `diagnostic (1).md`.
        page["markdown_download"] = "\(name)-\(label).md"
        page["deliverables"] = deliverableLinks(prefix: "")
        page["dashboard_href"] = "index.html"
        return page
    }

    /// The charts of a snapshot's dashboard.
    func charts(_ report: SnapshotReport, history: [SnapshotReport]) -> [[String: Any]] {
        ChartSet(report: report, history: history, locale: config.locale, segmentTable: config.segments, format: ReportFormatter(locale: config.locale, currency: config.currency),
                 activityWindowDays: config.activityWindowDays, cadence: SnapshotCadence.of(report, config: config)).entries()
    }

    /// The files of a snapshot's folder other than its HTML pages, which a build may reuse from the
    /// site it replaces when the snapshot's input, config and templates are unchanged.
    static var reusableFiles: [String] {
        ["metrics.json", "segments.csv", "escalations.csv", ArchivedSnapshot.fileName] + TemplateSet.deliverables.map { $0 + ".md" }
    }

    /// The first of the reusable files of snapshot `label`'s folder in the site at `target` that the
    /// site's `record` does not list, or that is missing or not the file it lists (a path relative
    /// to the site), or nil when the folder's files are those the build wrote.
    static func firstChangedReusableFile(site target: String, label: String, record: BuildCache) -> String? {
        for file in reusableFiles {
            let path = label + "/" + file
            guard let recorded = record.files[path],
                  SiteFileFingerprint.of((target as NSString).appendingPathComponent(path)) == recorded else { return path }
        }
        return nil
    }

    /// What the folder of snapshot `label` in the site at `target` kept for a later build: its
    /// archived views, or nil when they do not read back. (Its files, the archive among them, are
    /// checked against the site's record first: `firstChangedReusableFile`.)
    static func archived(site target: String, label: String) -> ArchivedSnapshot? {
        let folder = (target as NSString).appendingPathComponent(label)
        guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(ArchivedSnapshot.fileName)) else { return nil }
        return ArchivedSnapshot(data: data)
    }

    /// Writes the folder `<period>/` of a snapshot. With `checkingKeys`, returns the warnings for
    /// template tags that name nothing in this snapshot's views (`TemplateSet.tagWarnings`).
    ///
    /// With `segmentsAside`, `segments.csv` (most of the folder's time: 0.16 of 0.26 s for 1 M
    /// customers) is written on a second thread while the rest is made: for the last snapshot of a
    /// build, when the reader and fit threads are done and a core would otherwise stand idle.
    @discardableResult
    func write(_ report: SnapshotReport, view: SnapshotView, customers: CustomerIDs, periods: [SnapshotPeriod], site: SiteWriter,
               checkingKeys: Bool = false, segmentsAside: Bool = false) throws(SiteError) -> [String] {
        let folder = report.period.label + "/"
        /// A data file's write error as the build reports it.
        @Sendable func failure(_ error: any Error) -> SiteError { (error as? SiteError) ?? .cannotWrite(folder, SystemReason.of(error)) }
        let segmentsPath = try site.path(folder + "segments.csv")
        let segments: BackgroundTask<SiteError?>?
        if segmentsAside {
            let inputs = ThreadHandoff(value: (report, customers))
            segments = BackgroundTask {
                do { try SegmentsCSV.write(inputs.value.0, customers: inputs.value.1, to: segmentsPath) } catch { return failure(error) }
                return nil
            }
        } else {
            segments = nil
        }
        // Waited for on every way out, so that no write goes on after a failed build abandons its folder.
        defer { _ = segments?.wait() }
        let base = view.with(customers: customers).dictionary()
        let charts = charts(report, history: view.history)
        do {
            // As every other file (0644 less the umask; Foundation's write made it 664 under 002).
            try site.write(MetricsDocument.json(report).serialized(), to: folder + "metrics.json")
            if segments == nil { try SegmentsCSV.write(report, customers: customers, to: segmentsPath) }
            try EscalationsCSV.write(report, to: try site.path(folder + "escalations.csv"))
        } catch {
            throw failure(error)
        }
        if archivesViews, let archive = ArchivedSnapshot(base: base, charts: charts, feedback: report.feedback).data {
            try site.write(archive, to: folder + ArchivedSnapshot.fileName)
        }
        var markdown: [String] = []
        for name in TemplateSet.deliverables {
            let text = templates.render(name, deliverableView(base, name: name))
            try site.write(text, to: folder + name + ".md")
            markdown.append(text)
        }
        try writeHTML(base: base, charts: charts, markdown: markdown, label: report.period.label, periods: periods, site: site)
        let warnings = checkingKeys ? tagWarnings(base: base, charts: charts, label: report.period.label, periods: periods) : []
        if let error = segments?.wait() { throw error }
        return warnings
    }

    /// The warnings for template tags that name nothing in the views of a snapshot's pages
    /// (`TemplateSet.tagWarnings`), without writing anything (`validate --templates`).
    func tagWarnings(_ report: SnapshotReport, view: SnapshotView, customers: CustomerIDs, periods: [SnapshotPeriod]) -> [String] {
        tagWarnings(base: view.with(customers: customers).dictionary(), charts: charts(report, history: view.history), label: report.period.label, periods: periods)
    }

    /// The same, from a snapshot's base view and charts.
    private func tagWarnings(base: [String: Any], charts: [[String: Any]], label: String, periods: [SnapshotPeriod]) -> [String] {
        var warnings: [String] = []
        for name in TemplateSet.deliverables { warnings += templates.tagWarnings(name, in: deliverableView(base, name: name)) }
        warnings += templates.tagWarnings("page", in: pageView(base, name: TemplateSet.deliverables[0], html: "", label: label, periods: periods))
        warnings += templates.tagWarnings("dashboard", in: dashboardView(base, charts: charts, periods: periods, current: label, root: "../", here: "", isHome: false))
        return warnings
    }

    /// Writes the folder `<period>/` of a snapshot from the site being replaced: its data files,
    /// Markdown and archive as they are, its HTML pages rendered again from the archived views
    /// (only their navigation, which lists every snapshot, can differ).
    func reuse(_ label: String, archived: ArchivedSnapshot, periods: [SnapshotPeriod], site: SiteWriter) throws(SiteError) {
        let folder = label + "/"
        for name in SnapshotPages.reusableFiles { try site.reuse(folder + name) }
        var markdown: [String] = []
        for name in TemplateSet.deliverables {
            let path = (site.target as NSString).appendingPathComponent(folder + name + ".md")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .cannotWrite(folder, bilingual("cannot read \(path)", "impossible de lire \(path)")) }
            markdown.append(text)
        }
        try writeHTML(base: archived.base, charts: archived.charts, markdown: markdown, label: label, periods: periods, site: site)
    }

    /// Writes a snapshot's HTML pages: its dashboard and one page per deliverable (`markdown`, in
    /// `TemplateSet.deliverables` order).
    func writeHTML(base: [String: Any], charts: [[String: Any]], markdown: [String], label: String, periods: [SnapshotPeriod], site: SiteWriter) throws(SiteError) {
        let folder = label + "/"
        for (name, text) in zip(TemplateSet.deliverables, markdown) {
            let page = pageView(base, name: name, html: DeliverableLinks.toPages(MarkdownRenderer.html(text)), label: label, periods: periods)
            try site.write(templates.render("page", page), to: folder + name + ".html")
        }
        try site.write(templates.render("dashboard", dashboardView(base, charts: charts, periods: periods, current: label, root: "../", here: "", isHome: false)), to: folder + "index.html")
    }
}
