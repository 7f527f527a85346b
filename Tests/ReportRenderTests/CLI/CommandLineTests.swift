import Foundation
import Testing

/// Runs the built `fidelis-report` executable (it sits beside the test bundle) and checks exit statuses.
@Suite(.serialized) struct CommandLineTests {
    struct Run { var status: Int32; var out: String; var err: String }

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("fidelis-report")
    }

    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Runs `fidelis-report` (or `program`) with `arguments`; `user` is a command that runs it as another user.
    /// The console speaks English (`LANG=C.UTF-8`, whatever the tester's own locale) unless
    /// `environment` says otherwise (a nil value removes a variable).
    func run(_ arguments: [String], in directory: String, as user: [String] = [], program: String? = nil,
             environment: [String: String?] = [:]) throws -> Run {
        let process = Process()
        let program = program ?? Self.executable.path
        process.executableURL = URL(fileURLWithPath: user.first ?? program)
        process.arguments = user.isEmpty ? arguments : Array(user.dropFirst()) + [program] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["FIDELIS_EXAMPLES"] = Self.packageRoot + "/Examples/snapshots"
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        env["LANG"] = "C.UTF-8"
        for (name, value) in environment { env[name] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// Runs `arguments` in `directory` and expects `status` and each of `messages` on standard error.
    func expect(_ arguments: [String], in directory: String, status: Int32, saying messages: String...,
                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try run(arguments, in: directory)
        #expect(r.status == status, "\(arguments): \(r.err)", sourceLocation: sourceLocation)
        for message in messages { #expect(r.err.contains(message), "\(arguments): \(r.err)", sourceLocation: sourceLocation) }
    }

    func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "fidelis-cli-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func failOnRaisedEscalationExitsThreeAfterWritingTheSite() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        // The example data's latest snapshot raises nps_critical, churn_crisis and public_complaint.
        let any = try run(["build", "--quiet", "--fail-on", "any"], in: dir)
        #expect(any.status == 3)
        #expect(any.err.contains("nps_critical"))
        #expect(FileManager.default.fileExists(atPath: dir + "/site/index.html"))
        let named = try run(["build", "--quiet", "--fail-on", "large_refund,churn_crisis"], in: dir)
        #expect(named.status == 3)
        #expect(named.err.contains("churn_crisis") && !named.err.contains("large_refund"))
        let notRaised = try run(["build", "--quiet", "--fail-on", "large_refund"], in: dir)
        #expect(notRaised.status == 0)
        let none = try run(["build", "--quiet"], in: dir)
        #expect(none.status == 0)
        // The shipped example data is the Demo company's; a team's own data without a client: in its
        // config names none (it was titled "Demo" too).
        let latest = try #require(try FileManager.default.contentsOfDirectory(atPath: dir + "/site").filter { $0.hasPrefix("20") }.max())
        let example = try String(contentsOfFile: dir + "/site/\(latest)/diagnostic.md", encoding: .utf8)
        #expect(example.hasPrefix("# Retention diagnostic — Demo\n"))
        #expect(try run(["sample", "--out", "own", "--customers", "30", "--months", "1", "--quiet"], in: dir).status == 0)
        #expect(try run(["build", "--snapshots", "own", "--out", "own-site", "--quiet"], in: dir).status == 0)
        let own = try String(contentsOfFile: dir + "/own-site/index.html", encoding: .utf8)
        #expect(own.contains("<a class=\"brand\" href=\"index.html\">fidelis-report</a>") && !own.contains("Demo"))
        try "client: Maison Test\n".write(toFile: dir + "/fidelis.yml", atomically: true, encoding: .utf8)
        #expect(try run(["build", "--snapshots", "own", "--out", "named-site", "--quiet"], in: dir).status == 0)
        #expect(try String(contentsOfFile: dir + "/named-site/index.html", encoding: .utf8).contains("fidelis-report · Maison Test</a>"))
    }

    /// `cadence:` is for snapshot folders: a ledger's snapshots are month ends. Said with a ledger,
    /// in both languages, and counted by --strict; with snapshots, the config's own warning only.
    @Test func aCadenceWithALedgerIsAWarning() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let ledger = Self.packageRoot + "/Examples/ledger/transactions.csv"
        try "cadence: quarterly\ntargets:\n  retention_rate: 0.6\n  churn_rate: 0.15\nescalations:\n  churn_above: 0.27\n".write(toFile: dir + "/fidelis.yml", atomically: true, encoding: .utf8)
        let built = try run(["build", "--transactions", ledger, "--quiet"], in: dir)
        #expect(built.status == 0 && built.err == "warning: fidelis.yml: cadence: quarterly is for snapshot folders: a ledger's snapshots are month ends, and its pages read them as monthly (expected no cadence with --transactions)\n", "\(built.err)")
        let latest = try #require(try FileManager.default.contentsOfDirectory(atPath: dir + "/site").filter { $0.hasPrefix("20") }.max())
        #expect(try String(contentsOfFile: dir + "/site/\(latest)/strategy.md", encoding: .utf8).contains("- Monthly KPI tracking with this report after each snapshot\n"))
        let french = try run(["validate", "--transactions", ledger], in: dir, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(french.status == 0 && french.err.contains("avertissement\u{00A0}: fidelis.yml: cadence: quarterly vaut pour les dossiers de relevés"), "\(french.err)")
        let strict = try run(["build", "--transactions", ledger, "--out", "strict-site", "--quiet", "--strict"], in: dir)
        #expect(strict.status == 65 && !FileManager.default.fileExists(atPath: dir + "/strict-site"), "\(strict.err)")
        let snapshots = try run(["build", "--out", "snapshot-site", "--quiet", "--strict"], in: dir)
        #expect(snapshots.status == 0 && snapshots.err.isEmpty, "\(snapshots.err)")
        // With the seed's monthly targets kept, the config's warning would ask for a week's
        // values, which would be wrong for a ledger's month ends: only the ledger's warning is said.
        try "cadence: weekly\n".write(toFile: dir + "/fidelis.yml", atomically: true, encoding: .utf8)
        let seedTargets = try run(["validate", "--transactions", ledger], in: dir)
        #expect(seedTargets.status == 0 && seedTargets.err == "warning: fidelis.yml: cadence: weekly is for snapshot folders: a ledger's snapshots are month ends, and its pages read them as monthly (expected no cadence with --transactions)\n", "\(seedTargets.err)")
        let weeklySnapshots = try run(["validate"], in: dir)
        #expect(weeklySnapshots.err.contains("cadence: weekly, but targets.retention_rate"), "\(weeklySnapshots.err)")
        try "cadence: monthly\n".write(toFile: dir + "/fidelis.yml", atomically: true, encoding: .utf8)
        let monthly = try run(["build", "--transactions", ledger, "--quiet"], in: dir)
        #expect(monthly.status == 0 && monthly.err.isEmpty, "\(monthly.err)")
    }

    /// A ledger has no nps, public_complaint or refund_requested column: `--fail-on` naming one of
    /// those escalations could never fail the run, and said nothing (CI read the silence as "none").
    @Test func failOnAnEscalationTheInputCannotRaiseIsAWarning() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let ledger = Self.packageRoot + "/Examples/ledger/transactions.csv"
        let warning = "warning: --fail-on nps_critical can never fail the run: the input has no nps column"
        let named = try run(["build", "--transactions", ledger, "--quiet", "--fail-on", "nps_critical,churn_crisis"], in: dir)
        #expect(named.status == 3 && named.err.contains(warning), "\(named.err)")
        #expect(!named.err.contains("large_refund"))
        // Said again by a build that keeps the site (from its record), and not by one without --fail-on.
        let kept = try run(["build", "--transactions", ledger, "--fail-on", "nps_critical"], in: dir)
        #expect(kept.status == 0 && kept.err.contains("keeping site as it is") && kept.err.contains(warning), "\(kept.err)")
        let without = try run(["build", "--transactions", ledger, "--quiet"], in: dir)
        #expect(without.status == 0 && without.err.isEmpty, "\(without.err)")
        // The same bytes under another name: every deliverable names the ledger, so the site is
        // written again (it was kept, naming the old file).
        try FileManager.default.copyItem(atPath: ledger, toPath: dir + "/export-2026.csv")
        let renamed = try run(["build", "--transactions", "export-2026.csv"], in: dir)
        #expect(renamed.status == 0 && !renamed.out.contains("Unchanged"), "\(renamed.out)")
        let latest = try #require(try FileManager.default.contentsOfDirectory(atPath: dir + "/site").filter { $0.hasPrefix("20") }.max())
        #expect(try String(contentsOfFile: dir + "/site/\(latest)/diagnostic.md", encoding: .utf8).contains("export-2026.csv"))
        // `any` asks for whatever can be raised: no warning.
        let any = try run(["build", "--transactions", ledger, "--quiet", "--fail-on", "any"], in: dir)
        #expect(any.status == 3 && !any.err.contains("warning"), "\(any.err)")
        // Counted by --strict, before anything is published; the example snapshots have the columns.
        let strict = try run(["build", "--transactions", ledger, "--out", "strict-site", "--quiet", "--strict", "--fail-on", "large_refund"], in: dir)
        #expect(strict.status == 65 && strict.err.contains("--fail-on large_refund can never fail the run: the input has no refund_requested column"), "\(strict.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/strict-site"))
        let snapshots = try run(["build", "--out", "snapshot-site", "--quiet", "--strict", "--fail-on", "large_refund"], in: dir)
        #expect(snapshots.status == 0 && snapshots.err.isEmpty, "\(snapshots.err)")
        // A column the config maps to `ignore` is named as such: the export has it.
        try "columns:\n  NPS: ignore\n".write(toFile: dir + "/fidelis.yml", atomically: true, encoding: .utf8)
        let ignored = try run(["build", "--out", "ignored-site", "--quiet", "--fail-on", "nps_critical"], in: dir)
        #expect(ignored.status == 0 && ignored.err.contains(
            "--fail-on nps_critical can never fail the run: the config maps the nps column to ignore (columns: in fidelis.yml)"), "\(ignored.err)")
    }

    @Test func usageErrorsExitSixtyFour() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try run(["build", "--fail-on", "bogus"], in: dir).status == 64)
        #expect(try run(["build", "--snapshots", "a", "--transactions", "b"], in: dir).status == 64)
        #expect(try run(["build", "--as-of", "2026-01-01"], in: dir).status == 64)
        #expect(try run(["build", "--locale", "de"], in: dir).status == 64)
        // --lang, as users first try it, is --locale: accepted, the run goes on to the missing input (66, not 64).
        #expect(try run(["build", "--lang", "fr", "--snapshots", "nowhere"], in: dir).status == 66)
        #expect(try run(["frobnicate"], in: dir).status == 64)
        // `help` of no command printed the general help with status 0.
        try expect(["help", "frobnicate"], in: dir, status: 64, saying: "no command named \"frobnicate\" (expected one of build, validate, sample, init)")
        #expect(try run(["help", "sample"], in: dir).status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir + "/site"))
    }

    @Test func inputErrorsExitSixtyFiveWithLocation() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try "customer_id,last_order_date,orders,revenue\nA,2026-10-01,1,-5\n".write(toFile: dir + "/in/2026-10.csv", atomically: true, encoding: .utf8)
        let r = try run(["build", "--snapshots", "in"], in: dir)
        #expect(r.status == 65)
        #expect(r.err.contains("2026-10.csv:2:4: revenue \"-5\" is negative, where it must be 0 or more"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/site"))
        let v = try run(["validate", "--snapshots", "in"], in: dir)
        #expect(v.status == 65)
        try "client: [unclosed\n".write(toFile: dir + "/bad.yml", atomically: true, encoding: .utf8)
        let c = try run(["build", "--config", "bad.yml"], in: dir)
        #expect(c.status == 65)
        #expect(c.err.hasPrefix("bad.yml:2:1: YAML error: "))
        // Each problem on a line of its own in input.md's form, the location first (no prefix), then
        // the count of those past the first 20.
        let rows = (1...25).map { "C\($0),2026-10-01,x,1" }.joined(separator: "\n")
        try ("customer_id,last_order_date,orders,revenue\n" + rows + "\n").write(toFile: dir + "/in/2026-10.csv", atomically: true, encoding: .utf8)
        let many = try run(["validate", "--snapshots", "in"], in: dir)
        #expect(many.status == 65)
        let lines = many.err.split(separator: "\n").map(String.init)
        #expect(lines.count == 21, "\(many.err)")
        for (k, line) in lines.prefix(20).enumerated() {
            #expect(line.hasPrefix("2026-10.csv:\(k + 2):3: orders \"x\" is not a whole number") && line.hasSuffix(")"), "\(line)")
        }
        #expect(lines.last == "… and 5 more problem(s)")
    }

    @Test func missingInputAndRefusedOutput() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try run(["build", "--snapshots", "nope"], in: dir).status == 66)
        #expect(try run(["build", "--transactions", "nope.csv"], in: dir).status == 66)
        // A file where a folder is expected, and the other way round: the message says which option fits.
        try "customer_id,date,amount\n".write(toFile: dir + "/ledger.csv", atomically: true, encoding: .utf8)
        try expect(["validate", "--snapshots", "ledger.csv"], in: dir, status: 66, saying: "ledger.csv: a file, not a folder", "--transactions FILE")
        try expect(["build", "--transactions", "."], in: dir, status: 66, saying: ".: a folder, not a file", "--snapshots DIR")
        // A config file named on the command line is input too: missing, 66; unreadable, 65.
        for command in ["build", "validate"] {
            try expect([command, "--config", "nope.yml"], in: dir, status: 66, saying: "nope.yml: config file not found")
        }
        try FileManager.default.createDirectory(atPath: dir + "/folder.yml", withIntermediateDirectories: true)
        try expect(["build", "--config", "folder.yml"], in: dir, status: 65, saying: "folder.yml:0:0: cannot read the config file: Is a directory")
        // So is a templates folder: a misspelt one is not silently replaced by the built-in templates.
        try expect(["build", "--templates", "tempaltes"], in: dir, status: 66, saying: "tempaltes: templates folder not found")
        // Every misspelt key of a config is named in one run.
        try "activity_window_day: 90\ntargets:\n  churn_rat: 0.1\n".write(toFile: dir + "/typos.yml", atomically: true, encoding: .utf8)
        try expect(["validate", "--config", "typos.yml"], in: dir, status: 65,
                   saying: "typos.yml:1:1: unknown key \"activity_window_day\"", "typos.yml:3:3: unknown key \"churn_rat\"")
        #expect(!FileManager.default.fileExists(atPath: dir + "/site"))
        try FileManager.default.createDirectory(atPath: dir + "/docs", withIntermediateDirectories: true)
        try "keep".write(toFile: dir + "/docs/a.txt", atomically: true, encoding: .utf8)
        let r = try run(["build", "--out", "docs"], in: dir)
        #expect(r.status == 73)
        #expect(try String(contentsOfFile: dir + "/docs/a.txt", encoding: .utf8) == "keep")
    }

    /// How to run the CLI as a user whom file permissions stop: itself unless the tests run as root
    /// (root writes through a chmod 555), else `nobody` through setpriv; nil when neither is possible.
    static let unprivileged: [String]? = {
        if geteuid() != 0 { return [] }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
        return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    }()

    @Test(.enabled(if: CommandLineTests.unprivileged != nil, "running as root without /usr/bin/setpriv: no user that chmod stops"))
    func readOnlyOutputFoldersAreRefusedAndNothingIsWritten() throws {
        let user = try #require(Self.unprivileged)
        let fm = FileManager.default
        let dir = temporaryDirectory()
        defer {
            for name in ["ro", "site", "locked"] { chmod(dir + "/" + name, 0o755) }
            try? fm.removeItem(atPath: dir)
        }
        for name in ["ro", "site", "locked"] { try fm.createDirectory(atPath: dir + "/" + name, withIntermediateDirectories: false) }
        try "fidelis-report site\n".write(toFile: dir + "/site/.fidelis-site", atomically: false, encoding: .utf8)
        if geteuid() == 0 {
            for path in [dir, dir + "/ro", dir + "/site", dir + "/site/.fidelis-site", dir + "/locked"] { #expect(chown(path, 65534, 65534) == 0) }
        }
        for name in ["ro", "site", "locked"] { #expect(chmod(dir + "/" + name, 0o555) == 0) }
        let owner = geteuid() == 0 ? 65534 : geteuid()

        // This user can build (input, binary and folder are reachable) but cannot write in a 555 folder.
        let fresh = try run(["build", "--quiet", "--out", "fresh"], in: dir, as: user)
        try #require(fresh.status == 0, "the unprivileged build failed: \(fresh.err)")
        try #require(try run(["-c", "touch ro/probe"], in: dir, as: user, program: "/bin/sh").status != 0, "chmod 555 does not stop this user")

        let empty = try run(["build", "--quiet", "--out", "ro"], in: dir, as: user)
        #expect(empty.status == 73)
        #expect(empty.err.contains(dir + "/ro: refusing to write the site: it is not writable by this user (Permission denied: owner uid \(owner), mode 555, this user uid "), "\(empty.err)")
        let site = try run(["build", "--quiet", "--out", "site"], in: dir, as: user)
        #expect(site.status == 73)
        #expect(site.err.contains(dir + "/site: refusing to write the site: it is not writable by this user (Permission denied: owner uid \(owner), mode 555"), "\(site.err)")
        let parent = try run(["build", "--quiet", "--out", "locked/site"], in: dir, as: user)
        #expect(parent.status == 73)
        #expect(parent.err.contains(dir + "/locked/site: refusing to write the site: the folder that holds it, \(dir)/locked, is not writable by this user (Permission denied: owner uid \(owner), mode 555"), "\(parent.err)")
        #expect(parent.err.contains("it needs write access there"), "\(parent.err)")
        let grandparent = try run(["build", "--quiet", "--out", "locked/sub/site"], in: dir, as: user)
        #expect(grandparent.status == 73)
        #expect(grandparent.err.contains("cannot create the folder that holds it, \(dir)/locked/sub: Permission denied"), "\(grandparent.err)")

        // `sample` and `init` refuse the same folders with exit 73 and the system's reason, not a usage error.
        for (arguments, path) in [(["sample", "--quiet", "--customers", "5", "--months", "1", "--out", "ro"], dir + "/ro/2026-10.csv"),
                                  (["sample", "--quiet", "--ledger", "--customers", "5", "--out", "ro"], dir + "/ro/transactions.csv"),
                                  (["sample", "--quiet", "--out", "locked/sub"], dir + "/locked/sub"),
                                  (["init", "locked/proj"], "locked/proj"), (["init", "ro"], "ro/fidelis.yml")] {
            let r = try run(arguments, in: dir, as: user)
            #expect(r.status == 73, "\(arguments): \(r.err)")
            #expect(r.err.contains("error: cannot write \(path): Permission denied"), "\(arguments): \(r.err)")
        }

        // Nothing was written: no site, no staging folder, the old site untouched.
        #expect(try fm.contentsOfDirectory(atPath: dir).sorted() == ["fresh", "locked", "ro", "site"])
        #expect(try fm.contentsOfDirectory(atPath: dir + "/ro").isEmpty)
        #expect(try fm.contentsOfDirectory(atPath: dir + "/locked").isEmpty)
        #expect(try fm.contentsOfDirectory(atPath: dir + "/site") == [".fidelis-site"])
    }

    /// `sample` never overwrites a file nor writes beside other CSV files (a user's real exports, an
    /// earlier sample's months), and leaves no file of its own in the folder but the data.
    @Test func sampleRefusesAFolderThatHoldsData() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/exports", withIntermediateDirectories: true)
        try "customer_id,last_order_date,orders,revenue\nREAL,2026-01-02,1,10\n".write(toFile: dir + "/exports/2026-01.csv", atomically: true, encoding: .utf8)
        let r = try run(["sample", "--quiet", "--customers", "5", "--months", "1", "--out", "exports"], in: dir)
        #expect(r.status == 73)
        #expect(r.err.contains("exports already holds 2026-01.csv: sample never overwrites files"), "\(r.err)")
        #expect(try fm.contentsOfDirectory(atPath: dir + "/exports") == ["2026-01.csv"])
        #expect(try String(contentsOfFile: dir + "/exports/2026-01.csv", encoding: .utf8).contains("REAL"))
        // An earlier sample's folder is refused too, for snapshots or a ledger; other files do not count.
        try fm.createDirectory(atPath: dir + "/demo", withIntermediateDirectories: true)
        try "notes".write(toFile: dir + "/demo/README.txt", atomically: true, encoding: .utf8)
        #expect(try run(["sample", "--quiet", "--customers", "5", "--months", "2", "--out", "demo"], in: dir).status == 0)
        #expect(try fm.contentsOfDirectory(atPath: dir + "/demo").sorted() == ["2026-09.csv", "2026-10.csv", "README.txt"])
        let again = try run(["sample", "--quiet", "--customers", "5", "--months", "1", "--out", "demo"], in: dir)
        #expect(again.status == 73)
        #expect(again.err.contains("demo already holds 2026-09.csv and 1 more CSV file(s)"), "\(again.err)")
        #expect(try run(["sample", "--quiet", "--ledger", "--customers", "5", "--out", "demo"], in: dir).status == 73)
        #expect(try run(["sample", "--quiet", "--ledger", "--customers", "5", "--out", "ledger"], in: dir).status == 0)
        let ledger = try run(["sample", "--quiet", "--ledger", "--customers", "5", "--out", "ledger"], in: dir)
        #expect(ledger.status == 73)
        #expect(ledger.err.contains("ledger already holds transactions.csv:"), "\(ledger.err)")
        #expect(try fm.contentsOfDirectory(atPath: dir + "/ledger") == ["transactions.csv"])
    }

    /// `validate --templates` checks edited templates as `build` would, and writes nothing.
    @Test func validateChecksTemplates() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try run(["init", "proj"], in: dir).status == 0)
        let clean = try run(["validate", "--templates", "proj/templates", "--locale", "fr"], in: dir)
        #expect(clean.status == 0)
        #expect(!clean.err.contains("warning"), "\(clean.err)")
        let playbooks = dir + "/proj/templates/fr/playbooks.md.mustache"
        try ("{{#segments}}{{nom}}{{/segments}}\n" + (try String(contentsOfFile: playbooks, encoding: .utf8))).write(toFile: playbooks, atomically: true, encoding: .utf8)
        let typo = try run(["validate", "--templates", "proj/templates", "--locale", "fr"], in: dir)
        #expect(typo.status == 0)
        #expect(typo.err.contains("warning: proj/templates/fr/playbooks.md.mustache:1:14: {{nom}} names nothing the template is given"), "\(typo.err)")
        // Checking the English templates checks the French ones of the folder too (an error there
        // showed only at the next French build); --strict fails on the warning.
        let english = try run(["validate", "--templates", "proj/templates"], in: dir)
        #expect(english.status == 0 && english.err.contains("warning: proj/templates/fr/playbooks.md.mustache:1:14: {{nom}} names nothing the template is given"), "\(english.err)")
        let strict = try run(["validate", "--templates", "proj/templates", "--strict"], in: dir)
        #expect(strict.status == 65 && strict.err.contains("error: 1 warning(s) above, and --strict: failing"), "\(strict.err)")
        // Its summary does not open with an "OK" that the failure contradicts.
        #expect(!strict.out.contains("OK:") && strict.out.contains("Read, with 1 warning(s): 12 snapshot(s)"), "\(strict.out)")
        #expect(try run(["validate", "--strict"], in: dir).status == 0)
        try "{{#segments}}\n".write(toFile: playbooks, atomically: true, encoding: .utf8)
        let broken = try run(["validate", "--templates", "proj/templates", "--locale", "fr"], in: dir)
        #expect(broken.status == 65)
        #expect(broken.err.contains("proj/templates/fr/playbooks.md.mustache:1:1: template syntax error: {{#segments}} is never closed (expected {{/segments}} after its content)"), "\(broken.err)")
        #expect(try run(["validate", "--templates", "nope"], in: dir).status == 66)
        #expect(try run(["validate", "--templates", "proj/templates", "--parse-only"], in: dir).status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["proj"])
    }

    /// `build --strict` publishes nothing when there is a warning (exit 65, the site in place kept,
    /// an unchanged rebuild too), and builds as usual when there is none.
    @Test func strictBuildPublishesNothingDoubtful() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try run(["init", "proj"], in: dir).status == 0)
        let project = dir + "/proj"
        // templates/ here but not given: a warning.
        let refused = try run(["build", "--strict", "--quiet"], in: project)
        #expect(refused.status == 65, "\(refused.err)")
        #expect(refused.err.contains("error: 1 warning(s), and --strict: nothing was written, a site in place is left as it was"), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: project + "/site"))
        #expect(try run(["build", "--strict", "--quiet", "--templates", "templates"], in: project).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: project + "/site").sorted()
        #expect(try run(["build", "--quiet"], in: project).status == 0)
        let unchanged = try run(["build", "--strict", "--quiet"], in: project)
        #expect(unchanged.status == 65, "\(unchanged.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project + "/site").sorted() == before)
    }

    @Test func validatePrintsASummaryAndWritesNothing() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["validate"], in: dir)
        #expect(r.status == 0)
        #expect(r.out.contains("OK: 12 snapshot(s), 4954 rows"))
        #expect(r.out.contains("2026-10 (as of 2026-10-31)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    /// A stray early line (a mistyped year) still builds, with a warning from both commands.
    @Test func ledgerGapIsAWarningFromValidateAndBuild() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let ledger = "customer_id,date,amount\nB,2026-03-10,20\nZ,2024-01-05,10\nB,2026-04-10,5\n"
        try ledger.write(toFile: dir + "/sales.csv", atomically: true, encoding: .utf8)
        let warning = "warning: sales.csv: 25 months without a purchase line (2024-02 to 2026-02)"
        let validate = try run(["validate", "--transactions", "sales.csv"], in: dir)
        #expect(validate.status == 0 && validate.err.contains(warning) && validate.out.contains("OK, with 1 warning(s): 28 snapshot(s)"), "\(validate.out)")
        let build = try run(["build", "--transactions", "sales.csv", "--out", "site"], in: dir)
        #expect(build.status == 0 && build.err.contains(warning))
    }

    @Test func helpNamesEveryCommand() throws {
        let r = try run(["--help"], in: NSTemporaryDirectory())
        #expect(r.status == 0)
        for command in ["build", "validate", "sample", "init"] { #expect(r.out.contains(command)) }
        let build = try run(["build", "--help"], in: NSTemporaryDirectory())
        for option in ["--snapshots", "--transactions", "--out", "--config", "--templates", "--locale", "--as-of", "--fail-on", "--quiet"] {
            #expect(build.out.contains(option), "build --help lacks \(option)")
        }
    }

    /// Pipes (QA crash hunt): a ledger read from a pipe (it was called empty), a device refused, a
    /// closed pipe on standard output or error leaving the exit status as it is (SIGPIPE ended
    /// validate and the error paths with 141, hiding the status under `set -o pipefail`).
    @Test func pipes() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let exe = Self.executable.path, ledger = Self.packageRoot + "/Examples/ledger/transactions.csv"
        let piped = try run(["-c", "cat '\(ledger)' | '\(exe)' validate --transactions /dev/stdin"], in: dir, program: "/bin/bash")
        #expect(piped.status == 0 && piped.out.contains("OK: 24 snapshot(s), 2465 rows"), "\(piped)")
        // Over 2 MB (the read's buffer grows twice), and into build twice: the build cache would read
        // the pipe a second time (the rebuild found it empty), so a piped build keeps no record.
        #expect(try run(["sample", "--ledger", "--out", "big", "--customers", "32000", "--months", "1", "--quiet"], in: dir).status == 0)
        let big = try String(contentsOfFile: dir + "/big/transactions.csv", encoding: .utf8)
        #expect(big.utf8.count > 2 << 20)
        let direct = try run(["validate", "--transactions", "big/transactions.csv"], in: dir)
        let bigPiped = try run(["-c", "cat big/transactions.csv | '\(exe)' validate --transactions /dev/stdin"], in: dir, program: "/bin/bash")
        #expect(bigPiped.status == 0 && direct.status == 0)
        #expect(bigPiped.out.split(separator: "\n").dropFirst(2) == direct.out.split(separator: "\n").dropFirst(2), "\(bigPiped.out)")
        for _ in 0..<2 {
            let built = try run(["-c", "cat '\(ledger)' | '\(exe)' build --transactions /dev/stdin --out piped --quiet"], in: dir, program: "/bin/bash")
            #expect(built.status == 0, "\(built.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/piped/.fidelis-cache"))
        try expect(["validate", "--transactions", "/dev/zero"], in: dir, status: 65, saying: "zero:0:0: not a file but a device (expected a CSV file, or a pipe)")
        // In a snapshot folder, a folder named like a snapshot is one (it was called a device), and a
        // named pipe is refused before it is opened (validate and build waited for a writer for ever).
        #expect(try run(["sample", "--out", "folder", "--customers", "20", "--months", "2", "--quiet"], in: dir).status == 0)
        try FileManager.default.createDirectory(atPath: dir + "/folder/2030-01.csv", withIntermediateDirectories: true)
        try expect(["validate", "--snapshots", "folder"], in: dir, status: 65, saying: "2030-01.csv:0:0: a folder, not a file (expected a CSV file)")
        try FileManager.default.removeItem(atPath: dir + "/folder/2030-01.csv")
        #expect(mkfifo(dir + "/folder/2030-01.csv", 0o644) == 0)
        for arguments in [["validate", "--snapshots", "folder"], ["build", "--snapshots", "folder", "--out", "fifo-site"]] {
            try expect(arguments, in: dir, status: 65, saying: "2030-01.csv:0:0: a named pipe or a socket, not a file (expected a CSV file; only --transactions reads from a pipe)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/fifo-site"))
        // An endless pipe of NUL bytes stops at its first megabyte (it grew until the system killed it).
        let zeros = try run(["-c", "head -c 3000000 /dev/zero | '\(exe)' validate --transactions /dev/stdin"], in: dir, program: "/bin/bash")
        #expect(zeros.status == 65 && zeros.err.contains("stdin:1:1: the input holds NUL bytes, which no CSV text has"), "\(zeros)")
        // 24 snapshots of summary: more than a pipe's buffer once repeated; `head` closes it early.
        try FileManager.default.createDirectory(atPath: dir + "/many", withIntermediateDirectories: true)
        #expect(try run(["sample", "--out", "many/s", "--customers", "20", "--months", "400", "--quiet"], in: dir).status == 0)
        for (command, status) in [("'\(exe)' validate --snapshots many/s | head -1", 0), ("'\(exe)' build --fail-on bogus 2>&1 | head -c 1", 64),
                                  ("'\(exe)' validate --snapshots nowhere 2>&1 | head -c 1", 66)] {
            let r = try run(["-c", "set -o pipefail; " + command + " >/dev/null; echo $?"], in: dir, program: "/bin/bash")
            #expect(r.out == "\(status)\n", "\(command): \(r)")
        }
    }

    /// `build --quiet --strict` prints the warnings that failed it (it printed only their count).
    @Test func quietStrictSaysItsWarnings() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try "customer_id,last_order_date,orders,revenue,colour\nA,2026-10-01,1,5,red\n".write(toFile: dir + "/in/2026-10.csv", atomically: true, encoding: .utf8)
        let r = try run(["build", "--snapshots", "in", "--quiet", "--strict"], in: dir)
        #expect(r.status == 65)
        #expect(r.err.contains("warning: 2026-10.csv: ignoring unknown column(s) colour\n"), "\(r.err)")
        #expect(r.err.contains("error: 1 warning(s), and --strict"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/site"))
    }

    /// Unknown columns that may be optional columns under another name (a French export's survey
    /// and first-order date) get the `columns:` entry that reads them; once mapped, they are read
    /// without a warning. A column the file already has is not suggested again.
    @Test func unknownColumnsThatMayBeOptionalOnesGetTheirMapping() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try "customer_id,last_order_date,orders,revenue,Date première commande,Couleur,Note NPS,Commentaire,nps score\nA,2026-10-01,2,5,2026-01-02,rouge,9,Très bien,8\n"
            .write(toFile: dir + "/in/2026-10.csv", atomically: true, encoding: .utf8)
        let r = try run(["validate", "--snapshots", "in"], in: dir)
        #expect(r.status == 0 && r.err.contains("warning: 2026-10.csv: ignoring unknown column(s) Date première commande, Couleur, Note NPS, Commentaire, nps score; some may be columns the report reads: map them in fidelis.yml with columns: {\"Date première commande\": first_order_date, \"Note NPS\": nps, \"Commentaire\": feedback}\n"), "\(r.err)")
        let french = try run(["validate", "--snapshots", "in"], in: dir, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(french.err.contains("\u{202F}; certaines sont peut-être des colonnes que lit le rapport\u{00A0}: associez-les dans fidelis.yml avec columns: {"), "\(french.err)")
        // The entry, pasted: those columns are read, the others still listed, with no suggestion.
        try "columns: {\"Date première commande\": first_order_date, \"Note NPS\": nps, \"Commentaire\": feedback}\n".write(toFile: dir + "/fidelis.yml", atomically: true, encoding: .utf8)
        let mapped = try run(["validate", "--snapshots", "in"], in: dir)
        #expect(mapped.status == 0 && mapped.err.contains("warning: 2026-10.csv: ignoring unknown column(s) Couleur, nps score\n"), "\(mapped.err)")
        // One that may be a column: said of it alone.
        try FileManager.default.removeItem(atPath: dir + "/fidelis.yml")
        try "customer_id,last_order_date,orders,revenue,Statut\nA,2026-10-01,2,5,active\n".write(toFile: dir + "/in/2026-10.csv", atomically: true, encoding: .utf8)
        let one = try run(["validate", "--snapshots", "in"], in: dir)
        #expect(one.err.contains("warning: 2026-10.csv: ignoring unknown column(s) Statut; \"Statut\" may be status: map it in fidelis.yml with columns: {\"Statut\": status}\n"), "\(one.err)")
    }

    /// Relative folders of one letter, new: `init` and `sample` crashed (SIGILL in Foundation's
    /// `deletingLastPathComponent`, see `PathParent`).
    @Test func oneLetterFolders() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        for arguments in [["init", "p"], ["init", "q/rr"], ["init", "z/"], ["sample", "--out", "k", "--customers", "5", "--months", "1"]] {
            let r = try run(arguments, in: dir)
            #expect(r.status == 0, "\(arguments): \(r.err)")
        }
        for path in ["p/fidelis.yml", "q/rr/templates/en/strategy.md.mustache", "z/fidelis.yml"] { #expect(FileManager.default.fileExists(atPath: dir + "/" + path), "\(path)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/k").count == 1)
    }

    @Test func initWritesConfigAndTemplatesThatBuild() throws {
        let dir = temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["init", "proj"], in: dir)
        #expect(r.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/proj/fidelis.yml"))
        #expect(FileManager.default.fileExists(atPath: dir + "/proj/templates/fr/strategy.md.mustache"))
        #expect(try run(["init", "proj"], in: dir).status == 73) // never overwrites
        let b = try run(["build", "--config", "proj/fidelis.yml", "--templates", "proj/templates", "--out", "out"], in: dir)
        #expect(b.status == 0)
        #expect(!b.err.contains("warning"), "\(b.err)")
        // The folder above the templates: built with the built-in ones, and the log says where they are.
        let above = try run(["build", "--templates", "proj", "--out", "out2"], in: dir)
        #expect(above.status == 0)
        #expect(above.err.contains("warning: proj: no template in this folder") && above.err.contains("did you mean --templates proj/templates?"), "\(above.err)")
        // A misspelt key in an edited template is named with its place, and again on an unchanged rebuild.
        let strategy = dir + "/proj/templates/en/strategy.md.mustache"
        try (try String(contentsOfFile: strategy, encoding: .utf8) + "\nTotal: {{counts.revenu_total}}\n").write(toFile: strategy, atomically: true, encoding: .utf8)
        let lines = try String(contentsOfFile: strategy, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let expected = "warning: proj/templates/en/strategy.md.mustache:\(lines):8: {{counts.revenu_total}} names nothing the template is given, so it renders empty"
        for _ in 0..<2 {
            let typo = try run(["build", "--templates", "proj/templates", "--out", "out3"], in: dir)
            #expect(typo.status == 0)
            #expect(typo.err.contains(expected), "\(typo.err)")
        }
    }
}

/// A build killed at any moment leaves the previous site byte for byte.
@Suite(.serialized) struct InterruptedBuildTests {
    @Test func sigkillAtRandomPointsLeavesThePreviousSite() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["sample", "--out", "in", "--customers", "20000", "--months", "6", "--quiet"], in: dir).status == 0)
        #expect(try cli.run(["build", "--snapshots", "in", "--quiet"], in: dir).status == 0)
        let before = try Self.tree(dir + "/site")
        #expect(before.count > 20)
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<6 {
            let process = Process()
            process.executableURL = CommandLineTests.executable
            process.arguments = ["build", "--snapshots", "in", "--quiet", "--locale", "fr"]
            process.currentDirectoryURL = URL(fileURLWithPath: dir)
            try process.run()
            usleep(UInt32.random(in: 5_000...400_000, using: &rng))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try Self.tree(dir + "/site")
            // Either the old site, or (if the build finished first) a complete new one.
            if after != before {
                #expect(after.keys.contains("index.html") && after.count == before.count)
            }
        }
        // The next build sweeps staging folders left by killed builds.
        #expect(try cli.run(["build", "--snapshots", "in", "--quiet"], in: dir).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains("staging") }.isEmpty)
        #expect(try Self.tree(dir + "/site") == before)
    }

    static func tree(_ root: String) throws -> [String: Data] {
        BuildFixture.files(under: root)
    }
}

/// An unchanged rebuild keeps the site; any change of input, config or templates rebuilds it.
@Suite(.serialized) struct RebuildCacheTests {
    @Test func unchangedRebuildKeepsTheSiteAndChangesRebuild() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["sample", "--out", "in", "--customers", "300", "--months", "3", "--quiet"], in: dir).status == 0)
        let first = try cli.run(["build", "--snapshots", "in"], in: dir)
        #expect(first.status == 0 && first.out.contains("Wrote site/index.html"))
        let site = try InterruptedBuildTests.tree(dir + "/site")
        #expect(site[".fidelis-cache"] != nil)
        let second = try cli.run(["build", "--snapshots", "in"], in: dir)
        #expect(second.status == 0 && second.out.contains("Unchanged"))
        #expect(try InterruptedBuildTests.tree(dir + "/site") == site)
        // It says what each raised escalation is about, as the full build did.
        let escalations = { (out: String) in out.split(separator: "\n").filter { $0.hasPrefix("escalation ") } }
        #expect(!escalations(first.out).isEmpty && escalations(second.out) == escalations(first.out), "\(first.out)\n\(second.out)")
        #expect(escalations(second.out).allSatisfy { $0.contains(": ") && !$0.hasSuffix(" raised") })
        // A changed config (locale) rebuilds, and going back rebuilds to the same bytes.
        #expect(try cli.run(["build", "--snapshots", "in", "--locale", "fr"], in: dir).out.contains("Wrote"))
        #expect(try cli.run(["build", "--snapshots", "in"], in: dir).out.contains("Wrote"))
        #expect(try InterruptedBuildTests.tree(dir + "/site") == site)
        // A changed input byte rebuilds.
        let file = dir + "/in/2026-10.csv"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "C000001,", with: "C000001 ,")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["build", "--snapshots", "in"], in: dir).out.contains("Wrote"))
        #expect(try InterruptedBuildTests.tree(dir + "/site") != site)
        // --fail-on still answers from a kept site.
        let kept = try cli.run(["build", "--snapshots", "in", "--fail-on", "any"], in: dir)
        #expect(kept.out.contains("Unchanged"))
        #expect(kept.status == 3)
        // A month dropped in compressed is not read, but the build says so: it is not skipped.
        try Data([0x1F, 0x8B]).write(to: URL(fileURLWithPath: dir + "/in/2026-11.csv.gz"))
        let unread = try cli.run(["build", "--snapshots", "in"], in: dir)
        #expect(unread.status == 0 && !unread.out.contains("Unchanged"), "\(unread.out)")
        #expect(unread.err.contains("warning: 2026-11.csv.gz is not read, as only .csv files are: decompress it into the folder to read it"), "\(unread.err)")
    }

    /// A new month's build reuses the folders of the months before it (all but their HTML pages,
    /// which list the new month) and gives the same bytes as a full build of the same input; a changed
    /// month is rebuilt with every month after it, and a damaged view archive is not trusted.
    @Test func newMonthReusesEarlierSnapshotsAndMatchesAFullBuild() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["sample", "--out", "all", "--customers", "400", "--months", "5", "--quiet"], in: dir).status == 0)
        let fm = FileManager.default
        let months = try fm.contentsOfDirectory(atPath: dir + "/all").sorted()
        try #require(months.count == 5)
        try fm.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        func add(_ name: String) throws { try fm.copyItem(atPath: dir + "/all/" + name, toPath: dir + "/in/" + name) }
        /// Builds `in` into `site` (reusing) and into a fresh `full`; the trees must be equal.
        @discardableResult func buildBoth(reusing expected: Int) throws -> CommandLineTests.Run {
            let run = try cli.run(["build", "--snapshots", "in"], in: dir)
            #expect(run.status == 0, "\(run.err)")
            let note = "(pages of \(expected) unchanged snapshot(s) reused)"
            #expect(expected == 0 ? !run.out.contains("reused") : run.out.contains(note), "\(run.out)")
            try? fm.removeItem(atPath: dir + "/full")
            #expect(try cli.run(["build", "--snapshots", "in", "--out", "full", "--quiet"], in: dir).status == 0)
            let site = try InterruptedBuildTests.tree(dir + "/site"), full = try InterruptedBuildTests.tree(dir + "/full")
            #expect(site.keys.sorted() == full.keys.sorted())
            for (name, bytes) in full where site[name] != bytes { Issue.record("\(name) differs from a full build") }
            return run
        }
        for name in months.prefix(3) { try add(name) }
        try buildBoth(reusing: 0)
        let site = try InterruptedBuildTests.tree(dir + "/site")
        #expect(site[months[0].replacingOccurrences(of: ".csv", with: "/.fidelis-views.json")] != nil)
        // A new month: the three before it are reused.
        try add(months[3])
        try buildBoth(reusing: 3)
        // A change in the second month: only the first is reused.
        let second = dir + "/in/" + months[1]
        let text = try String(contentsOfFile: second, encoding: .utf8)
        try text.replacingOccurrences(of: "C000001,", with: "C000001 ,").write(toFile: second, atomically: true, encoding: .utf8)
        let changed = try buildBoth(reusing: 1)
        // It is named: the published months after it may show other figures.
        let label = months[1].replacingOccurrences(of: ".csv", with: "")
        #expect((changed.out + changed.err).contains("\(label): its file, or one just before it, was changed, added or removed since the last build: it and the 2 snapshots after it are computed again"),
                "\(changed.out)\(changed.err)")
        // The last month removed: the ones before the new last are reused.
        try fm.removeItem(atPath: dir + "/in/" + months[3])
        try buildBoth(reusing: 2)
        // A damaged archive stops the reuse at its month; a new month then reuses nothing before it.
        let archive = dir + "/site/" + months[0].replacingOccurrences(of: ".csv", with: "/.fidelis-views.json")
        try Data("{\"base\": {\"v\": 3}}".utf8).write(to: URL(fileURLWithPath: archive))
        try add(months[4])
        try buildBoth(reusing: 0)
        // Another locale rebuilds every month.
        let french = try cli.run(["build", "--snapshots", "in", "--locale", "fr"], in: dir)
        #expect(french.status == 0 && french.out.contains("Wrote") && !french.out.contains("reused"), "\(french.out)")
    }

    /// A build that keeps the site prints the warnings of the build that made it (it reads nothing
    /// itself, so it could not find them again).
    @Test func anUnchangedRebuildRepeatsTheWarnings() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try "customer_id,first_order_date,last_order_date,orders,revenue,shoe_size\nC1,2026-01-05,2026-09-20,3,120.50,42\n"
            .write(toFile: dir + "/in/2026-09.csv", atomically: true, encoding: .utf8)
        let first = try cli.run(["build", "--snapshots", "in"], in: dir)
        #expect(first.status == 0 && first.err.contains("warning: 2026-09.csv: ignoring unknown column(s) shoe_size"), "\(first.err)")
        let second = try cli.run(["build", "--snapshots", "in"], in: dir)
        #expect(second.out.contains("Unchanged"))
        #expect(second.err.contains("warning: 2026-09.csv: ignoring unknown column(s) shoe_size"), "\(second.err)")
    }

    /// An unknown column whose name is not UTF-8 (a Windows-1252 export) says how to re-save the
    /// file: an alias written in UTF-8 (`Référence`) cannot match it.
    @Test func anUnknownColumnThatIsNotUTF8SaysSo() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let bytes = Array("customer_id,first_order_date,last_order_date,orders,revenue,R".utf8) + [0xE9, 0x66, 0xE9] + Array("rence\nC1,2026-01-05,2026-09-20,3,120.50,X\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/in/2026-09.csv"))
        let run = try cli.run(["validate", "--snapshots", "in"], in: dir)
        #expect(run.status == 0 && run.err.contains("ignoring unknown column(s) R\u{FFFD}f\u{FFFD}rence (not UTF-8 text: the file looks saved as Windows-1252 or Latin-1"), "\(run.err)")
    }

    /// A site whose record matches the input but which lost a file since (deleted by hand, an
    /// interrupted copy) is written again, not kept: the rebuild said the site was whole.
    @Test func anUnchangedRebuildOfASiteMissingAFileWritesItAgain() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        for month in ["2026-08", "2026-09"] {
            try "customer_id,first_order_date,last_order_date,orders,revenue\nC1,2026-01-05,2026-07-20,3,120.50\n"
                .write(toFile: dir + "/in/\(month).csv", atomically: true, encoding: .utf8)
        }
        #expect(try cli.run(["build", "--snapshots", "in"], in: dir).status == 0)
        let full = try String(contentsOfFile: dir + "/site/2026-08/segmentation.html", encoding: .utf8)
        for missing in ["index.html", "2026-08/segmentation.html", "2026-09/metrics.json", "assets/style.css"] {
            try FileManager.default.removeItem(atPath: dir + "/site/" + missing)
            let again = try cli.run(["build", "--snapshots", "in"], in: dir)
            #expect(again.status == 0 && !again.out.contains("Unchanged"), "\(again.out)")
            #expect(again.err.contains("\(missing) is missing, changed or added since the last build: writing the site again"), "\(again.err)")
            #expect(FileManager.default.fileExists(atPath: dir + "/site/" + missing))
        }
        #expect(try String(contentsOfFile: dir + "/site/2026-08/segmentation.html", encoding: .utf8) == full)
        // Whole again: kept.
        #expect(try cli.run(["build", "--snapshots", "in"], in: dir).out.contains("Unchanged"))
        // A file emptied, cut short or edited (a cache restore cut short, a hand edit) was kept and
        // published as it was: written again too, whether the edit keeps the size or not.
        let metrics = try String(contentsOfFile: dir + "/site/2026-09/metrics.json", encoding: .utf8)
        for (file, damage) in [("index.html", ""), ("2026-09/metrics.json", String(metrics.prefix(100))),
                               ("2026-08/diagnostic.md", "garbage\n"), ("2026-09/metrics.json", metrics.replacingOccurrences(of: "\"buyers\": 1", with: "\"buyers\": 7"))] {
            let before = try String(contentsOfFile: dir + "/site/" + file, encoding: .utf8)
            #expect(damage != before)
            try damage.write(toFile: dir + "/site/" + file, atomically: false, encoding: .utf8)
            let again = try cli.run(["build", "--snapshots", "in"], in: dir)
            #expect(again.status == 0 && !again.out.contains("Unchanged") && again.err.contains("\(file) is missing, changed or added since the last build"), "\(again.err)")
            #expect(try String(contentsOfFile: dir + "/site/" + file, encoding: .utf8) == before)
        }
        // A file added to the site was kept, and published, by a build that kept the site; a file
        // replaced by a link to the same bytes was trusted and then hard-linked, dangling, into the
        // next site. Both now make the site written again.
        try "notes".write(toFile: dir + "/site/2026-08/notes.txt", atomically: false, encoding: .utf8)
        let added = try cli.run(["build", "--snapshots", "in"], in: dir)
        #expect(added.err.contains("2026-08/notes.txt is missing, changed or added since the last build"), "\(added.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/site/2026-08/notes.txt"))
        try FileManager.default.moveItem(atPath: dir + "/site/2026-08/strategy.md", toPath: dir + "/strategy.md")
        try FileManager.default.createSymbolicLink(atPath: dir + "/site/2026-08/strategy.md", withDestinationPath: dir + "/strategy.md")
        let linked = try cli.run(["build", "--snapshots", "in"], in: dir)
        #expect(linked.err.contains("2026-08/strategy.md is missing, changed or added since the last build"), "\(linked.err)")
        #expect(try FileManager.default.attributesOfItem(atPath: dir + "/site/2026-08/strategy.md")[.type] as? FileAttributeType == .typeRegular)
        #expect(try cli.run(["build", "--snapshots", "in"], in: dir).out.contains("Unchanged"))
        // A build record with a line of spaces (a hand edit) crashed the build (index out of range):
        // it is not trusted, and the site is written again.
        let record = dir + "/site/.fidelis-cache"
        try (String(contentsOfFile: record, encoding: .utf8) + "   \n").write(toFile: record, atomically: false, encoding: .utf8)
        let spaces = try cli.run(["build", "--snapshots", "in"], in: dir)
        #expect(spaces.status == 0 && !spaces.out.contains("Unchanged"), "\(spaces.out)\(spaces.err)")
        #expect(try cli.run(["build", "--snapshots", "in"], in: dir).out.contains("Unchanged"))
        // A config that is a named pipe is refused (build waited for a writer for ever).
        #expect(mkfifo(dir + "/pipe.yml", 0o644) == 0)
        try cli.expect(["build", "--snapshots", "in", "--config", "pipe.yml"], in: dir, status: 65, saying: "the config file is a named pipe or a socket, not a file")
    }

    /// A French terminal (`LANG=fr_FR.UTF-8`) gets the run's progress, summaries and escalations
    /// in French, whatever the report's language; `LC_ALL=C` or a CI runner's `C.UTF-8` keeps them
    /// in English. A build that keeps the site says its escalations in French too (from its record).
    @Test func theConsoleSpeaksTheTerminalsLanguage() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let french: [String: String?] = ["LANG": "fr_FR.UTF-8"]
        let first = try cli.run(["build", "--locale", "en"], in: dir, environment: french)
        #expect(first.status == 0)
        for line in ["[1/4] Chargement des modèles (en)", "[2/4] Lecture des données", "[3/4] Calcul de 12 relevé(s) et écriture des pages",
                     "2026-10\u{00A0}: 600 clients, 521 acheteurs, ", "[4/4] Écriture de l'index du site et mise en place"] {
            #expect(first.err.contains(line), "\(line)\n\(first.err)")
        }
        for line in ["Écrit site/index.html\u{00A0}: 12 relevé(s), 4\u{202F}954 lignes, ", "escalade nps_critical\u{00A0}: NPS 11,6 sous 30",
                     "escalade churn_crisis\u{00A0}: taux de churn 18,5\u{202F}% au-dessus de 10\u{202F}%", "escalade public_complaint\u{00A0}: 4 plaintes publiques"] {
            #expect(first.out.contains(line), "\(line)\n\(first.out)")
        }
        // The report itself is in the language asked for.
        #expect(try String(contentsOfFile: dir + "/site/index.html", encoding: .utf8).contains("<html lang=\"en\""))
        let kept = try cli.run(["build", "--locale", "en"], in: dir, environment: french)
        #expect(kept.out.hasPrefix("Inchangé\u{00A0}: site/index.html gardé (12 relevé(s), données hachées en ")
                && kept.out.contains("escalade churn_crisis\u{00A0}: taux de churn 18,5\u{202F}% au-dessus de 10\u{202F}%"), "\(kept.out)")
        let english = try cli.run(["build", "--locale", "fr"], in: dir, environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "C"])
        #expect(english.out.hasPrefix("Wrote site/index.html: 12 snapshot(s), 4954 rows, ") && english.out.contains("escalation churn_crisis: churn rate 18.5% above 10%"), "\(english.out)")
        let failing = try cli.run(["build", "--fail-on", "churn_crisis", "--quiet"], in: dir, environment: french)
        #expect(failing.status == 3 && failing.err.contains("erreur\u{00A0}: escalade(s) levée(s) dans 2026-10\u{00A0}: churn_crisis"), "\(failing.err)")
        let checked = try cli.run(["validate", "--snapshots", CommandLineTests.packageRoot + "/Examples/snapshots"], in: dir, environment: french)
        #expect(checked.status == 0 && checked.out.contains("OK\u{00A0}: 12 relevé(s), 4\u{202F}954 lignes, ")
                && checked.out.contains("  2026-10 (au 2026-10-31)\u{00A0}: 600 clients, 521 acheteurs, 171 actif(s), CA 95\u{202F}365,67 EUR (183,04 EUR par acheteur), rétention 81,5\u{202F}%, escalades\u{00A0}: nps_critical, churn_crisis, public_complaint"), "\(checked.out)")
    }

    /// The argument parser's usage errors in French too: its frame (`Erreur :`, `Aide :`, `Voir …`)
    /// and its own messages, the value names (`<dossier>`); the status 64.
    @Test func usageErrorsSpeakTheTerminalsLanguage() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let french: [String: String?] = ["LANG": "fr_FR.UTF-8"], s = "\u{00A0}"
        for (arguments, lines) in [
            (["build", "--bogus"], ["Erreur\(s): option inconnue '--bogus'. Vouliez-vous dire '--out'\(s)?"]),
            (["build", "--out"], ["Erreur\(s): valeur manquante pour '--out <dossier>'", "Aide\(s): --out <dossier>  Dossier de sortie."]),
            (["build", "--locale", "de"], ["Erreur\(s): la valeur 'de' n'est pas valable pour '--locale <en|fr>'. Valeurs possibles\(s): 'en' et 'fr'."]),
            (["build", "--quiet=3"], ["Erreur\(s): l'option '--quiet' ne prend pas de valeur, mais '3' a été donné."]),
            (["sample"], ["Erreur\(s): argument manquant\(s): '--out <dossier>'"]),
            (["build", "a", "b"], ["Erreur\(s): 2 arguments inattendus\(s): 'a', 'b'"]),
            (["build", "--snapshots", "a", "--transactions", "b"], ["Erreur\(s): Donnez --snapshots ou --transactions, pas les deux."]),
        ] {
            let run = try cli.run(arguments, in: dir, environment: french)
            let got = run.err.split(separator: "\n").map(String.init)
            #expect(run.status == 64, "\(arguments)")
            for line in lines { #expect(got.contains(line), "\(arguments): \(run.err)") }
            #expect(got.contains { $0.hasPrefix("Usage\(s): fidelis-report \(arguments[0]) ") } && got.last == "  Voir 'fidelis-report \(arguments[0]) --help' pour en savoir plus.", "\(run.err)")
        }
        let english = try cli.run(["build", "--bogus"], in: dir, environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "C"])
        #expect(english.status == 64 && english.err.hasPrefix("Error: Unknown option '--bogus'. Did you mean '--out'?\nUsage: fidelis-report build ")
                && english.err.hasSuffix("  See 'fidelis-report build --help' for more information.\n"), "\(english.err)")
    }

    /// `--help` and `help COMMAND` in French too: the commands' texts, the parser's frame, its
    /// `(default: …)` and `(values: …)` notes (wrapped with the text they follow) and its own
    /// lines; the value names of the synopsis (`<dossier>`, `<fichier>`; the date's stays as the
    /// messages write it). In English, as before.
    @Test func helpSpeaksTheTerminalsLanguage() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let french: [String: String?] = ["LANG": "fr_FR.UTF-8"], s = "\u{00A0}"
        let build = try cli.run(["build", "--help"], in: dir, environment: french)
        let lines = build.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(build.status == 0 && build.err.isEmpty)
        for line in ["DESCRIPTION\(s): Génère le site du rapport (données par défaut\(s): l'exemple livré).", "OPTIONS\(s):",
                     "  --out <dossier>         Dossier de sortie. (par défaut\(s): site)",
                     "  --delimiter <séparateur>",
                     "                          Langue du rapport (prime sur la config). (valeurs\(s): en,",
                     "  --version               Afficher la version.", "  -h, --help              Afficher cette aide."] {
            #expect(lines.contains(line), "\(line)\n\(build.out)")
        }
        #expect(lines.contains { $0.hasPrefix("USAGE\(s): fidelis-report build [--snapshots <dossier>] [--transactions <fichier>] [--as-of <yyyy-mm-dd>] ") })
        #expect(!build.out.contains("(default:") && !build.out.contains("(values:") && !build.out.contains("Show "), "\(build.out)")
        let root = try cli.run(["help"], in: dir, environment: french)
        #expect(root.status == 0 && root.out.contains("\nSOUS-COMMANDES\(s):\n") && root.out.contains("\nCode de sortie\(s): 0 terminé")
                && root.out.hasSuffix("\n  Voir 'fidelis-report help <sous-commande>' pour l'aide détaillée.\n"), "\(root.out)")
        let initHelp = try cli.run(["help", "init"], in: dir, environment: french)
        #expect(initHelp.out.contains("\nARGUMENTS\(s):\n") && initHelp.out.contains("(par défaut\(s): .)"), "\(initHelp.out)")
        let english = try cli.run(["build", "--help"], in: dir, environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "C"])
        #expect(english.status == 0 && english.out.hasPrefix("OVERVIEW: Build the report site (default input: the shipped example data).\n")
                && english.out.contains("  --out <dir>             Output folder. (default: site)\n")
                && english.out.contains("USAGE: fidelis-report build [--snapshots <dir>] [--transactions <file>] [--as-of <yyyy-mm-dd>] [--config <file>] [--delimiter <char>] ")
                && english.out.contains("  -h, --help              Show help information.\n"), "\(english.out)")
        // A version is a version.
        let version = try cli.run(["--version"], in: dir, environment: french)
        #expect(version.status == 0 && version.out.wholeMatch(of: #/\d+\.\d+\.\d+\n/#) != nil, "\(version.out)")
    }

    /// A same-size edit in the middle of a file over 1 MiB (a large `segments.csv`, whose middle the
    /// record does not read) was kept and published as it was: the edit's new time is seen now.
    @Test func aSameSizeEditInTheMiddleOfALargeFileIsSeen() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["sample", "--out", "in", "--customers", "30000", "--months", "2", "--quiet"], in: dir).status == 0)
        #expect(try cli.run(["build", "--snapshots", "in", "--quiet"], in: dir).status == 0)
        let month = try #require(FileManager.default.contentsOfDirectory(atPath: dir + "/in").sorted().last).dropLast(4)
        let path = dir + "/site/\(month)/segments.csv"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(before.count > 1 << 20, "over the 1 MiB read whole")
        let time = try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        // A digit in the middle changed, as a hand edit or a damaged cache would: same size.
        var edited = before
        let middle = try #require(edited[(edited.count / 2)...].firstIndex { $0 >= 0x30 && $0 <= 0x39 })
        edited[middle] = edited[middle] == 0x39 ? 0x30 : edited[middle] + 1
        try edited.write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: time.addingTimeInterval(5)], ofItemAtPath: path)
        let again = try cli.run(["build", "--snapshots", "in"], in: dir)
        #expect(again.status == 0 && !again.out.contains("Unchanged")
                && again.err.contains("\(month)/segments.csv is missing, changed or added since the last build: writing the site again"), "\(again.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try cli.run(["build", "--snapshots", "in"], in: dir).out.contains("Unchanged"))
    }

    /// Reused files take the mode of a file written now: a site first built under umask 077 lent
    /// its 600 files to a build under 022, whose web server then could not read them.
    @Test func reusedFilesTakeTheModeOfNewOnes() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["sample", "--out", "all", "--customers", "30", "--months", "3", "--quiet"], in: dir).status == 0)
        let months = try FileManager.default.contentsOfDirectory(atPath: dir + "/all").sorted()
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        for month in months.prefix(2) { try FileManager.default.copyItem(atPath: dir + "/all/" + month, toPath: dir + "/in/" + month) }
        let exe = CommandLineTests.executable.path
        #expect(try cli.run(["-c", "umask 077 && '\(exe)' build --snapshots in --quiet"], in: dir, program: "/bin/bash").status == 0)
        try FileManager.default.copyItem(atPath: dir + "/all/" + months[2], toPath: dir + "/in/" + months[2])
        let next = try cli.run(["-c", "umask 022 && '\(exe)' build --snapshots in"], in: dir, program: "/bin/bash")
        #expect(next.status == 0 && next.err.contains("unchanged since the last build: pages reused"), "\(next.err)")
        for file in FileManager.default.subpaths(atPath: dir + "/site") ?? [] {
            let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/site/" + file)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            #expect((attributes[.posixPermissions] as? Int) == 0o644, "\(file)")
        }
    }

    /// With a new month, a month's folder is reused from the site being replaced only when its files
    /// are those the last build wrote (a damaged one was carried into every later site), and only
    /// when the site was built with the same implicit config: the shipped examples' "Demo" client
    /// is in no file, and their months were reused, titles and all, by a build of the same files
    /// copied into a folder of the team's own.
    @Test func aNewMonthReusesOnlyUndamagedFoldersOfTheSameConfig() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let examples = CommandLineTests.packageRoot + "/Examples/snapshots"
        let months = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".csv") }.sorted()
        for month in months.prefix(4) { try FileManager.default.copyItem(atPath: examples + "/" + month, toPath: dir + "/in/" + month) }
        #expect(try cli.run(["build", "--quiet"], in: dir).status == 0)   // the examples: "Demo"
        let own = try cli.run(["build", "--snapshots", "in"], in: dir)
        #expect(own.status == 0 && !own.err.contains("unchanged since the last build"), "\(own.err)")
        let second = String(months[1].dropLast(4)), third = String(months[2].dropLast(4))
        #expect(try !String(contentsOfFile: dir + "/site/\(second)/diagnostic.md", encoding: .utf8).contains("Demo"))
        try "garbage\n".write(toFile: dir + "/site/\(third)/segmentation.md", atomically: false, encoding: .utf8)
        try FileManager.default.copyItem(atPath: examples + "/" + months[4], toPath: dir + "/in/" + months[4])
        let next = try cli.run(["build", "--snapshots", "in"], in: dir)
        #expect(next.status == 0 && next.err.contains("\(third)/segmentation.md is missing or changed since the last build: \(third) is computed again")
                && next.err.contains("(2 unchanged since the last build: pages reused)"), "\(next.err)")
        #expect(try cli.run(["build", "--snapshots", "in", "--out", "full", "--quiet"], in: dir).status == 0)
        for month in months.prefix(5).map({ String($0.dropLast(4)) }) {
            for file in ["segmentation.md", "metrics.json", "diagnostic.html"] {
                #expect(try String(contentsOfFile: dir + "/site/\(month)/\(file)", encoding: .utf8) == String(contentsOfFile: dir + "/full/\(month)/\(file)", encoding: .utf8),
                        "\(month)/\(file)")
            }
        }
    }

    /// Options that would silently do nothing or the wrong thing are usage errors; validate says
    /// what it checked.
    @Test func emptyOptionsAreUsageErrorsAndValidateSaysWhatItChecked() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let failOn = try cli.run(["build", "--fail-on", ""], in: dir)
        #expect(failOn.status == 64 && failOn.err.contains("--fail-on names no escalation"), "\(failOn.err)")
        let out = try cli.run(["build", "--out", ""], in: dir)
        #expect(out.status == 64 && out.err.contains("--out is empty"), "\(out.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/index.html"))
        for arguments in [["sample", "--out", ""], ["sample", "--out", " "], ["init", ""], ["validate", "--snapshots", ""], ["build", "--config", ""], ["build", "--out", " "]] {
            let run = try cli.run(arguments, in: dir)
            #expect(run.status == 64 && run.err.contains("is empty"), "\(arguments): \(run.err)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "nothing written")
        let sample = try cli.run(["sample", "--out", "s", "--customers", "0"], in: dir)
        #expect(sample.status == 64 && sample.err.contains("--customers must be at least 1."), "\(sample.err)")
        for (option, value, message) in [("--months", "0", "--months must be between 1 and 600."), ("--months", "601", "--months must be between 1 and 600."),
                                         ("--customers", "50000001", "--customers must be at most 50000000.")] {
            let bad = try cli.run(["sample", "--out", "s", option, value], in: dir)
            #expect(bad.status == 64 && bad.err.contains(message), "\(option) \(value): \(bad.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/s"), "nothing written")
        let help = try cli.run(["help", "build"], in: dir).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("Ids: vip_at_risk, nps_critical, churn_crisis, public_complaint, large_refund."), "\(help)")
        let trailing = try cli.run(["build", "--out", "site/"], in: dir)
        #expect(trailing.status == 0 && trailing.out.contains("Wrote site/index.html"), "\(trailing.out)")
        let validate = try cli.run(["validate"], in: dir)
        #expect(validate.out.hasPrefix("Checked the shipped example snapshots"), "\(validate.out)")
        #expect(validate.out.contains("; config defaults (no fidelis.yml here)"))
        try "client: X\n".write(toFile: dir + "/fidelis.yaml", atomically: true, encoding: .utf8)
        try "client: Y\n".write(toFile: dir + "/Fidelis.yml", atomically: true, encoding: .utf8)
        let yaml = try cli.run(["validate"], in: dir)
        #expect(yaml.err.contains("warning: fidelis.yaml is not read (the config file is fidelis.yml)"), "\(yaml.err)")
        #expect(yaml.err.contains("warning: Fidelis.yml is not read"), "\(yaml.err)")
        // Beside a fidelis.yml, which is read, the other spellings are still named.
        try "client: Z\n".write(toFile: dir + "/fidelis.yml", atomically: true, encoding: .utf8)
        let both = try cli.run(["validate", "--templates", CommandLineTests.packageRoot + "/Templates"], in: dir)
        #expect(both.err.contains("warning: fidelis.yaml is not read"), "\(both.err)")
        #expect(both.out.contains("; config fidelis.yml; templates "), "\(both.out)")
    }

    /// Template warnings show under --quiet and again on an unchanged rebuild; init's templates
    /// folder, when not given, is named as not read; sample --ledger names its file.
    @Test func templateWarningsUnderQuietAndUnreadTemplates() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/tpl/en", withIntermediateDirectories: true)
        try "# x\n".write(toFile: dir + "/tpl/en/diagnostics.md.mustache", atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            let run = try cli.run(["build", "--templates", "tpl", "--quiet"], in: dir)
            #expect(run.status == 0)
            #expect(run.err.components(separatedBy: "warning: tpl: no template in this folder").count == 2, "\(run.err)")
        }
        #expect(try cli.run(["init", "."], in: dir).status == 0)
        let unread = try cli.run(["build", "--quiet", "--out", "s2"], in: dir)
        #expect(unread.err.contains("warning: templates/ here is not read unless given: pass --templates templates to use it"), "\(unread.err)")
        #expect(!(try cli.run(["build", "--quiet", "--out", "s3", "--templates", "templates"], in: dir)).err.contains("templates/ here is not read"))
        let ledger = try cli.run(["sample", "--ledger", "--out", "sl", "--customers", "5", "--months", "1"], in: dir)
        #expect(ledger.out.contains("to sl/transactions.csv (give it with --transactions)"), "\(ledger.out)")
    }

    /// A binary that cannot find its built-in templates says so, and what to do; init then writes
    /// nothing (it left a fidelis.yml without templates). A folder FIDELIS_TEMPLATES names and that
    /// is not there is input missing (66); it was reported as a broken template (65).
    @Test func missingBuiltInTemplatesAreSaidAndInitWritesNothing() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let binary = CommandLineTests.executable.path
        let initRun = try cli.run(["FIDELIS_TEMPLATES=/nonexistent-templates", binary, "init", "cfg"], in: dir, program: "/usr/bin/env")
        #expect(initRun.status == 66 && initRun.err.contains("/nonexistent-templates: FIDELIS_TEMPLATES names no folder (expected the Templates folder of fidelis-report, or FIDELIS_TEMPLATES unset to use the built-in one)"), "\(initRun.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/cfg"))
        let build = try cli.run(["FIDELIS_TEMPLATES=/nonexistent-templates", binary, "build", "--quiet"], in: dir, program: "/usr/bin/env")
        #expect(build.status == 66 && build.err.contains("/nonexistent-templates: FIDELIS_TEMPLATES names no folder"), "\(build.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/site"))
    }

    /// A header-only file (an export cut short) and months without a file are warned about: both
    /// read as a fall in retention.
    @Test func aHeaderOnlyFileAndMissingMonthsAreWarnedAbout() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let header = "customer_id,first_order_date,last_order_date,orders,revenue\n"
        try (header + "C1,2026-01-05,2026-04-20,3,120.50\n").write(toFile: dir + "/in/2026-04.csv", atomically: true, encoding: .utf8)
        try (header + "C1,2026-01-05,2026-04-20,3,120.50\n").write(toFile: dir + "/in/2026-07.csv", atomically: true, encoding: .utf8)
        try header.write(toFile: dir + "/in/2026-08.csv", atomically: true, encoding: .utf8)
        for command in ["validate", "build"] {
            let run = try cli.run([command, "--snapshots", "in"], in: dir)
            #expect(run.status == 0, "\(run.err)")
            #expect(run.err.contains("warning: no snapshot for 2026-05, 2026-06: 2026-07.csv's retention and churn compare it with 2026-04.csv, 3 months earlier"), "\(run.err)")
            #expect(run.err.contains("warning: 2026-08.csv: the file has a header row but no customer row (an export cut short?)"), "\(run.err)")
        }
        // Quiet, as in CI: the warnings still show, once each.
        let quiet = try cli.run(["build", "--snapshots", "in", "--quiet", "--out", "q"], in: dir)
        #expect(quiet.status == 0 && quiet.out.isEmpty)
        #expect(quiet.err.components(separatedBy: "warning: no snapshot for 2026-05, 2026-06").count == 2, "\(quiet.err)")
    }

    /// Repeat buyers without a first order date are warned about once a build (the first file that
    /// has them, with their count): predicted CLV reads them as all their orders on one day.
    @Test func repeatBuyersWithoutAFirstOrderDateAreWarnedAboutOnce() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let header = "customer_id,first_order_date,last_order_date,orders,revenue\n"
        // C1 has its date; C2 one order (its first is its last); C3 and C4 repeat buyers without.
        try (header + "C1,2026-01-05,2026-04-20,3,120.50\nC2,,2026-04-02,1,20\nC3,,2026-04-11,2,40\n").write(toFile: dir + "/in/2026-04.csv", atomically: true, encoding: .utf8)
        try (header + "C1,2026-01-05,2026-04-20,3,120.50\nC2,,2026-04-02,1,20\nC3,,2026-05-11,3,60\nC4,,2026-05-03,2,10\n").write(toFile: dir + "/in/2026-05.csv", atomically: true, encoding: .utf8)
        let run = try cli.run(["build", "--snapshots", "in", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("warning: 2026-04.csv: 1 repeat buyer(s) have no first_order_date"), "\(run.err)")
        #expect(run.err.components(separatedBy: "have no first_order_date").count == 2, "\(run.err)")
        // With the dates, nothing is said.
        try (header + "C1,2026-01-05,2026-04-20,3,120.50\n").write(toFile: dir + "/in/2026-04.csv", atomically: true, encoding: .utf8)
        try (header + "C1,2026-01-05,2026-04-20,3,120.50\n").write(toFile: dir + "/in/2026-05.csv", atomically: true, encoding: .utf8)
        let dated = try cli.run(["validate", "--snapshots", "in"], in: dir)
        #expect(dated.status == 0 && !dated.err.contains("first_order_date"), "\(dated.err)")
    }

    /// A ledger that grows by a month keeps the month ends before it (each keyed by a digest of its
    /// month's lines, whatever their order in the file); a changed old line rebuilds from its month
    /// on. Every build gives the bytes of a full build.
    @Test func aLedgerThatGrowsByAMonthReusesTheMonthsBeforeIt() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["sample", "--ledger", "--out", "all", "--customers", "300", "--months", "3", "--quiet"], in: dir).status == 0)
        let text = try String(contentsOfFile: dir + "/all/transactions.csv", encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        let date = try #require(header.split(separator: ",").firstIndex(of: "date"))
        func month(_ line: String) -> String { String(line.split(separator: ",")[date].prefix(7)) }
        let months = Set(lines.map(month)).sorted()
        try #require(months.count >= 4)
        let fm = FileManager.default
        func build(_ body: [String], reusing expected: Int) throws {
            try ([header] + body).joined(separator: "\n").appending("\n").write(toFile: dir + "/t.csv", atomically: true, encoding: .utf8)
            let run = try cli.run(["build", "--transactions", "t.csv"], in: dir)
            #expect(run.status == 0, "\(run.err)")
            #expect(expected == 0 ? !run.out.contains("reused") : run.out.contains("(pages of \(expected) unchanged snapshot(s) reused)"), "\(run.out)")
            try? fm.removeItem(atPath: dir + "/full")
            #expect(try cli.run(["build", "--transactions", "t.csv", "--out", "full", "--quiet"], in: dir).status == 0)
            let site = try InterruptedBuildTests.tree(dir + "/site"), full = try InterruptedBuildTests.tree(dir + "/full")
            #expect(site.keys.sorted() == full.keys.sorted())
            for (name, bytes) in full where site[name] != bytes { Issue.record("\(name) differs from a full build") }
        }
        let lastMonth = months[months.count - 1]
        let earlier = lines.filter { month($0) < lastMonth }
        try build(earlier, reusing: 0)
        // The last month's lines arrive, in another order: every month end before it is reused.
        try build(lines.filter { month($0) == lastMonth } + earlier.reversed(), reusing: months.count - 1)
        // A line of the second month changes: only the first month end is reused.
        var edited = lines
        let k = try #require(edited.firstIndex { month($0) == months[1] })
        var fields = edited[k].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let amount = try #require(header.split(separator: ",").firstIndex(of: "amount"))
        fields[amount] = "1234.56"
        edited[k] = fields.joined(separator: ",")
        try build(edited, reusing: 1)
    }

    /// Another build of the tool (here: the same executable with another GNU build id, one byte of
    /// its note changed, which still runs) does not reuse the site: its figures or pages might differ.
    /// The tool is told by that id (`BuildCache.executableFingerprint`), which the linker makes a
    /// hash of the executable's contents.
    @Test func anotherBuildOfTheToolRebuilds() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["sample", "--out", "in", "--customers", "200", "--months", "2", "--quiet"], in: dir).status == 0)
        #expect(try cli.run(["build", "--snapshots", "in"], in: dir).out.contains("Wrote"))
        #expect(try cli.run(["build", "--snapshots", "in"], in: dir).out.contains("Unchanged"))
        let other = dir + "/fidelis-report-other"
        var bytes = try Data(contentsOf: CommandLineTests.executable)
        let id = try #require(ExecutableFingerprintTests.buildID(in: bytes), "no GNU build id note in the executable")
        bytes[id.lowerBound] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: other))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: other)
        let rebuilt = try cli.run(["build", "--snapshots", "in"], in: dir, program: other)
        #expect(rebuilt.status == 0 && rebuilt.out.contains("Wrote"), "\(rebuilt.out)")
        #expect(try cli.run(["build", "--snapshots", "in"], in: dir, program: other).out.contains("Unchanged"))
    }
}
