import ArgumentParser
import EntenteModel
import EntenteScaffolding
import Foundation

/// `entente new`: a new site, or a new content file from the skeletons of Templates/new/.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new site, or a new analysis, actor or treaty file.",
        discussion: """
            Files are made from the skeletons in Templates/new/ (analysis.md, actor.yaml, treaty.yaml): the site's \
            own when it has them, else the built-in ones. The id comes from the title or name; an existing file is \
            never overwritten.
            """,
        subcommands: [NewSiteCommand.self, NewAnalysisCommand.self, NewActorCommand.self, NewTreatyCommand.self]
    )

    /// Today in the local calendar, as `2024-06-19`.
    static func today() -> String { SiteFolderOptions.today().description }

    /// Writes `content` and prints where, or prints every problem and fails.
    static func create(_ content: NewContent, in site: String) throws {
        do {
            let path = try ContentScaffolder(siteDirectory: site).create(content)
            print("Created \(path)")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }

    /// Ids given as `a,b` or `a, b`.
    static func ids(_ list: String?) -> [String] {
        (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
