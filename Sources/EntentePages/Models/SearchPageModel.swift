import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// The search page, which lists every page for readers without JavaScript.
package struct SearchPageModel: TemplateModel {
    package var frame: PageFrame
    package var indexScript: String
    package var searchScript: String
    package var prettyLinks: Bool
    package var analyses: [AnalysisItemModel]
    package var actors: [ActorLinkModel]
    package var treaties: [TreatyLinkModel]

    package static let schema = TemplateSchema<SearchPageModel>("search page", PageFrame.schema.fields { $0.frame } + [
        .text("index_script", "the search index") { $0.indexScript },
        .text("search_script", "the search script") { $0.searchScript },
        .bool("pretty_links", "whether links end in a folder rather than `index.html`") { $0.prettyLinks },
        .list("analyses", "every analysis") { $0.analyses },
        .list("actors", "every actor") { $0.actors },
        .list("treaties", "every agreement") { $0.treaties },
    ])
}
