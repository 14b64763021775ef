import ArgumentParser
import EntenteModel
import EntenteScaffolding

/// `entente new analysis "Title"`.
struct NewAnalysisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysis",
        abstract: "Create Content/analyses/<id>.md, dated today and marked 'draft: true'."
    )

    @OptionGroup var folder: SiteFolderOptions

    @Argument(help: "The analysis's title; its id is made from it.")
    var title: String

    @Option(help: ArgumentHelp("The actors it is about, by id.", valueName: "ids"))
    var actors: String?

    @Option(help: ArgumentHelp("The treaties it is about, by id.", valueName: "ids"))
    var treaties: String?

    @Option(help: ArgumentHelp("Its authors, by id (Content/authors/<id>.yaml).", valueName: "ids"))
    var author: String?

    @Option(help: ArgumentHelp("Its date instead of today.", valueName: "yyyy-mm-dd"))
    var date: String?

    func validate() throws {
        if let date, PartialDate(parsing: date) == nil {
            throw ValidationError("'\(date)' is not a date: write it as 2024-06-19, 2024-06 or 2024")
        }
    }

    func run() throws {
        var content = NewContent(kind: .analysis, title: title, date: date ?? NewCommand.today())
        content.actors = NewCommand.ids(actors)
        content.treaties = NewCommand.ids(treaties)
        content.authors = NewCommand.ids(author)
        try NewCommand.create(content, in: folder.site)
    }
}
