import Synchronization
import ArgumentParser
import Dispatch
import EntenteImporting
import EntenteKit
import EntenteModel
import EntenteServing
import EntenteSupport
import Foundation

/// `entente serve`: builds the site into a private temporary folder, serves it, and rebuilds and reloads open pages on
/// every save.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site locally, rebuilding and reloading on every save.",
        discussion: """
            Serves exactly what 'entente build' would publish, from memory (nothing is written to disk), and \
            watches Content/ and Templates/. Open pages reload after each rebuild; when a rebuild fails, the last \
            good site stays up with the errors shown over every page. Stop with Ctrl-C.
            """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The port to listen on (default 8000; when 8000 is taken, the next free one up to 8010).",
                                            valueName: "port"))
    var port: UInt16?

    @Option(name: .long, help: ArgumentHelp("The address to listen on. Only this computer can reach the default; 0.0.0.0 opens it to your network.",
                                            valueName: "address"))
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Print how long each step of every rebuild took.")
    var timings = false

    static let defaultPort: UInt16 = 8000

    func validate() throws {
        if host.isEmpty { throw ValidationError("--host needs an IP address such as 127.0.0.1") }
        if siteOptions.site.isEmpty { throw ValidationError("--site needs a folder") }
    }

    func run() async throws {
        let site: PreviewSite
        do {
            site = try PreviewSite()
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        let options = BuildOptions(siteDirectory: siteOptions.site, outputDirectory: "", includeDrafts: siteOptions.drafts,
                                   today: siteOptions.today, includeFuture: siteOptions.future)
        var session = PreviewSession(options: options, site: site)
        // Watching starts before the first build, so that a file saved while it runs is built right after it.
        let watcher = ChangeWatcher(folders: ["Content", "Templates"].map {
            siteOptions.site == "." ? $0 : (siteOptions.site as NSString).appendingPathComponent($0)
        })
        let mechanism = Mutex<ChangeWatcher.Mechanism?>(nil)
        let changes = watcher.changes(started: { how in mechanism.withLock { $0 = how } })
        let first = await session.rebuild()
        report(first, initial: true)

        let server: PreviewServer
        do {
            server = try await PreviewServer.start(site: site, host: host, port: port ?? Self.defaultPort, tryNext: port == nil)
        } catch {
            DiagnosticPrinter.printError("\(error)")
            throw ExitCode.failure
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        say("Serving \(siteOptions.site == "." ? "this site" : siteOptions.site) at http://\(shownHost):\(server.port)/ (Ctrl-C to stop)")
        if port == nil, server.port != Self.defaultPort { say("(port \(Self.defaultPort) was taken)") }

        // The watcher says how it watches once its first look is taken; that may be during the first build.
        while mechanism.withLock({ $0 }) == nil { try? await Task.sleep(for: .milliseconds(5)) }
        if let how = mechanism.withLock({ $0 }) { say(how.description.prefix(1).uppercased() + how.description.dropFirst() + ".") }
        // The session is handed to the watch task, not copied into it: a copy kept by the task's closure held the
        // first build's whole state for as long as the server ran, and made the first edit copy the site.
        let handOff = HandOutOnceStore([0: consume session])
        await withTaskGroup(of: Void.self) { group in
            // Above the requests' priority: under a load of requests, the rebuild after a save still runs.
            group.addTask(priority: .high) {
                guard var session = handOff.take(0) else { return }
                for await changed in changes {
                    let summary = await session.rebuild(changedFiles: changed)
                    report(summary, initial: false)
                }
            }
            group.addTask { await Self.waitForTerminationSignal() }
            // The first child to finish is the signal: stop everything else.
            await group.next()
            group.cancelAll()
        }
        await server.stop()
        site.removeFolder()
        say("Stopped.")
    }

    /// Writes a line to standard output at once: `print` buffers when the output is a pipe or a log file. A reader
    /// that has gone (a closed pipe) stops the line, not the server: `write(_:)` stopped the process.
    private func say(_ line: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
    }

    /// One line per rebuild; the diagnostics of a failed one.
    private func report(_ summary: PreviewSession.Summary, initial: Bool) {
        let milliseconds = Int(summary.duration.components.seconds * 1000
                               + summary.duration.components.attoseconds / 1_000_000_000_000_000)
        let time = Self.clockTime()
        DiagnosticPrinter.print(summary.diagnostics)
        if timings { for line in summary.timings.lines { say("  " + line) } }
        if summary.succeeded {
            let what = initial ? "built" : "rebuilt"
            let changed = summary.changed.isEmpty ? "" : " — changed: " + Self.describe(summary.changed)
            let removed = summary.pagesRemoved > 0 ? ", \(summary.pagesRemoved) removed" : ""
            say("\(time) \(what) \(summary.pagesRendered) page\(summary.pagesRendered == 1 ? "" : "s")\(removed) in \(milliseconds) ms\(changed)")
        } else {
            let errors = summary.diagnostics.filter { $0.severity == .error }.count
            say("\(time) build failed with \(errors) error\(errors == 1 ? "" : "s") in \(milliseconds) ms; still serving the last good site")
        }
    }

    private static func describe(_ paths: [String]) -> String {
        let shown = paths.prefix(3).map { path -> String in
            if let range = path.range(of: "/Content/") ?? path.range(of: "/Templates/") {
                return String(path[path.index(after: range.lowerBound)...])
            }
            return path
        }
        return shown.joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
    }

    private static func clockTime() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }

    /// Returns when the process receives SIGINT (Ctrl-C) or SIGTERM.
    static func waitForTerminationSignal() async {
        let (signals, continuation) = AsyncStream<Int32>.makeStream()
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        for await _ in signals { break }
        for source in sources { source.cancel() }
    }
}
