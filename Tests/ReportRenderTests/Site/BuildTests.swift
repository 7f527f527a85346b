import Foundation
import Testing
import ReportModel
@testable import ReportRender

@Suite struct BuildTests {
    @Test func siteLayoutMatchesTheContract() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in")
        let result = try f.build("in")
        #expect(result.reports.count == 4)
        let files = Set(f.tree("site").keys)
        #expect(files.contains("index.html"))
        #expect(files.contains("assets/style.css"))
        #expect(files.contains(".fidelis-site"))
        for r in result.reports {
            for name in ["index.html", "metrics.json", "segments.csv", "escalations.csv"] + TemplateSet.deliverables.flatMap({ [$0 + ".md", $0 + ".html"] }) {
                #expect(files.contains(r.period.label + "/" + name), "missing \(r.period.label)/\(name)")
            }
        }
    }

    /// Every KPI of metrics.json has output.md's four keys and one of its three statuses; those
    /// without a target are `no_data` with a null target and direction, whatever their value.
    @Test func kpiStatusesAreTheContractsThree() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in")
        let result = try f.build("in")
        for r in result.reports {
            let data = try Data(contentsOf: URL(fileURLWithPath: f.path("site/\(r.period.label)/metrics.json")))
            let kpis = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["kpis"] as? [String: [String: Any]])
            #expect(Set(kpis.keys) == Set(KPIKey.allCases.map(\.rawValue)))
            for (key, kpi) in kpis {
                #expect(Set(kpi.keys) == ["value", "target", "direction", "status"], "\(key)")
                let status = try #require(kpi["status"] as? String)
                #expect(["on_target", "off_target", "no_data"].contains(status), "\(key): \(status)")
                if ["ltv", "csat_satisfied_share", "ces"].contains(key) {
                    #expect(kpi["target"] is NSNull && kpi["direction"] is NSNull && status == "no_data", "\(key)")
                    #expect(kpi["value"] is Double, "\(key) has a value in the sample")
                }
            }
        }
    }

    @Test func rebuildsAreByteIdentical() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in")
        _ = try f.build("in", out: "a")
        _ = try f.build("in", out: "b")
        #expect(f.tree("a") == f.tree("b"))
    }

    @Test func shufflingRowsChangesNoByte() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 400, months: 3)
        // Same files with data rows reversed and rotated.
        for name in try FileManager.default.contentsOfDirectory(atPath: f.path("in")) {
            let text = try String(contentsOfFile: f.path("in/" + name), encoding: .utf8)
            let records: [String] = CSVTestRecords.split(text)
            let reversed: [String] = Array(records.dropFirst().reversed())
            let cut = reversed.count / 3
            let rotated: [String] = Array(reversed[cut...]) + Array(reversed[..<cut])
            f.write(records[0] + rotated.joined(), to: "shuffled/" + name)
        }
        _ = try f.build("in", out: "a")
        _ = try f.build("shuffled", out: "b")
        let a = f.tree("a"), b = f.tree("b")
        #expect(a.keys.sorted() == b.keys.sorted())
        for key in a.keys.sorted() { #expect(a[key] == b[key], "\(key) differs") }
    }

    @Test func badInputWritesNothingAndKeepsTheOldSite() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in")
        _ = try f.build("in")
        let before = f.tree("site")
        f.write("customer_id,last_order_date,orders,revenue\nA,2026-10-01,x,1\n", to: "in/2026-12.csv")
        #expect(throws: BuildFailure.self) { try f.build("in") }
        do { _ = try f.build("in") } catch {
            #expect(error.exitCode == 65)
            #expect(error.description.contains("2026-12.csv:2:3:"))
        }
        #expect(f.tree("site") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: f.root).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesForeignLinkedOrFileTargets() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 50, months: 1)
        f.write("precious", to: "docs/notes.txt")
        do { _ = try f.build("in", out: "docs"); Issue.record("built over a foreign folder") } catch {
            #expect(error.exitCode == 73)
        }
        #expect(f.tree("docs") == ["notes.txt": Data("precious".utf8)])
        try FileManager.default.createSymbolicLink(atPath: f.path("link"), withDestinationPath: f.path("docs"))
        do { _ = try f.build("in", out: "link"); Issue.record("built through a symlink") } catch { #expect(error.exitCode == 73) }
        f.write("x", to: "plainfile")
        do { _ = try f.build("in", out: "plainfile"); Issue.record("built over a file") } catch { #expect(error.exitCode == 73) }
        // An empty folder is fine, and a site we wrote can be replaced.
        try FileManager.default.createDirectory(atPath: f.path("empty"), withIntermediateDirectories: true)
        _ = try f.build("in", out: "empty")
        _ = try f.build("in", out: "empty")
        // ... but not when it holds the input: the build that had just read it deleted it.
        f.sample("empty/data", customers: 20, months: 1)
        do { _ = try f.build("empty/data", out: "empty"); Issue.record("built over its own input") } catch {
            #expect(error.exitCode == 73 && "\(error)".contains("it holds the input"), "\(error)")
        }
        #expect(FileManager.default.fileExists(atPath: f.path("empty/data")))
        // Nor the config or the templates it reads (a team's edited templates in site/tpl were gone).
        f.write("client: X\n", to: "empty/tpl/fidelis.yml")
        var withConfig = BuildOptions(input: .snapshots(f.path("in")), output: f.path("empty"), config: ReportConfig())
        withConfig.configPath = f.path("empty/tpl/fidelis.yml")
        var withTemplates = BuildOptions(input: .snapshots(f.path("in")), output: f.path("empty"), config: ReportConfig())
        withTemplates.templates = f.path("empty/tpl")
        for (options, what) in [(withConfig, "the config"), (withTemplates, "the templates")] {
            do { _ = try ReportBuilder.build(options); Issue.record("built over \(what)") } catch {
                #expect(error.exitCode == 73 && "\(error)".contains("it holds \(what)"), "\(error)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: f.path("empty/tpl/fidelis.yml")))
        // A name whose staging folder's name would not fit 255 bytes is refused before any work (it
        // failed at the lock, "File name too long").
        let long = String(repeating: "s", count: SiteWriter.maxNameBytes + 1)
        do { _ = try f.build("in", out: long); Issue.record("built under a name too long") } catch {
            #expect(error.exitCode == 73 && "\(error)".contains("choose a name of at most \(SiteWriter.maxNameBytes) bytes"), "\(error)")
        }
        _ = try f.build("in", out: String(repeating: "s", count: SiteWriter.maxNameBytes))
    }

    /// Where the file system has no atomic exchange, the swap is two renames; a build killed
    /// between them left no site, the old one aside and the new one in its staging folder. The next
    /// build put neither back and built in full: it now puts the old site back, and keeps it.
    @Test func aSiteLeftAsideBetweenTwoRenamesIsPutBack() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 50, months: 2)
        var options = BuildOptions(input: .snapshots(f.path("in")), output: f.path("site"), config: ReportConfig())
        options.configFingerprint = "test"   // with a build record, so that the site put back is kept
        _ = try ReportBuilder.build(options)
        let before = f.tree("site")
        // Left by a build of a number no process has; and by one whose number a live process took
        // since (the site put aside stayed for ever, 350 MB at 1 M customers).
        for number in [Int32.max, getpid() == 1 ? 2 : 1] {
            try FileManager.default.moveItem(atPath: f.path("site"), toPath: f.path(".site.staging-\(number).old"))
            f.write("half-written", to: ".site.staging-\(Int32.max)/index.html")
            let result = try ReportBuilder.build(options)
            #expect(result.reusedSite, "the site put back is kept as it was")
            #expect(f.tree("site") == before)
            #expect(!FileManager.default.fileExists(atPath: f.path(".site.staging-\(number).old")) && !FileManager.default.fileExists(atPath: f.path(".site.staging-\(Int32.max)")))
        }
    }

    /// A site that is a link is refused whether or not its input changed (an unchanged rebuild read
    /// the cache first and kept it).
    @Test func aLinkedSiteIsRefusedEvenWhenUnchanged() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 50, months: 1)
        _ = try f.build("in", out: "site")
        try FileManager.default.createSymbolicLink(atPath: f.path("link"), withDestinationPath: f.path("site"))
        do { _ = try f.build("in", out: "link"); Issue.record("kept a linked site as unchanged") } catch {
            #expect(error.exitCode == 73 && error.description.contains("it is a symbolic link"), "\(error)")
        }
    }

    /// One build at a time for a site: a second lock is refused while the first is held, and taken
    /// once it is let go. Bad input leaves no folder made to hold the site.
    @Test func oneBuildAtATimeAndNoFolderLeftByBadInput() throws {
        let f = BuildFixture(); defer { f.remove() }
        let first = try SiteLock(target: f.path("out/site"))
        do { _ = try SiteLock(target: f.path("out/site")); Issue.record("two locks on one site") } catch {
            #expect(error.description == "\(f.path("out/site")): refusing to write the site: another fidelis-report build is writing it now (expected one build at a time for a site: wait for that one, or give this one another --out)")
        }
        _ = try SiteLock(target: f.path("out/other"))   // another site beside it
        // A lock file that is a link is not followed: the build stops and says why.
        try FileManager.default.createSymbolicLink(atPath: f.path("out/.linked.lock"), withDestinationPath: f.path("elsewhere"))
        do { _ = try SiteLock(target: f.path("out/linked")); Issue.record("followed a linked lock file") } catch {
            #expect(error.description.hasPrefix("\(f.path("out/.linked.lock")): cannot write: cannot open the lock file:"), "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: f.path("elsewhere")))
        first.end(succeeded: true)
        try SiteLock(target: f.path("out/site")).end(succeeded: true)
        f.write("customer_id,last_order_date,orders,revenue\nA,2026-10-01,x,1\n", to: "in/2026-12.csv")
        do { _ = try f.build("in", out: "new/deep/site"); Issue.record("built bad input") } catch { #expect(error.exitCode == 65) }
        #expect(!FileManager.default.fileExists(atPath: f.path("new")))
    }

    /// A page that cannot be written says why, in the system's words (a full disk: "No space left
    /// on device"), and names the file; a page that can is written whole.
    @Test func aFailedWriteSaysWhy() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.write("x", to: "plainfile")
        do {
            try SiteWriter.writeFile(Data("page".utf8), to: f.path("plainfile/page.html"))
            Issue.record("wrote under a file")
        } catch {
            #expect(error.description == f.path("plainfile/page.html") + ": cannot write: Not a directory")
            #expect(BuildFailure.site(error).exitCode == 73)
        }
        // A folder that cannot be made, likewise.
        let writer = try SiteWriter(target: f.path("site"))
        #expect(FileManager.default.createFile(atPath: writer.staging + "/blocker", contents: Data("x".utf8)))
        do {
            _ = try writer.path("blocker/2026-10/page.html")
            Issue.record("made a folder under a file")
        } catch {
            #expect(error.description == writer.staging + "/blocker/2026-10: cannot write: cannot create folder: Not a directory")
        }
        let page = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0) })
        try SiteWriter.writeFile(page, to: f.path("page.html"))
        #expect(FileManager.default.contents(atPath: f.path("page.html")) == page)
        try SiteWriter.writeFile(Data(), to: f.path("empty.html"))
        #expect(FileManager.default.contents(atPath: f.path("empty.html")) == Data())
    }

    /// A data file that cannot be written fails a snapshot's folder with the same error whether
    /// `segments.csv` is written on the page thread or beside it (`segmentsAside`, the last snapshot's).
    @Test(arguments: [false, true])
    func aFailedSegmentsFileSaysWhy(aside: Bool) throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 120, months: 2, seed: 3)
        let result = try f.build("in")
        let report = try #require(result.latest)
        let config = ReportConfig()
        let pages = SnapshotPages(templates: try TemplateSet(locale: .en), config: config)
        let writer = try SiteWriter(target: f.path("other"))
        defer { writer.abandon() }
        let blocked = writer.staging + "/" + report.period.label + "/segments.csv"
        try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: true)
        do {
            try pages.write(report, view: SnapshotView(report: report, history: [], config: config), customers: CustomerIDs(),
                            periods: [report.period], site: writer, segmentsAside: aside)
            Issue.record("wrote segments.csv over a folder")
        } catch {
            #expect(error.description == blocked + ": cannot write: Is a directory")
        }
    }

    @Test func missingInputIsExit66() {
        let f = BuildFixture(); defer { f.remove() }
        do { _ = try f.build("nowhere"); Issue.record("built from nothing") } catch { #expect(error.exitCode == 66) }
        #expect(!FileManager.default.fileExists(atPath: f.path("site")))
    }

    @Test func everyLinkIsRelativeAndResolves() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 100, months: 2)
        _ = try f.build("in")
        let files = f.tree("site")
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let dir = (path as NSString).deletingLastPathComponent
            // The page icon is a data: URI, held in the page itself (its SVG names its namespace's URL).
            for link in LinkScanner.links(in: html) where !link.hasPrefix("data:image/svg+xml,") {
                #expect(!link.hasPrefix("/") && !link.contains("://"), "\(path): absolute link \(link)")
                // A link to a section lands on a heading's id in its page.
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? path : LinkScanner.resolve(parts[0], from: dir)
                #expect(files[target] != nil, "\(path): broken link \(link)")
                if parts.count == 2, let page = files[target] {
                    #expect(String(decoding: page, as: UTF8.self).contains("id=\"\(parts[1])\""), "\(path): no section \(link)")
                }
            }
        }
    }

    @Test func frenchLocaleFormatsNumbers() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 200, months: 2)
        _ = try f.build("in", locale: .fr)
        let html = String(decoding: f.tree("site")["index.html"]!, as: UTF8.self)
        #expect(html.contains("lang=\"fr\""))
        #expect(html.contains("\u{202F}%"))
        #expect(html.contains("\u{202F}€"))
    }
}

/// Splits CSV text into records (keeping line ends), honouring quotes.
enum CSVTestRecords {
    static func split(_ text: String) -> [String] {
        var records: [String] = []
        var current = ""
        var quoted = false
        for ch in text {
            current.append(ch)
            if ch == "\"" { quoted.toggle() }
            if (ch == "\n" || ch == "\r\n") && !quoted { records.append(current); current = "" }
        }
        if !current.isEmpty { records.append(current + "\n") }
        return records
    }
}

/// Finds href and src attribute values.
enum LinkScanner {
    /// Resolves a relative link from a folder of the site (`..` handled).
    static func resolve(_ link: String, from dir: String) -> String {
        var parts = dir.split(separator: "/").map(String.init)
        for part in link.split(separator: "/").map(String.init) {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    static func links(in html: String) -> [String] {
        var out: [String] = []
        for attr in ["href=\"", "src=\""] {
            var rest = Substring(html)
            while let r = rest.range(of: attr) {
                rest = rest[r.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let value = String(rest[..<end])
                if !value.hasPrefix("#") { out.append(value) }
                rest = rest[end...]
            }
        }
        return out
    }
}
