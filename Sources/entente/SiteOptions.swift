import ArgumentParser
import EntenteModel
import Foundation

/// The site folder option, shared by every command that works on a site.
struct SiteFolderOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding Content/ and optionally Templates/.", valueName: "dir"))
    var site: String = "."

    /// Today in the local calendar: the day `new` dates files with, and the build's day unless `--now` says otherwise.
    static func today() -> PartialDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return PartialDate(year: parts.year ?? 1970, month: parts.month, day: parts.day) ?? PartialDate(year: 1970, month: 1, day: 1)!
    }
}

/// Options shared by every command that reads a whole site.
struct SiteOptions: ParsableArguments {
    @OptionGroup var folder: SiteFolderOptions

    @Flag(name: .long, help: "Include analyses marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Include analyses dated after today (left out until their day otherwise).")
    var future = false

    @Option(name: .long, help: ArgumentHelp("Build as on this day instead of today, e.g. to preview an embargo or for reproducible output.",
                                            valueName: "yyyy-mm-dd"))
    var now: String?

    var site: String { folder.site }

    /// The build's day: `--now`, or today.
    var today: PartialDate {
        now.flatMap { PartialDate(parsing: $0) } ?? SiteFolderOptions.today()
    }

    func validate() throws {
        if let now, PartialDate(parsing: now)?.day == nil {
            throw ValidationError("--now: '\(now)' is not a day; write it as 2024-06-19")
        }
    }
}
