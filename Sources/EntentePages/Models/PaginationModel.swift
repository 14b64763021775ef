import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// The links between the pages of a long list: previous, next and every page by number.
package struct PaginationModel: TemplateModel {
    package struct PageLink: TemplateModel {
        package var number: Int
        package var url: String
        package var current: Bool

        package static let schema = TemplateSchema<PageLink>("page link", [
            .int("number", "the page's number, from 1") { $0.number },
            .text("url", "its address, relative to this page") { $0.url },
            .bool("current", "whether it is the page being shown") { $0.current },
        ])
    }

    package var page: Int
    package var pageCount: Int
    package var previous: String?
    package var next: String?
    package var pages: [PageLink]

    package static let schema = TemplateSchema<PaginationModel>("pagination", [
        .int("page", "this page's number, from 1") { $0.page },
        .int("page_count", "how many pages the list has") { $0.pageCount },
        .optionalText("previous", "the previous page, absent on the first") { $0.previous },
        .optionalText("next", "the next page, absent on the last") { $0.next },
        .joinedList("pages", "every page of the list") { $0.pages },
    ])
}

/// A link to the whole list when a page shows only its start.
package struct MoreAnalysesModel: TemplateModel {
    package var count: Int
    package var url: String

    package static let schema = TemplateSchema<MoreAnalysesModel>("more analyses", [
        .int("count", "how many analyses the whole list has") { $0.count },
        .text("url", "the whole list's first page, relative to this page") { $0.url },
    ])
}

/// One page of the analyses about or mentioning an actor, an agreement or two actors.
package struct AnalysisListPageModel: TemplateModel {
    package var frame: PageFrame
    /// What the analyses are about: "Russia", "RELOS", "North Korea and Russia".
    package var subject: String
    package var subjectURL: String
    package var count: Int
    package var analyses: [ListedAnalysisModel]
    package var pagination: PaginationModel?

    package static let schema = TemplateSchema<AnalysisListPageModel>("analysis list page", PageFrame.schema.fields { $0.frame } + [
        .text("subject", "what the analyses are about (`Russia`, `North Korea and Russia`)") { $0.subject },
        .text("subject_url", "its page, relative to this page") { $0.subjectURL },
        .int("count", "how many analyses the whole list has") { $0.count },
        .list("analyses", "this page's analyses, newest first") { $0.analyses },
        .optionalObject("pagination", "the links between the list's pages, absent when it has one page") { $0.pagination },
    ])
}
