import ArgumentParser
import EntenteImporting
import EntenteKit
import EntenteModel
import EntenteServing
import EntenteSupport
import Foundation

/// `entente check`: every validation of a build and of the finished site, writing nothing.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site as a build would, and the links of the finished pages, without writing anything.",
        discussion: """
            Reports every problem as path:line:column: error|warning: message. Exits 0 when there are no errors \
            (warnings alone exit 0 unless --strict) and 1 otherwise.
            """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    func run() async throws {
        let options = BuildOptions(siteDirectory: siteOptions.site,
                                   outputDirectory: siteOptions.site == "." ? "Output" : (siteOptions.site as NSString).appendingPathComponent("Output"),
                                   includeDrafts: siteOptions.drafts, today: siteOptions.today, includeFuture: siteOptions.future)
        let report = await SiteChecker(options: options).check()
        DiagnosticPrinter.print(report.diagnostics)
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        if errors > 0 || (strict && warnings > 0) {
            DiagnosticPrinter.printError("check failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            throw ExitCode.failure
        }
        for analysis in report.scheduled {
            print("Scheduled: \(analysis.location.file) \"\(analysis.title)\" appears on \(analysis.date.display) (--future includes it now)")
        }
        print("Checked \(report.pagesChecked) pages and \(report.linksChecked) internal links: no errors" + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
    }
}
