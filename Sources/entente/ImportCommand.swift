import ArgumentParser
import EntenteImporting
import EntenteKit
import EntenteModel
import EntenteServing
import EntenteSupport
import Foundation

/// `entente import`: brings published data sets into a site's Content/.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import actors and treaties from published data sets.",
        subcommands: [ATOPImportCommand.self]
    )
}

/// The site an import writes into (`--drafts` of the other commands means nothing here).
struct ImportSiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder: files go into its Content/ (created when missing).", valueName: "dir"))
    var site: String = "."
}

/// `entente import atop`: ATOP 4.01 alliances and the COW state list into actor and treaty files.
struct ATOPImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atop",
        abstract: "Import ATOP 4.01 alliances and their member states (COW state list) into Content/.",
        discussion: """
            Writes one actor per COW state that appears (an actor already in the site with the same cow: number \
            is reused, never duplicated or changed) and one treaty atop-<atopid> per alliance. Written files carry \
            'imported_from: atop-4.01'; only files with that marker are rewritten, so a second import changes \
            nothing, and a file whose marker you removed is left alone. Bad rows are reported with their file \
            and line and skipped. A site with no Content/site.yaml gets one, with the credits line ATOP and COW \
            ask for.
            """
    )

    @OptionGroup var siteOptions: ImportSiteOptions

    @Option(name: .long, help: ArgumentHelp("The ATOP alliance-level CSV (one row per alliance).", valueName: "file"))
    var alliances: String

    @Option(name: .long, help: ArgumentHelp("The ATOP member-level CSV (one row per member and phase).", valueName: "file"))
    var members: String

    @Option(name: .long, help: ArgumentHelp("The COW State System Membership CSV (ccode, statenme, stateabb).", valueName: "file"))
    var states: String

    @Flag(name: .customLong("dry-run"), help: "Print what would be written, and write nothing.")
    var dryRun = false

    func validate() throws {
        if siteOptions.site.isEmpty { throw ValidationError("--site needs a folder") }
        for (flag, path) in [("--alliances", alliances), ("--members", members), ("--states", states)] {
            if path.isEmpty { throw ValidationError("\(flag) needs a CSV file") }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ValidationError("\(flag): no such file: \(path)")
            }
            if isFolder.boolValue { throw ValidationError("\(flag): \(path) is a folder; give the CSV file") }
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: siteOptions.site, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("--site: \(siteOptions.site) is a file, not a folder")
        }
    }

    func run() throws {
        let options = ATOPImporter.Options(alliancesFile: alliances, membersFile: members, statesFile: states,
                                           siteDirectory: siteOptions.site, dryRun: dryRun)
        let report: ATOPImportReport
        do {
            report = try ATOPImporter(options: options).run()
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.printError("import failed")
            throw ExitCode.failure
        }
        DiagnosticPrinter.print(report.warnings)
        if dryRun {
            for file in report.files where file.action != .unchanged {
                let verb = switch file.action {
                case .create: "would create"
                case .update: "would update"
                case .kept: "would keep (hand-edited)"
                case .unchanged: "unchanged"
                }
                print("\(verb) \(file.path)")
            }
        }
        if !report.reusedActors.isEmpty {
            print("Actors already in the site, used as they are (matched by cow:): \(report.reusedActors.joined(separator: ", "))")
        }
        print(report.summary)
        if let hint = report.creditsHint {
            print("""
                hint: \(siteOptions.site == "." ? "" : siteOptions.site + "/")Content/site.yaml has no 'credits'; \
                ATOP and COW ask to be cited on every page built from their data. Add this line:
                  \(hint)
                """)
        }
    }
}
