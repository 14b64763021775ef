import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// Every actor, by kind, or the actors of one kind or region, with the facets to narrow the index by.
package struct ActorsPageModel: TemplateModel {
    package struct Group: TemplateModel {
        package var kind: String
        package var title: String
        package var actors: [IndexedActorModel]

        package static let schema = TemplateSchema<Group>("group", [
            .text("kind", "the kind as a key (`state`)") { $0.kind },
            .text("title", "the kind as a heading (`States`)") { $0.title },
            .int("count", "how many actors") { $0.actors.count },
            .list("actors", "the actors") { $0.actors },
        ])
    }

    package var frame: PageFrame
    package var count: Int
    package var groups: [Group]
    package var narrowed: NarrowedModel?
    package var facets: [FacetGroupModel]
    package var facetScript: String?

    package static let schema = TemplateSchema<ActorsPageModel>("actors page", PageFrame.schema.fields { $0.frame } + [
        .int("count", "how many actors") { $0.count },
        .list("groups", "the kinds that have actors (on a facet's page, among its actors)") { $0.groups },
        .optionalObject("narrowed", "the kind or region this page lists, absent on the index") { $0.narrowed },
        .optionalText("facet_script", "the optional script that filters and sorts the index in place, absent on a facet's page") { $0.facetScript },
        .joinedList("facets", "the facets to narrow the index by (kind, region), each value with its number of actors") { $0.facets },
    ])
}
