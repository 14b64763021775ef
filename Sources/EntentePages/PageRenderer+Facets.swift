import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
import Synchronization
import EntenteSearch

/// The treaty index narrowed by facets: a static page per facet value (`treaties/kind/defence-pact/`), and the data
/// the optional filter script narrows and sorts the whole table with.
extension PageRenderer {
    /// The folder of page `number` of the index (`facet` nil) or of one facet value's list.
    package static func treatyListFolder(_ facet: TreatyFacet?, _ slug: String, page number: Int) -> String {
        let base = facet.map { "treaties/\($0.rawValue)/\(slug)" } ?? "treaties"
        return number == 1 ? base : "\(base)/page/\(number)"
    }

    /// Every facet's values, computed once per renderer: every page of the index shows them all.
    package var facetValues: [(facet: TreatyFacet, values: [TreatyFacet.Value])] {
        facetCache.get { TreatyFacet.allCases.map { ($0, $0.values(in: site, keys: facetKeys)) } }
    }

    /// Every agreement's values of every facet, worked out once per renderer.
    package var facetKeys: [TreatyID: TreatyFacet.Keys] {
        facetKeyCache.get { TreatyFacet.keys(in: site) }
    }

    /// The index's further pages, and every page of every facet value.
    package var treatyListPages: [Page] {
        var pages: [Page] = []
        let indexPages = Self.pageCount(site.treaties.count)
        if indexPages > 1 { pages += (2...indexPages).map { Page.treatyList(nil, "", $0) } }
        for (facet, values) in facetValues {
            for value in values { pages += (1...Self.pageCount(value.treaties.count)).map { Page.treatyList(facet, value.slug, $0) } }
        }
        return pages + [.facetData]
    }

    /// One facet's value by its slug, if the site has it.
    private func facetValue(_ facet: TreatyFacet, _ slug: String) -> TreatyFacet.Value? {
        facetValues.first { $0.facet == facet }?.values.first { $0.slug == slug }
    }

    /// The agreements of the index (`facet` nil) or of one facet value's list, in their order.
    package func treatyListing(_ facet: TreatyFacet?, _ slug: String) -> [TreatyID] {
        guard let facet else { return site.treaties.map(\.id) }
        return facetValue(facet, slug)?.treaties ?? []
    }

    /// What changed from `old` to `new` in the treaty lists: which lists hold other agreements or another order,
    /// and whether the facets' values or their counts changed.
    package static func treatyListChanges(from old: PageRenderer, to new: PageRenderer) -> Set<Dependency> {
        var changes: Set<Dependency> = []
        if old.site.treaties.map(\.id) != new.site.treaties.map(\.id) { changes.insert(.treatyListing(nil, "")) }
        let (before, after) = (old.facetValues, new.facetValues)
        var lists: [Dependency: [TreatyID]] = [:]
        for (facet, values) in before { for value in values { lists[.treatyListing(facet, value.slug)] = value.treaties } }
        for (facet, values) in after {
            for value in values {
                let key = Dependency.treatyListing(facet, value.slug)
                if lists.removeValue(forKey: key) != value.treaties { changes.insert(key) }
            }
        }
        changes.formUnion(lists.keys)
        let named = { (groups: [(facet: TreatyFacet, values: [TreatyFacet.Value])]) in
            groups.map { group in group.values.map { [group.facet.rawValue, $0.slug, $0.label] } }
        }
        let counted = { (groups: [(facet: TreatyFacet, values: [TreatyFacet.Value])]) in
            groups.map { group in group.values.map(\.treaties.count) }
        }
        if named(before) != named(after) { changes.formUnion([.treatyFacetValues, .treatyFacetCounts]) }
        if counted(before) != counted(after) { changes.insert(.treatyFacetCounts) }
        return changes
    }

    package func treatiesPage(_ facet: TreatyFacet?, _ slug: String, page number: Int, _ root: String) -> PageContent {
        let groups = facetValues
        let value = facet.flatMap { facetValue($0, slug) }
        let ids = treatyListing(facet, slug)
        let (slice, pagination) = paginate(ids, page: number, folder: { Self.treatyListFolder(facet, slug, page: $0) }, root)
        let title = value.map { "\(facet!.title): \($0.label)" } ?? "Treaties and agreements"
        let model = TreatiesPageModel(
            frame: frame(root, title: title + (number > 1 ? " (page \(number))" : ""), section: "treaties",
                         description: value.map { "The agreements of \(facet!.title.lowercased()) \($0.label)." }
                            ?? "Every agreement with its kind, status, parties and date.",
                         canonical: canonical(facet == nil && number == 1 ? .treaties : .treatyList(facet, slug, number))),
            count: ids.count,
            treaties: slice.map { id in
                IndexedTreatyModel(link: treatyLink(id, root), parties: site.distinctParties(of: site.treatiesByID[id]!).map { actorLink($0, root) })
            },
            asOf: DateModel(site.asOf),
            narrowed: value.map { NarrowedModel(facet: facet!.title, label: $0.label, allURL: links.folder("treaties", from: root)) },
            facets: groups.compactMap { group in
                group.values.isEmpty ? nil : FacetGroupModel(key: group.facet.rawValue, title: group.facet.title, values: group.values.map {
                    FacetValueModel(key: $0.slug, label: $0.label, url: links.folder(Self.treatyListFolder(group.facet, $0.slug, page: 1), from: root),
                                    count: number == 1 ? $0.treaties.count : nil, current: group.facet == facet && $0.slug == slug)
                })
            },
            pagination: pagination,
            dataScript: links.file(Page.facetData.path, from: root), facetScript: links.file("assets/facets.js", from: root))
        return .page(.treaties, model)
    }

    /// `treaties/facets.js`: every agreement with what the filter script shows and narrows by, as a script (a page
    /// opened from disk cannot fetch JSON). Paths are from the site's root. Compact JSON, each row encoded once and
    /// kept for the next rebuild (`facetRows`): a treaty edit changes one row of thousands.
    package var facetDataScript: String {
        let actorIDs = site.actors.map(\.id)
        let position = Dictionary(uniqueKeysWithValues: actorIDs.enumerated().map { ($1, $0) })
        var labels: [String: [String: String]] = [:]
        let allKeys = facetKeys
        let rows = site.treaties.map { treaty -> FacetRow in
            var facets: [String: [String]] = [:]
            for facet in TreatyFacet.allCases {
                let keys = allKeys[treaty.id]?[facet] ?? []
                for (slug, label) in keys { labels[facet.rawValue, default: [:]][slug] = label }
                if !keys.isEmpty { facets[facet.rawValue] = keys.map(\.0) }
            }
            return FacetRow(n: treaty.name, h: treaty.short, u: EntityKey.treaty(treaty.id).folder + "/", k: treaty.kind?.title ?? treaty.instrument.title,
                            sk: site.statuses[treaty.id]?.rawValue, s: site.statuses[treaty.id]?.title,
                            d: site.knownDates[treaty.id]?.description, dd: site.knownDates[treaty.id]?.display,
                            p: site.distinctParties(of: treaty).compactMap { position[$0] }, f: facets)
        }
        let data = FacetData(parties: site.actors.map { FacetData.Party(n: $0.name, u: EntityKey.actor($0.id).folder + "/") }, rows: [],
                             facets: labels, titles: Dictionary(uniqueKeysWithValues: TreatyFacet.allCases.map { ($0.rawValue, $0.title) }),
                             asOf: site.asOf?.display)
        return ScriptData.assignment(variable: "ENTENTE_TREATIES", json: Self.facetJSON(data, rows: facetRows.encoded(rows, in: "facets", ScriptData.json)))
    }

    /// `data` as compact JSON with `rows` (each row's JSON) as its rows: what `ScriptData.json` gives for `data` with
    /// those rows in it. Keys are sorted and strings escaped, so `"rows":[]` is found once, where the rows go.
    package static func facetJSON(_ data: FacetData, rows: [String]) -> String {
        let envelope = ScriptData.json(data)
        guard let place = envelope.range(of: #""rows":[]"#) else { return envelope }
        return envelope.replacingCharacters(in: place, with: #""rows":["# + rows.joined(separator: ",") + "]")
    }
}

/// One agreement as the filter script has it: name, short name, path, kind, status key, status, ISO date,
/// displayed date, party indices, facet values.
package struct FacetRow: Encodable, Hashable, Sendable {
    let n: String, h: String?, u: String, k: String?, sk: String?, s: String?, d: String?, dd: String?
    let p: [Int], f: [String: [String]]
}

/// The whole of `treaties/facets.js`.
package struct FacetData: Encodable, Sendable {
    struct Party: Encodable { let n: String, u: String }
    let parties: [Party], rows: [FacetRow], facets: [String: [String: String]], titles: [String: String], asOf: String?
}
