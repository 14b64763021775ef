import ArgumentParser

/// The site folder option, shared by every command that works on a site.
struct SiteFolderOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding Content/ and optionally Templates/.", valueName: "dir"))
    var site: String = "."
}

/// Options shared by every command that reads a whole site.
struct SiteOptions: ParsableArguments {
    @OptionGroup var folder: SiteFolderOptions

    @Flag(name: .long, help: "Include analyses marked 'draft: true'.")
    var drafts = false

    var site: String { folder.site }
}
