import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// One value of a facet, linked to its page, with how many agreements it has.
package struct FacetValueModel: TemplateModel {
    package var key: String
    package var label: String
    package var url: String
    /// Absent on a treaty list's further pages, so that an edit that moves one agreement from list to list renders
    /// the lists' first pages and those it moves on, not every page of every list.
    package var count: Int?
    package var current: Bool

    package static let schema = TemplateSchema<FacetValueModel>("facet value", [
        .text("key", "the value as a key (`defence-pact`), as the page's address and the script use it") { $0.key },
        .text("label", "what a reader sees (`Defence pact`)") { $0.label },
        .text("url", "its page, relative to this page") { $0.url },
        .optionalInt("count", "how many agreements (or actors) it has; absent on a treaty list's further pages") { $0.count },
        .bool("current", "whether it is the page being shown") { $0.current },
    ])
}

/// A facet of the treaty index with its values.
package struct FacetGroupModel: TemplateModel {
    package var key: String
    package var title: String
    package var values: [FacetValueModel]

    package static let schema = TemplateSchema<FacetGroupModel>("facet", [
        .text("key", "the facet as a key (`kind`, `decade`)") { $0.key },
        .text("title", "its heading (`Kind`)") { $0.title },
        .joinedList("values", "its values, in order") { $0.values },
    ])
}

/// The agreements narrowed to one facet value, on its page.
package struct NarrowedModel: TemplateModel {
    package var facet: String
    package var label: String
    package var allURL: String

    package static let schema = TemplateSchema<NarrowedModel>("narrowed", [
        .text("facet", "the facet's heading (`Kind`)") { $0.facet },
        .text("label", "the value (`Defence pact`)") { $0.label },
        .text("all_url", "the whole index, relative to this page") { $0.allURL },
    ])
}

/// The treaty index, or one facet value's page: its agreements, 50 a page, and the facets to narrow it by.
package struct TreatiesPageModel: TemplateModel {
    package var frame: PageFrame
    package var count: Int
    package var treaties: [IndexedTreatyModel]
    package var asOf: DateModel?
    package var narrowed: NarrowedModel?
    package var facets: [FacetGroupModel]
    package var pagination: PaginationModel?
    package var dataScript: String
    package var facetScript: String

    package static let schema = TemplateSchema<TreatiesPageModel>("treaties page", PageFrame.schema.fields { $0.frame } + [
        .int("count", "how many agreements the list has (all its pages)") { $0.count },
        .list("treaties", "this page's agreements, by name") { $0.treaties },
        .optionalObject("as_of", "the day the statuses hold (the site's `as_of`)") { $0.asOf },
        .optionalObject("narrowed", "the facet value this page lists, absent on the index") { $0.narrowed },
        .joinedList("facets", "the facets, each value linked to its page (with its count on a list's first page)") { $0.facets },
        .optionalObject("pagination", "the links between the list's pages, absent when it has one page") { $0.pagination },
        .text("data_script", "the script holding every agreement's facets, for the filter script") { $0.dataScript },
        .text("facet_script", "the optional script that filters and sorts the table in place") { $0.facetScript },
    ])
}
