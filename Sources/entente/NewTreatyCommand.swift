import ArgumentParser
import EntenteScaffolding

/// `entente new treaty "Name" --parties a,b`.
struct NewTreatyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "treaty",
        abstract: "Create Content/treaties/<id>.yaml."
    )

    @OptionGroup var folder: SiteFolderOptions

    @Argument(help: "The treaty's name; its id is made from it.")
    var name: String

    @Option(help: ArgumentHelp("Its parties, by actor id.", valueName: "ids"))
    var parties: String

    @Option(help: ArgumentHelp("Its kind, e.g. defence-pact, strategic-partnership (see the README).", valueName: "kind"))
    var kind: String?

    func run() throws {
        var content = NewContent(kind: .treaty, title: name, date: NewCommand.today())
        content.parties = NewCommand.ids(parties)
        content.contentKind = kind
        try NewCommand.create(content, in: folder.site)
    }
}
