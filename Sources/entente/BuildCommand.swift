import ArgumentParser
import EntenteImporting
import EntenteKit
import EntenteModel
import EntenteServing
import EntenteSupport
import Foundation

/// `entente build`: renders the site into the output folder, or reports every problem and changes nothing.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into a folder of static HTML.",
        discussion: """
            Problems are printed as path:line:column: error: message, all of them in one run. When there is \
            any error, the build exits with status 1 and the previous output folder is left exactly as it was.
            """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <site>/Output).", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("Override site.yaml's base_url, used only for absolute URLs such as canonical links.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Print nothing on success; warnings and errors are still printed.")
    var quiet = false

    @Flag(name: .long, help: "Print how long each step of the build took.")
    var timings = false

    @Flag(name: .long, help: "Build even when nothing changed since the last build.")
    var force = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must start with https:// or http://, for example https://example.org/reports/")
        }
        if siteOptions.site.isEmpty { throw ValidationError("--site needs a folder") }
        if output?.isEmpty == true { throw ValidationError("--output needs a folder") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let options = BuildOptions(siteDirectory: siteOptions.site,
                                   outputDirectory: output ?? (siteOptions.site == "." ? "Output" : (siteOptions.site as NSString).appendingPathComponent("Output")),
                                   includeDrafts: siteOptions.drafts, baseURL: baseURL, force: force,
                                   today: siteOptions.today, includeFuture: siteOptions.future)
        let report = await SiteBuilder(options: options).build()
        DiagnosticPrinter.print(report.diagnostics)
        guard report.succeeded else {
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            DiagnosticPrinter.printError("build failed with \(errors) error\(errors == 1 ? "" : "s"); \(options.outputDirectory) was not changed")
            throw ExitCode.failure
        }
        if report.upToDate {
            if !quiet {
                let warnings = report.earlierWarnings == 0 ? "" : " (it had \(report.earlierWarnings) warning\(report.earlierWarnings == 1 ? "" : "s"); --force shows them again)"
                print("\(options.outputDirectory) is up to date: nothing changed since the last build\(warnings)")
            }
            return
        }
        if !quiet {
            let elapsed = clock.now - start
            let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            if timings { for line in report.timings.lines { print(line) } }
            print("Built \(report.pagesWritten) pages (\(report.filesWritten) files) into \(options.outputDirectory) in \(milliseconds) ms")
        }
    }
}
