import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// A template of the theme and the model it renders. Each template's name and model are paired once, here:
/// the theme checks the template against that model's schema, and rendering takes only that model.
package struct PageTemplate<Model: TemplateModel>: Sendable {
    package let name: String
    /// Whether a theme must have it (`analysis-item` is a partial with a built-in default, like the rest).
    package let isPage: Bool
}

/// A template with its model's type, whatever the model.
package struct ThemeTemplate: Sendable {
    package let name: String
    package let type: TemplateObjectType
    package let isPage: Bool

    package init<Model>(_ template: PageTemplate<Model>) {
        name = template.name
        type = Model.schema.type
        isPage = template.isPage
    }

    /// Every template Entente renders, each checked against its model when the theme loads.
    package static let all: [ThemeTemplate] = [
        .init(PageTemplate.home), .init(PageTemplate.analyses), .init(PageTemplate.analysis), .init(PageTemplate.actors),
        .init(PageTemplate.actor), .init(PageTemplate.treaties), .init(PageTemplate.treaty), .init(PageTemplate.timeline),
        .init(PageTemplate.tags), .init(PageTemplate.tag), .init(PageTemplate.notFound), .init(PageTemplate.network),
        .init(PageTemplate.search), .init(PageTemplate.authors), .init(PageTemplate.author), .init(PageTemplate.watch), .init(PageTemplate.snapshot),
        .init(PageTemplate.pair), .init(PageTemplate.analysisList), .init(PageTemplate.analysisItem),
    ]
}

extension PageTemplate where Model == HomePageModel { static var home: Self { .init(name: "home", isPage: true) } }
extension PageTemplate where Model == AnalysesPageModel { static var analyses: Self { .init(name: "analyses", isPage: true) } }
extension PageTemplate where Model == AnalysisPageModel { static var analysis: Self { .init(name: "analysis", isPage: true) } }
extension PageTemplate where Model == ActorsPageModel { static var actors: Self { .init(name: "actors", isPage: true) } }
extension PageTemplate where Model == ActorPageModel { static var actor: Self { .init(name: "actor", isPage: true) } }
extension PageTemplate where Model == TreatiesPageModel { static var treaties: Self { .init(name: "treaties", isPage: true) } }
extension PageTemplate where Model == TreatyPageModel { static var treaty: Self { .init(name: "treaty", isPage: true) } }
extension PageTemplate where Model == TimelinePageModel { static var timeline: Self { .init(name: "timeline", isPage: true) } }
extension PageTemplate where Model == TagsPageModel { static var tags: Self { .init(name: "tags", isPage: true) } }
extension PageTemplate where Model == TagPageModel { static var tag: Self { .init(name: "tag", isPage: true) } }
extension PageTemplate where Model == NotFoundPageModel { static var notFound: Self { .init(name: "404", isPage: true) } }
extension PageTemplate where Model == NetworkPageModel { static var network: Self { .init(name: "network", isPage: true) } }
extension PageTemplate where Model == SearchPageModel { static var search: Self { .init(name: "search", isPage: true) } }
extension PageTemplate where Model == AuthorsPageModel { static var authors: Self { .init(name: "authors", isPage: true) } }
extension PageTemplate where Model == SnapshotPageModel { static var snapshot: Self { .init(name: "snapshot", isPage: true) } }
extension PageTemplate where Model == WatchPageModel { static var watch: Self { .init(name: "watch", isPage: true) } }
extension PageTemplate where Model == AnalysisListPageModel {
    static var analysisList: Self { .init(name: "analysis-list", isPage: true) }
}
extension PageTemplate where Model == PairPageModel { static var pair: Self { .init(name: "pair", isPage: true) } }
extension PageTemplate where Model == AuthorPageModel { static var author: Self { .init(name: "author", isPage: true) } }
extension PageTemplate where Model == AnalysisItemPartialModel {
    package static var analysisItem: Self { .init(name: "analysis-item", isPage: false) }
}
