import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Takes back what a run has half-written when it is interrupted (Ctrl-C, `kill`, a closed
/// terminal, a cancelled CI job: SIGINT, SIGTERM, SIGHUP), then ends the process by that signal,
/// as it would have ended without this (exit status 130, 143 or 129 in a shell). A closed pipe
/// (`build | head`) is not one of them: the tool ignores SIGPIPE from its start (`FidelisReport.main`),
/// and what is written to the pipe is dropped (`StandardError`, `print`).
///
/// A build killed before its swap left its staging folder (130 MB for 1 M customers × 12 months)
/// and its lock file beside the site, until the next build swept them; an interrupted `sample` left
/// a file cut in the middle of a row under a snapshot's name, and the folder it was writing was
/// then refused by the next `sample`. Each writer registers how to undo its work while the work is
/// in progress (`register`), and unregisters it once the work is complete; a step that must not be
/// cut in two (the swap of a site) runs `uncut`, which the cleanup waits for.
public final class InterruptCleanup: @unchecked Sendable {
    /// The process's one instance.
    public static let shared = InterruptCleanup()

    /// What a registered undo reports once done, printed on standard error ("site is as it was").
    public typealias Undo = @Sendable () -> String?

    /// Held by `uncut` sections and, from the first signal on, by the cleanup for good.
    private let section = NSRecursiveLock()
    /// Guards `undos` and `nextToken`.
    private let registry = NSLock()
    private var undos: [(token: Int, undo: Undo)] = []
    private var nextToken = 0
    private var sources: [DispatchSourceSignal] = []
    private var installed = false
    /// Set by the first signal, before its cleanup starts.
    private var interrupting = false

    /// The signals that interrupt a run.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private init() {}

    /// Catches `signals` from now on (once per process; later calls do nothing). Until then, or
    /// without a registered undo, a signal ends the process at once, as by default.
    public func install() {
        registry.lock()
        defer { registry.unlock() }
        guard !installed else { return }
        installed = true
        for signalNumber in Self.signals {
            // A signal already ignored (a job started with `nohup`, or in the background of a
            // non-interactive shell for SIGINT) stays ignored.
            guard !Self.isIgnored(signalNumber) else { continue }
            #if !os(Linux)
            // kqueue reports a signal whatever its action: it must not also end the process. On
            // Linux libdispatch puts a handler of its own in place when the source starts; ignoring
            // the signal here lost one that came before (about 1 ms: the build went on, unstopped).
            signal(signalNumber, SIG_IGN)
            #endif
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { self.interrupted(by: signalNumber) }
            source.resume()
            sources.append(source)
        }
        #if os(Linux)
        // libdispatch puts its handlers in place from its own thread, a moment later: until then a
        // signal still ends the process at once, after `init` had made its folder (1 run in 10 of
        // signals sent 0–18 ms in). Waited for, at most 100 ms.
        let watched = Self.signals.filter { !Self.isIgnored($0) }
        for _ in 0..<100 where watched.contains(where: Self.hasDefaultAction) { usleep(1_000) }
        #endif
    }

    /// The queue the cleanup runs on: its own, not the pool the build's parallel loops share.
    private let queue = DispatchQueue(label: "fidelis-report.interrupt", qos: .userInitiated)

    /// The action of `signalNumber`, read and not changed: its handler's address (0 for SIG_DFL,
    /// the null handler; 1 for SIG_IGN), or nil when it cannot be read.
    private static func action(_ signalNumber: Int32) -> Int? {
        var current = sigaction()
        guard sigaction(signalNumber, nil, &current) == 0 else { return nil }
        #if os(Linux)
        let handler = current.__sigaction_handler.sa_handler
        #else
        let handler = current.__sigaction_u.__sa_handler
        #endif
        return handler.map { unsafeBitCast($0, to: Int.self) } ?? 0
    }

    /// Whether `signalNumber` is ignored.
    private static func isIgnored(_ signalNumber: Int32) -> Bool {
        action(signalNumber) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Whether `signalNumber` still has its default action (no handler yet).
    private static func hasDefaultAction(_ signalNumber: Int32) -> Bool {
        action(signalNumber) == 0
    }

    /// Registers `undo`, run if the process is interrupted before `unregister(token)`. Undos run
    /// in the reverse order of their registration (the staging folder before the lock beside it).
    /// Once an interruption has started, a thread that registers waits for good (its undo would
    /// never run), unless it registers from an `uncut` section, which the cleanup waits for.
    public func register(_ undo: @escaping Undo) -> Int {
        waitIfInterrupted()
        registry.lock()
        defer { registry.unlock() }
        nextToken += 1
        undos.append((nextToken, undo))
        return nextToken
    }

    /// Forgets the undo of `token`: its work is complete, or already undone.
    public func unregister(_ token: Int) {
        registry.lock()
        defer { registry.unlock() }
        undos.removeAll { $0.token == token }
    }

    /// Runs `body` whole: an interruption meanwhile waits until it is done (the swap of a site,
    /// so that the staging folder is not removed halfway through it).
    public func uncut<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        section.lock()
        defer { section.unlock() }
        return try body()
    }

    /// For a thread about to report a failure or to end the process: while an interruption is
    /// being cleaned up, it waits for good (the cleanup ends the process), so that a failure the
    /// cleanup caused (a page that could not be written into the removed staging folder) is not
    /// reported, nor ends the process before the cleanup is done.
    public func waitIfInterrupted() {
        registry.lock()
        let waiting = interrupting
        registry.unlock()
        guard waiting else { return }
        // Held by the cleanup for good: this never returns, unless this thread is in an `uncut`
        // section (the lock is recursive), which the cleanup is waiting for.
        section.lock()
        section.unlock()
    }

    /// Undoes what is registered, says so, and ends the process by `signalNumber`.
    private func interrupted(by signalNumber: Int32) {
        // A second Ctrl-C a moment later (a cleanup held up by a slow disk) ends the process at
        // once; one within the first second (the same signal forwarded by a wrapper) does not.
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
            for other in Self.signals where !Self.isIgnored(other) { signal(other, SIG_DFL) }
        }
        registry.lock()
        interrupting = true
        registry.unlock()
        // Waits for an uncut section to end; never lets go, so that no other starts.
        section.lock()
        registry.lock()
        let pending = undos.reversed().map(\.undo)
        undos.removeAll()
        registry.unlock()
        let reports = pending.compactMap { $0() }
        let names = [SIGINT: "SIGINT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP"]
        let name = names[signalNumber] ?? "signal \(signalNumber)"
        var message = bilingual("fidelis-report: interrupted (\(name))", "fidelis-report\u{00A0}: interrompu (\(name))")
        // No report: no write was under way (a build still reading its input, its lock taken back
        // silently), which the message says too (it said only "interrupted" then).
        message += bilingual("; ", "\u{202F}; ") + (reports.isEmpty ? bilingual("nothing was left half-written", "rien n'est resté à moitié écrit") : reports.joined(separator: bilingual("; ", "\u{202F}; ")))
        StandardError.write(message + "\n")
        // Ends by the signal itself, so that a shell sees it (a loop in a script stops at Ctrl-C).
        signal(signalNumber, SIG_DFL)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, signalNumber)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        kill(getpid(), signalNumber)
        // Delivered to another thread only if this one blocks it; should it be blocked everywhere:
        usleep(500_000)
        _exit(128 + signalNumber)
    }

    /// Removes `path` (a file or a folder with its contents) even while other threads of the run
    /// may still be writing into it: it is first renamed out of their way (their next open fails),
    /// then removed; a folder that gained an entry meanwhile is removed again.
    public static func removeWhileWritten(_ path: String) {
        let fm = FileManager.default
        let trash = path + ".interrupted"
        let target = rename(path, trash) == 0 ? trash : path
        for _ in 0..<3 {
            try? fm.removeItem(atPath: target)
            if !fm.fileExists(atPath: target) { return }
        }
    }
}
