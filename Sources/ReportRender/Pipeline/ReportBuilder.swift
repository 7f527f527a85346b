import Foundation
import ReportModel

/// The build pipeline: read → compute → render → write, one snapshot at a time, then swap the site in.
public enum ReportBuilder {
    /// What a finished build reports back.
    public struct Result: Sendable {
        /// Every snapshot's figures (without per-buyer rows), oldest first.
        public var reports: [SnapshotReport]
        public var bytesRead: Int
        public var rowsRead: Int
        /// Of `rowsRead`, the rows left out: a ledger's lines dated after the as-of date.
        public var rowsLeftOut = 0
        public var seconds: Double
        public var latest: SnapshotReport? { reports.last }
        /// Snapshots in the site (equals `reports.count` unless the site was reused).
        public var snapshotCount: Int
        /// The latest snapshot's period and raised escalations (also known for a reused site).
        public var latestPeriod: String?
        public var raised: [RaisedEscalation]
        public var raisedEscalations: [EscalationKind] { raised.map(\.kind) }
        /// True when the input was unchanged and the existing site was kept as it was.
        public var reusedSite = false
        /// The leading snapshots whose folders were taken from the site being replaced (their input,
        /// config and templates unchanged), HTML pages aside; their `reports` lack predictive values.
        public var reusedSnapshots = 0
        /// Warnings about the input (unknown columns, a ledger's long run of empty months), each once.
        public var warnings: [String] = []
        /// Warnings about the machine said before the work (`BuildLog.warnUpFront`): not printed
        /// again, not kept in the build record, but counted by --strict.
        public var upFrontWarnings: [String] = []

        init(reports: [SnapshotReport], bytesRead: Int, rowsRead: Int, rowsLeftOut: Int = 0, seconds: Double,
             warnings: [String] = [], upFrontWarning: String? = nil) {
            self.reports = reports
            self.bytesRead = bytesRead
            self.rowsRead = rowsRead
            self.rowsLeftOut = rowsLeftOut
            self.seconds = seconds
            self.warnings = warnings
            upFrontWarnings = upFrontWarning.map { [$0] } ?? []
            snapshotCount = reports.count
            latestPeriod = reports.last?.period.label
            raised = reports.last.map { RaisedEscalation.all(in: $0) } ?? []
        }
    }

    /// Builds the site. Nothing is written to `options.output` unless every step succeeds.
    public static func build(_ options: BuildOptions, log: BuildLog = .silent) throws(BuildFailure) -> Result {
        let start = DispatchTime.now()
        let steps = 4
        log.step(1, steps, log.wording.loadingTemplates(options.config.locale))
        // The templates (Mustache parsing, about 17 ms) load on a thread of their own while the input
        // is opened and its first snapshot starts reading; their errors still come first.
        let locale = options.config.locale, override = options.templates
        let templateLoad = BackgroundTask<Swift.Result<TemplateSet, BuildFailure>> {
            do throws(BuildFailure) { return .success(try loadTemplates(locale: locale, override: override)) } catch { return .failure(error) }
        }
        var loadedTemplates: TemplateSet?
        func awaitTemplates() throws(BuildFailure) -> TemplateSet {
            if let loadedTemplates { return loadedTemplates }
            let set = try templateLoad.wait().get()
            loadedTemplates = set
            return set
        }

        log.step(2, steps, log.wording.readingInput)
        // With a cache record at the target, the input is hashed before it is read, so that an
        // unchanged rebuild reads nothing (not even a ledger, whose parse comes first: 1.2 s for 5 M
        // lines). Without one there is nothing to reuse: the keys are only written with the new site,
        // so the input is hashed on a thread of its own while the snapshots are read and computed.
        // (Hashed here before the first snapshot's figures, on both cores, the 518 MB of the 1 M × 12
        // sample held the build up: a quarter of a second with the cores half idle, once the first
        // snapshot was read and fitted, perf.)
        let target = URL(fileURLWithPath: options.output).standardizedFileURL.path
        // The target is checked, and locked against another build, before the cache is read: a
        // symbolic link was kept as unchanged and refused only once the input changed.
        let lock: SiteLock
        do {
            try SiteWriter.checkTarget(target)
            try refuseInputInside(target, options: options)
            lock = try SiteLock(target: target)
        } catch {
            _ = try awaitTemplates()
            throw .site(error)
        }
        var succeeded = false
        defer { lock.end(succeeded: succeeded) }
        // A site a killed build left aside (see `SiteWriter.sweepStaleStaging`) is put back before
        // its record is read, so that it is kept or its months reused.
        SiteWriter.sweepStaleStaging(parent: PathParent.of(target), name: (target as NSString).lastPathComponent)
        // A ledger from a pipe is read once: hashing it for the cache would read it again (nothing
        // left, or a named pipe waiting for a writer that never comes). Built whole, without a record.
        let cacheable = ReportBuilder.inputIsRereadable(options.input)
        let previous = cacheable ? BuildCache.read(site: target) : nil
        var keys: BuildCache.Keys?
        if let previous {
            keys = BuildCache.keys(options: options, templates: try awaitTemplates())
            let changed = keys.flatMap { previous.key == $0.site ? SiteFileFingerprint.firstChanged(in: target, files: previous.files, except: [BuildCache.fileName]) : nil }
            if let changed { log.note(log.wording.siteChanged(options.output, file: changed)) }
            if let keys, previous.key == keys.site, changed == nil {
                let result = try keptSite(previous, templates: try awaitTemplates(), options: options, log: log, step: (3, steps), start: start)
                succeeded = true
                return result
            }
        }
        // The reader owns the source from here on (see SnapshotPrefetcher.init).
        let source: any SnapshotSource
        let memoryWarning: String?
        do { (source, memoryWarning) = try openSource(options.input, config: options.config, digests: cacheable && options.configFingerprint != nil, log: log, strict: options.strict,
                                                          memory: options.memory ?? .current()) } catch {
            _ = try awaitTemplates()
            throw error
        }
        let reader = SnapshotPrefetcher(source: consume source, customers: CustomerIndex(capacity: 1 << 16),
                                        router: FeedbackRouter(table: options.config.routing), predictor: LifetimePredictor(settings: options.config.lifetime))
        if previous == nil { reader.start() }
        let templates = try awaitTemplates()
        let periods = reader.periods
        // The templates' warnings come first: printed under --quiet too, and again by an unchanged
        // rebuild, which works them out afresh (the cache record keeps the others).
        var warnings = templates.templateWarnings + reader.warnings
        for warning in warnings { log.note(MessageLanguage.warningPrefix + warning) }
        // A ledger's month ends are keyed by the digests of their lines, known once it is read.
        let periodDigests = reader.periodDigests
        func withPeriodDigests(_ keys: BuildCache.Keys?) -> BuildCache.Keys? {
            guard let digests = periodDigests, let known = keys else { return keys }
            return BuildCache.withLedgerKeys(known, options: options, templates: templates, periods: periods, digests: digests)
        }
        let pendingKeys: BackgroundTask<BuildCache.Keys?>?
        if !cacheable {
            pendingKeys = nil
        } else if previous == nil {
            pendingKeys = BackgroundTask { BuildCache.keys(options: options, templates: templates, concurrently: false) }
        } else {
            pendingKeys = nil
            keys = withPeriodDigests(keys)
        }
        // Views are archived for the next build's reuse when there are snapshot keys to reuse them by.
        let archivesViews = pendingKeys == nil ? !(keys?.snapshots.isEmpty ?? true)
            : BuildCache.keysEverySnapshot(options: options, periods: periods.count, periodDigests: periodDigests)

        let site: SiteWriter
        do { site = try SiteWriter(target: options.output) } catch { throw .site(error) }

        // The leading snapshots whose input, config and templates are those of the site being replaced
        // keep their folders: their figures are still computed (the later snapshots' depend on them),
        // but not their predictive-value fits, feedback routing, data files or Markdown; only their
        // HTML pages are rendered again from the archived views, for the navigation that lists the
        // new snapshots.
        var reused = reusableSnapshots(keys: keys, previous: previous, periods: periods, site: target, output: options.output, log: log)
        let reusedCount = reused.count
        if reusedCount > 0 {
            // Only with a previous site, so the reader has not started yet.
            reader.reusedFeedback = reused.compactMap { $0?.feedback }
        }
        log.step(3, steps, log.wording.computing(periods.count, reused: reusedCount))
        var reports: [SnapshotReport] = []
        let pages = SnapshotPages(templates: templates, config: options.config, archivesViews: archivesViews)
        let pageWriter = BackgroundPageWriter()
        let spareBuyers = SpareBuyerTable()
        let config = options.config
        @Sendable func s(_ a: DispatchTime, _ b: DispatchTime) -> Double { Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e9 }
        // Three threads: the reader reads snapshot k + 1 (and fits its predictive-value models) while
        // snapshot k's other figures are computed here and snapshot k − 1's pages are written on the
        // page thread.
        reader.start()
        var computation = SnapshotComputation(reader: consume reader, config: options.config, readsLedger: options.input.isLedger)
        snapshots: for (index, period) in periods.enumerated() {
            var computed: SnapshotComputation.Computed
            switch computation.next(reusingBuyers: spareBuyers.take()) {
            case .done: break snapshots
            case .failed: continue snapshots
            case .computed(let next): computed = next
            }
            var report = computed.report
            // (The page thread is to hold the only reference to the buyers: see below.)
            computed.report.buyers = BuyerTable()
            for warning in computed.warnings { log.note(MessageLanguage.warningPrefix + warning); warnings.append(warning) }
            // The pages of this snapshot are written on the page thread while the next one is computed.
            let history = reports, ids = computed.customers, fit = computation.lastLifetimeSeconds
            let summary = log.wording.snapshotSummary(label: period.label, customers: report.counts.customers, buyers: report.counts.buyers,
                                                      bytes: computed.outcome.byteCount, read: computed.readSeconds,
                                                      fit: index < reusedCount ? nil : fit, figures: computed.figuresSeconds)
            // The page thread gets the only reference to the buyers, and hands them back once the
            // pages are written: a later snapshot's buyers are written into their storage.
            let pending = PendingReport(report), handoff = ThreadHandoff(value: site)
            report.buyers = BuyerTable()
            let archived = index < reusedCount ? ThreadHandoff(value: reused[index].take()) : nil
            do {
                try pageWriter.submit { () throws(SiteError) in
                    let t3 = DispatchTime.now()
                    if let archived = archived?.value {
                        try pages.reuse(period.label, archived: archived, periods: periods, site: handoff.value)
                        log.note(summary + log.wording.pages(reused: true, seconds: s(t3, DispatchTime.now())))
                    } else {
                        do {
                            let view = SnapshotView(report: pending.report, history: history, config: config)
                            // The first and the latest snapshot's views are checked against the templates'
                            // tags, as `validate` does: a section such as `first_snapshot` renders in the
                            // first only. (Every snapshot's, on the page thread: the 63-month ledger build
                            // 5.3 → 6.3 s, four alternating pairs; a late page thread hands the buyers back
                            // late, and the next snapshot's are made in fresh memory.) The last snapshot's
                            // pages come when the reader is done: its segments.csv goes on a thread of its own.
                            pageWriter.note(try pages.write(pending.report, view: view, customers: ids, periods: periods, site: handoff.value,
                                                            checkingKeys: index == 0 || index == periods.count - 1, segmentsAside: index == periods.count - 1))
                        }
                        log.note(summary + log.wording.pages(reused: false, seconds: s(t3, DispatchTime.now())))
                    }
                    spareBuyers.put(pending.takeBuyers())
                }
            } catch { site.abandon(); throw .site(error) }
            reports.append(report)
        }
        // What the reader and the figures keep for a next snapshot (a spare table and prediction,
        // the ids, the previous segments: some 150 MB at 1 M customers) is let go here, while the
        // page thread writes the last pages, not at the end of the build: freed there, it was 15 ms
        // of the last 25 ms of a 1 M × 12 build (perf), and the time from the site's swap to the
        // process's exit went from 10–14 ms to 2–3 ms (strace, three runs each; the build's wall time
        // is the same within the noise of 24 alternating pairs).
        let (errors, bytes, rows, leftOut) = (computation.errors, computation.bytes, computation.rows, computation.rowsLeftOut)
        _ = consume computation
        do { try pageWriter.finish() } catch { site.abandon(); throw .site(error) }
        // A tag the views cannot fill is said once, not once per snapshot.
        var said: Set<String> = []
        for warning in pageWriter.notes where said.insert(warning).inserted { log.note(MessageLanguage.warningPrefix + warning); warnings.append(warning) }
        guard errors.isEmpty else { site.abandon(); throw .badInput(errors) }
        // About this run's --fail-on, not the input: said, and counted under --strict, but not kept
        // with the input's warnings in the build record (a next run may ask for other escalations).
        let unchecked = reports.last.map { UncheckedEscalation.all(in: $0) } ?? []
        let failOnWarnings = options.failOn?.warnings(unchecked: unchecked, dialect: options.config.dialect) ?? []
        for warning in failOnWarnings { log.note(MessageLanguage.warningPrefix + warning) }
        if options.strict && options.config.warnings.count + warnings.count + failOnWarnings.count > 0 {
            site.abandon()
            throw .warningsUnderStrict(count: options.config.warnings.count + warnings.count + failOnWarnings.count, warnings: warnings + failOnWarnings)
        }

        log.step(4, steps, log.wording.writingIndex)
        do {
            if let latest = reports.last {
                let view = SnapshotView(report: latest, history: Array(reports.dropLast()), config: options.config)
                let home = pages.dashboardView(view.dictionary(), charts: pages.charts(latest, history: view.history), periods: periods, current: latest.period.label,
                                               root: "", here: latest.period.label + "/", isHome: true)
                try site.write(templates.render("dashboard", home), to: "index.html")
            }
            try site.write(templates.stylesheet, to: "assets/style.css")
            if let pendingKeys { keys = withPeriodDigests(pendingKeys.wait()) }
            if let keys, let latest = reports.last {
                var record = BuildCache(key: keys.site, snapshotKeys: keys.snapshots, snapshots: reports.count, rows: rows, bytes: bytes, latestPeriod: latest.period.label,
                                        raised: RaisedEscalation.all(in: latest), unchecked: unchecked,
                                        warnings: Array(warnings.dropFirst(templates.templateWarnings.count)))
                record.files = SiteFileFingerprint.all(in: site.staging, except: [BuildCache.fileName])
                try site.write(record.text, to: BuildCache.fileName)
            }
            try site.commit()
            succeeded = true
        } catch {
            site.abandon()
            throw .site(error)
        }
        var result = Result(reports: reports, bytesRead: bytes, rowsRead: rows, rowsLeftOut: leftOut, seconds: seconds(since: start),
                            warnings: warnings + failOnWarnings, upFrontWarning: memoryWarning)
        result.reusedSnapshots = reusedCount
        return result
    }

    /// The seconds from `start` to now.
    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Reads and checks every row of the input, computing nothing (the parse alone, for throughput).
    /// `log` hears of a ledger too large for the memory this process may use, before it is read. The
    /// warnings about files and rows are `validate`'s (a gap, an unknown or dropped column, a file cut
    /// short); those that need the figures (`SnapshotCounts.exportWarnings`, about activity) are not made.
    public static func parse(_ input: ReportInput, config: ReportConfig, log: BuildLog = .silent) throws(BuildFailure) -> Result {
        try parse(input, config: config, log: log, memory: .current())
    }

    /// `parse`, measuring a ledger against `memory` (tests set it).
    static func parse(_ input: ReportInput, config: ReportConfig, log: BuildLog, memory: MemoryLimit) throws(BuildFailure) -> Result {
        let start = DispatchTime.now()
        var (source, memoryWarning) = try openSource(input, config: config, log: log, memory: memory)
        var customers = CustomerIndex(capacity: 1 << 16)
        var errors = InputErrors()
        var bytes = 0, rows = 0, leftOut = 0
        var spare: SnapshotTable?
        var warnings = source.warnings
        var inputWarnings = SnapshotInputWarnings()
        for i in 0..<source.periods.count {
            var outcome = source.read(i, customers: &customers, reusing: spare.take())
            bytes += outcome.byteCount
            rows += outcome.rowCount
            leftOut += outcome.rowsLeftOut
            errors.append(contentsOf: outcome.errors)
            spare = outcome.table.take()
            if errors.isEmpty, let table = spare { warnings += inputWarnings.warnings(for: outcome, table: table) }
        }
        guard errors.isEmpty else { throw .badInput(errors) }
        return Result(reports: [], bytesRead: bytes, rowsRead: rows, rowsLeftOut: leftOut, seconds: seconds(since: start),
                      warnings: warnings, upFrontWarning: memoryWarning)
    }

    /// Why the built-in templates cannot be used, when they are not there: a folder FIDELIS_TEMPLATES
    /// names and that is not there is input missing; templates not found where the tool looks for
    /// its own, an incomplete install. For `build`, `validate` and `init` alike.
    public static var missingBuiltInTemplates: BuildFailure? {
        guard !FileManager.default.fileExists(atPath: TemplateSet.builtInDirectory) else { return nil }
        return TemplateSet.namedByEnvironment != nil ? .inputMissing(TemplateSet.missingBuiltIn) : .incompleteInstall(TemplateSet.missingBuiltIn)
    }

    /// The templates of `locale`, with those of the folder `override` in place of the built-in ones.
    public static func loadTemplates(locale: ReportLocale, override: String?) throws(BuildFailure) -> TemplateSet {
        if let failure = missingBuiltInTemplates { throw failure }
        if let folder = override {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw .inputMissing(bilingual("\(folder): templates folder not found (expected a folder such as the templates/ that `fidelis-report init` writes)", "\(folder): dossier de modèles introuvable (attendu\u{00A0}: un dossier tel que le templates/ qu'écrit `fidelis-report init`)"))
            }
        }
        do { return try TemplateSet(locale: locale, override: override) } catch { throw .badTemplate(error) }
    }

    /// The result of a build that keeps the site at the target as it is: its input, config and
    /// templates are those `previous` records. The templates' warnings as they are now (they follow
    /// files the key does not cover: a stray file, the copies' record, a NAME.new), then the input's
    /// as recorded; under `--strict` any of them stops the build.
    private static func keptSite(_ previous: BuildCache, templates: TemplateSet, options: BuildOptions, log: BuildLog,
                                 step: (index: Int, of: Int), start: DispatchTime) throws(BuildFailure) -> Result {
        let warnings = templates.templateWarnings + previous.warnings + (options.failOn?.warnings(unchecked: previous.unchecked, dialect: options.config.dialect) ?? [])
        for warning in warnings { log.note(MessageLanguage.warningPrefix + warning) }
        let strictCount = options.config.warnings.count + warnings.count
        if options.strict && strictCount > 0 { throw .warningsUnderStrict(count: strictCount, warnings: warnings) }
        log.step(step.index, step.of, log.wording.keepingSite(options.output))
        var result = Result(reports: [], bytesRead: previous.bytes, rowsRead: previous.rows, seconds: 0)
        result.snapshotCount = previous.snapshots
        result.latestPeriod = previous.latestPeriod
        result.raised = previous.raised
        result.reusedSite = true
        result.warnings = warnings
        result.seconds = seconds(since: start)
        return result
    }

    /// The leading snapshots whose input, config and templates are those `previous` recorded, and
    /// whose folders in the site are whole, with their archived views: their pages are reused. Never
    /// the last snapshot (the home page is made from its figures). A snapshot before the last one
    /// built that differs from its record, while those before it do not, is named: its file is new
    /// or changed (a corrected re-export), and published months after it will show other figures.
    /// (The first snapshot's key also holds the tool, config and templates.)
    private static func reusableSnapshots(keys: BuildCache.Keys?, previous: BuildCache?, periods: [SnapshotPeriod], site: String, output: String,
                                          log: BuildLog) -> [ArchivedSnapshot?] {
        guard let keys, let previous, keys.snapshots.count == periods.count else { return [] }
        var reused: [ArchivedSnapshot?] = []
        let limit = min(periods.count - 1, previous.snapshotKeys.count)
        while reused.count < limit, keys.snapshots[reused.count] == previous.snapshotKeys[reused.count] {
            let label = periods[reused.count].label
            if let changed = SnapshotPages.firstChangedReusableFile(site: site, label: label, record: previous) {
                log.note(log.wording.monthFileChanged(output, file: changed, label: label))
                return reused
            }
            guard let archived = SnapshotPages.archived(site: site, label: label) else { return reused }
            reused.append(archived)
        }
        let next = reused.count
        if next > 0, next < min(keys.snapshots.count, previous.snapshotKeys.count), keys.snapshots[next] != previous.snapshotKeys[next] {
            log.note(log.wording.inputChanged(periods[next].label, later: periods.count - next - 1))
        }
        return reused
    }

    /// The templates `validate --templates folder` checks: those of `locale`, then those of the other
    /// language when the folder has some (an error in them would only show at the next build in that
    /// language); and their warnings, each once.
    public static func templatesToCheck(in folder: String, locale: ReportLocale) throws(BuildFailure) -> (sets: [TemplateSet], warnings: [String]) {
        var sets: [TemplateSet] = []
        for other in [locale] + ReportLocale.allCases.filter({ $0 != locale && TemplateSet.hasTemplates(in: folder, for: $0) }) {
            sets.append(try loadTemplates(locale: other, override: folder))
        }
        var warnings: [String] = []
        for warning in sets.flatMap(\.templateWarnings) where !warnings.contains(warning) { warnings.append(warning) }
        return (sets, warnings)
    }

    /// Reads and checks the input without writing anything; returns the figures. With `templates`,
    /// also checks their tags against the first and the latest snapshot's views, as a build does (a
    /// section such as `first_snapshot` renders in the first only).
    /// `log` hears of a ledger too large for the memory this process may use, before it is read.
    public static func validate(_ input: ReportInput, config: ReportConfig, templates: [TemplateSet] = [], log: BuildLog = .silent) throws(BuildFailure) -> Result {
        try validate(input, config: config, templates: templates, log: log, memory: .current())
    }

    /// `validate`, measuring a ledger against `memory` (tests set it).
    static func validate(_ input: ReportInput, config: ReportConfig, templates: [TemplateSet], log: BuildLog, memory: MemoryLimit) throws(BuildFailure) -> Result {
        let start = DispatchTime.now()
        // As in `build`, the next snapshot is read while this one is computed, and its predictive-value
        // fit is made on the reader's fit thread. (Before the reader had a fit thread, snapshot files
        // were fitted here, beside the figures: fitted on the reader thread, after each parse, they
        // made it the slower thread, 1 M × 12 validate 4.0 → 4.7–5.6 s. With the fit thread, six
        // alternating pairs: 1.68–2.09 s against 1.87–2.14 s, peak +10 MB.)
        let (opened, memoryWarning) = try openSource(input, config: config, log: log, memory: memory)
        let reader = SnapshotPrefetcher(source: opened, customers: CustomerIndex(capacity: 1 << 16),
                                        router: FeedbackRouter(table: config.routing), predictor: LifetimePredictor(settings: config.lifetime))
        var reports: [SnapshotReport] = []
        var warnings = reader.warnings
        var spareBuyers: BuyerTable?
        // With templates to check, the first and the latest report keep their buyers (and ids) for
        // their views.
        var first: (report: SnapshotReport, customers: CustomerIDs)?
        var latest: (report: SnapshotReport, customers: CustomerIDs)?
        reader.start()
        var computation = SnapshotComputation(reader: reader, config: config, readsLedger: input.isLedger)
        snapshots: while true {
            var computed: SnapshotComputation.Computed
            switch computation.next(reusingBuyers: spareBuyers.take()) {
            case .done: break snapshots
            case .failed: continue snapshots
            case .computed(let next): computed = next
            }
            warnings += computed.warnings
            // No pages: the buyers are done with at once, and the next snapshot's are written into
            // them, unless this report's views may be the ones the templates are checked against.
            if !templates.isEmpty {
                if reports.isEmpty { first = (computed.report, computed.customers) } else { latest = (computed.report, computed.customers) }
            }
            var buyers = BuyerTable()
            swap(&buyers, &computed.report.buyers)
            spareBuyers = templates.isEmpty ? buyers : nil
            reports.append(computed.report)
        }
        let (errors, bytes, rows, leftOut) = (computation.errors, computation.bytes, computation.rows, computation.rowsLeftOut)
        guard errors.isEmpty else { throw .badInput(errors) }
        // Each locale's templates against the same views: their keys are the same in both languages.
        var said: Set<String> = []
        for templates in templates {
            let pages = SnapshotPages(templates: templates, config: config, archivesViews: false)
            for (checked, history) in [(first, [SnapshotReport]()), (latest, Array(reports.dropLast()))] {
                guard let checked else { continue }
                let view = SnapshotView(report: checked.report, history: history, config: config)
                for warning in pages.tagWarnings(checked.report, view: view, customers: checked.customers, periods: reports.map(\.period))
                where said.insert(warning).inserted { warnings.append(warning) }
            }
        }
        return Result(reports: reports, bytesRead: bytes, rowsRead: rows, rowsLeftOut: leftOut, seconds: seconds(since: start),
                      warnings: warnings, upFrontWarning: memoryWarning)
    }

    /// Refuses a site folder that holds what the build reads (`--snapshots site/data --out site`,
    /// a `--config` or `--templates` there, or `$FIDELIS_TEMPLATES`): each build replaces the folder
    /// whole, so they were deleted by the build that had just read them.
    static func refuseInputInside(_ target: String, options: BuildOptions) throws(SiteError) {
        var read: [(what: String, path: String)] = []
        let input = bilingual("the input", "les données d'entrée"), templatesRead = bilingual("the templates", "les modèles")
        switch options.input {
        case .snapshots(let dir): read.append((input, dir))
        case .transactions(let file, _): read.append((input, file))
        }
        if let config = options.configPath { read.append((bilingual("the config", "la config"), config)) }
        if let templates = options.templates { read.append((templatesRead, templates)) }
        if let builtIn = ProcessInfo.processInfo.environment["FIDELIS_TEMPLATES"], !builtIn.isEmpty { read.append((templatesRead, builtIn)) }
        func resolved(_ path: String) -> String? {
            guard let real = realpath(path, nil) else { return nil }
            defer { free(real) }
            return String(cString: real)
        }
        guard let site = resolved(target) else { return }
        for (what, path) in read {
            guard let real = resolved(path), real == site || real.hasPrefix(site == "/" ? "/" : site + "/") else { continue }
            throw .refused(target, bilingual("it holds \(what), \(path), and each build replaces the site folder whole: keep \(what) outside --out", "il contient \(what), \(path), et chaque génération remplace le dossier du site en entier\u{00A0}: gardez \(what) hors de --out"))
        }
    }

    /// Whether the input can be read a second time, for the build cache's key: not a ledger from a
    /// pipe or a socket (`--transactions /dev/stdin`). A path that cannot be looked at is left to
    /// the reader's error.
    static func inputIsRereadable(_ input: ReportInput) -> Bool {
        guard case .transactions(let path, _) = input else { return true }
        return !MappedFile.isStream(atPath: path)
    }

    /// The warning for a ledger whose read would need more memory than this process may use
    /// (`LedgerMemoryEstimate`); nil for snapshots, a ledger that fits or one that cannot be found
    /// (`openSource` says so). Not kept with the site's warnings: it is about the machine, not the input.
    static func ledgerMemoryWarning(_ input: ReportInput, memory: MemoryLimit = .current()) -> String? {
        // `stat` follows links: `--transactions /dev/stdin < ledger.csv` is the file's size (the
        // link's own attributes gave a few bytes, and no warning). A pipe's size is not known before
        // it is read: `MappedFile.pipeLimit` bounds it instead.
        var info = stat()
        guard case .transactions(let file, _) = input, stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return LedgerMemoryEstimate(fileBytes: UInt64(info.st_size)).warning(file: (file as NSString).lastPathComponent, memory: memory.bytes,
                                                                         cappedByControlGroup: memory.cappedByControlGroup)
    }

    /// The source of `input`; `digests`: a ledger works out its month ends' digests for the build cache.
    /// `log` hears of a ledger too large for the memory this process may use, before it is read
    /// (`warnUpFront`, under --quiet too); the warning is returned, for --strict to count.
    static func openSource(_ input: ReportInput, config: ReportConfig, digests: Bool = false, log: BuildLog,
                           strict: Bool = false, memory: MemoryLimit) throws(BuildFailure) -> (source: any SnapshotSource, memoryWarning: String?) {
        let memoryWarning = ledgerMemoryWarning(input, memory: memory)
        if let memoryWarning {
            log.warnUpFront(memoryWarning)
            // Under --strict, before the read that may be stopped: the warning is printed already.
            if strict { throw .warningsUnderStrict(count: config.warnings.count + 1, warnings: []) }
        }
        return (try makeSource(input, config: config, digests: digests), memoryWarning)
    }

    /// The source of `input`, without the memory warning (`openSource`).
    private static func makeSource(_ input: ReportInput, config: ReportConfig, digests: Bool) throws(BuildFailure) -> any SnapshotSource {
        switch input {
        case .snapshots(let dir):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory) else {
                throw .inputMissing(bilingual("\(dir): snapshot folder not found (expected a folder of YYYY-MM.csv files)", "\(dir): dossier de relevés introuvable (attendu\u{00A0}: un dossier de fichiers YYYY-MM.csv)"))
            }
            guard isDirectory.boolValue else {
                throw .inputMissing(bilingual("\(dir): a file, not a folder (expected --snapshots DIR, a folder of YYYY-MM.csv files; a transaction ledger goes with --transactions FILE)", "\(dir): un fichier, pas un dossier (attendu\u{00A0}: --snapshots DIR, un dossier de fichiers YYYY-MM.csv\u{202F}; un journal de transactions se donne avec --transactions FILE)"))
            }
            do { return try SnapshotFolderSource(directory: dir, dialect: config.dialect, cadence: config.cadence) } catch { throw .badInput(error) }
        case .transactions(let file, let asOf):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
                throw .inputMissing(bilingual("\(file): transaction ledger not found (expected a CSV file)", "\(file): journal de transactions introuvable (attendu\u{00A0}: un fichier CSV)"))
            }
            guard !isDirectory.boolValue else {
                throw .inputMissing(bilingual("\(file): a folder, not a file (expected --transactions FILE, a ledger CSV; a folder of snapshots goes with --snapshots DIR)", "\(file): un dossier, pas un fichier (attendu\u{00A0}: --transactions FILE, un journal en CSV\u{202F}; un dossier de relevés se donne avec --snapshots DIR)"))
            }
            do { return try LedgerSource(path: file, asOf: asOf, dialect: config.dialect, digests: digests) } catch { throw .badInput(error) }
        }
    }
}
