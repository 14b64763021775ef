import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// A list of the site to browse, with how many pages it leads to.
package struct BrowseLinkModel: TemplateModel {
    package var name: String
    package var url: String
    package var count: Int

    package static let schema = TemplateSchema<BrowseLinkModel>("browse link", [
        .text("name", "the list (`Analyses`)") { $0.name },
        .text("url", "its first page, relative to this page") { $0.url },
        .int("count", "how many it lists") { $0.count },
    ])
}

/// The search page, which links the site's lists for readers without JavaScript (listing every page made it
/// megabytes long on a large site).
package struct SearchPageModel: TemplateModel {
    package var frame: PageFrame
    package var indexScript: String
    package var searchScript: String
    package var prettyLinks: Bool
    package var browse: [BrowseLinkModel]

    package static let schema = TemplateSchema<SearchPageModel>("search page", PageFrame.schema.fields { $0.frame } + [
        .text("index_script", "the search index") { $0.indexScript },
        .text("search_script", "the search script") { $0.searchScript },
        .bool("pretty_links", "whether links end in a folder rather than `index.html`") { $0.prettyLinks },
        .list("browse", "the site's lists (analyses, actors, agreements, tags, the timeline), each with its count") { $0.browse },
    ])
}
