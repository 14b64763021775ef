import ArgumentParser
import EntenteScaffolding

/// `entente new actor "Name"`.
struct NewActorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actor",
        abstract: "Create Content/actors/<id>.yaml."
    )

    @OptionGroup var folder: SiteFolderOptions

    @Argument(help: "The actor's name; its id is made from it.")
    var name: String

    @Option(help: ArgumentHelp("state (the default), organization, alliance, faction, person or other.", valueName: "kind"))
    var kind: String?

    func run() throws {
        var content = NewContent(kind: .actor, title: name, date: NewCommand.today())
        content.contentKind = kind
        try NewCommand.create(content, in: folder.site)
    }
}
