import ArgumentParser
import EntenteScaffolding

/// `entente new site DIR`.
struct NewSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Create a small working site in a new folder: site.yaml, two actors, a treaty, an analysis, a .gitignore."
    )

    @Argument(help: ArgumentHelp("The folder to create; it must not exist or be empty.", valueName: "dir"))
    var directory: String

    func run() throws {
        do {
            let files = try SiteSkeleton.create(at: directory, date: NewCommand.today())
            for file in files { print("Created \(file)") }
            print("Next: cd \(directory) && entente serve")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
