import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// A date as templates show it, at the precision it is known (the `date` partial renders it).
package struct DateModel: TemplateModel {
    package var date: PartialDate

    package init(_ date: PartialDate) { self.date = date }

    /// nil stays nil: an unknown date is never replaced by another.
    package init?(_ date: PartialDate?) {
        guard let date else { return nil }
        self.date = date
    }

    package static let schema = TemplateSchema<DateModel>("date", [
        .text("iso", "ISO 8601 at the known precision (`2024`, `2024-06`, `2024-06-19`)") { $0.date.description },
        .text("display", "as readers see it (`19 Jun 2024`)") { $0.date.display },
        .int("year", "the year") { $0.date.year },
        .bool("approximate", "known to the month or year only") { $0.date.precision != .day },
        .text("precision", "`day`, `month` or `year`") { $0.date.precision.name },
    ])
}
