import ArgumentParser
import EntenteKit

/// The `entente` command: builds and previews Entente sites.
struct Entente: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entente",
        abstract: "Build static report sites about actors, treaties and analyses.",
        discussion: """
            A site is a folder holding Content/ (site.yaml, actors/, treaties/, analyses/) and, optionally, \
            Templates/ to override the built-in theme file by file. See README.md for the content format.
            """,
        version: EntenteVersion.description,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, ImportCommand.self],
        defaultSubcommand: nil
    )
}
