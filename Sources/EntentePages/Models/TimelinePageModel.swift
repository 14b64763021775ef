import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// Every dated event, newest first, by year, with the site's timeline picture.
package struct TimelinePageModel: TemplateModel {
    package struct Year: TemplateModel {
        package var year: Int
        package var events: [TimelineEventModel]

        package static let schema = TemplateSchema<Year>("year", [
            .int("year", "the year") { $0.year },
            .list("events", "its events, newest first") { $0.events },
        ])
    }

    package var frame: PageFrame
    package var count: Int
    package var picture: String?
    package var years: [Year]

    package static let schema = TemplateSchema<TimelinePageModel>("timeline page", PageFrame.schema.fields { $0.frame } + [
        .int("count", "how many events") { $0.count },
        .optionalText("picture", "the timeline picture (inline SVG)") { $0.picture },
        .list("years", "the years, newest first") { $0.years },
    ])
}
