import ArgumentParser

/// Options shared by every command that works on a site folder.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding Content/ and optionally Templates/.", valueName: "dir"))
    var site: String = "."

    @Flag(name: .long, help: "Include analyses marked 'draft: true'.")
    var drafts = false
}
