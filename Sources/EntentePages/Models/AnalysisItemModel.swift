import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// An analysis as an item of a list: what the `analysis-item` partial shows.
package struct AnalysisItemModel: TemplateModel {
    package var title: String
    package var url: String
    package var date: DateModel
    package var author: String?
    package var summary: String?
    package var draft: Bool

    package static let schema = TemplateSchema<AnalysisItemModel>("analysis", [
        .text("title", "the analysis's title") { $0.title },
        .text("url", "its page, relative to this page") { $0.url },
        .object("date", "its date") { $0.date },
        .optionalText("author", "its byline: its authors' names (`authors:`), else its `author`") { $0.author },
        .optionalText("summary", "its summary, as plain text") { $0.summary },
        .bool("draft", "whether it is a draft (built with `--drafts` only)") { $0.draft },
    ])
}

/// An analysis in a list, with `html`: the item rendered once by the `analysis-item` partial.
package struct ListedAnalysisModel: TemplateModel {
    package var item: AnalysisItemModel
    package var html: String

    package static let schema = TemplateSchema<ListedAnalysisModel>("analysis", AnalysisItemModel.schema.fields { $0.item } + [
        .text("html", "the item as the `analysis-item` partial renders it") { $0.html },
    ])
}

/// The analyses about an actor or treaty, or those that only mention it.
package struct ListedAnalysesModel: TemplateModel {
    package var items: [ListedAnalysisModel]

    package static let schema = TemplateSchema<ListedAnalysesModel>("list of analyses", [
        .list("items", "the analyses") { $0.items },
    ])
}

/// What the `analysis-item` partial sees when Entente renders it on its own: the item and what every page shares
/// but the listing page's own values, so that one item's HTML serves every page at the same depth.
package struct AnalysisItemPartialModel: TemplateModel {
    package var frame: PageFrame
    package var item: AnalysisItemModel

    package static let schema = TemplateSchema<AnalysisItemPartialModel>("analysis", [
        .object("site", "the site's settings") { $0.frame.site },
        .object("links", "a link to each section from the listing page") { $0.frame.links },
        .text("stylesheet", "the theme's stylesheet") { $0.frame.stylesheet },
        .text("generator", "`Entente`") { $0.frame.generator },
    ] + AnalysisItemModel.schema.fields { $0.item })
}
