import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// Every analysis, newest first, by year.
package struct AnalysesPageModel: TemplateModel {
    package struct Year: TemplateModel {
        package var year: Int
        package var analyses: [ListedAnalysisModel]

        package static let schema = TemplateSchema<Year>("year", [
            .int("year", "the year") { $0.year },
            .list("analyses", "its analyses, newest first") { $0.analyses },
        ])
    }

    package var frame: PageFrame
    package var count: Int
    package var years: [Year]
    package var pagination: PaginationModel?

    package static let schema = TemplateSchema<AnalysesPageModel>("analyses page", PageFrame.schema.fields { $0.frame } + [
        .int("count", "how many analyses") { $0.count },
        .list("years", "this page's analyses by year, newest first") { $0.years },
        .optionalObject("pagination", "the links between the list's pages, absent when it has one page") { $0.pagination },
    ])
}
