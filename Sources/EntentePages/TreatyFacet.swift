import EntenteModel
import EntenteSupport
import EntenteResolving

/// A way to narrow the treaty index: each facet sorts every agreement into values (`kind` → `defence-pact`), and each
/// value has a static page (`treaties/kind/defence-pact/`) listing its agreements.
public enum TreatyFacet: String, CaseIterable, Sendable, Hashable {
    case kind, status, obligation, region, decade

    package var title: String {
        switch self {
        case .kind: "Kind"
        case .status: "Status"
        case .obligation: "Obligation"
        case .region: "Region of a party"
        case .decade: "Decade of signature"
        }
    }

    /// One value of a facet: its slug (a folder name), what a reader sees, and its agreements in index order.
    package struct Value: Sendable {
        package var slug: String
        package var label: String
        package var treaties: [TreatyID]
    }

    /// One agreement's (slug, label) pairs for every facet, in the order of `allCases`.
    package struct Keys: Sendable {
        private var byFacet: [[(String, String)]]

        init(_ byFacet: [[(String, String)]]) { self.byFacet = byFacet }

        package subscript(facet: TreatyFacet) -> [(String, String)] { byFacet[facet.ordinal] }
    }

    private var ordinal: Int { Self.allCases.firstIndex(of: self)! }

    /// Every agreement's keys in `site`, by its id.
    package static func keys(in site: ResolvedSite) -> [TreatyID: Keys] {
        var keys: [TreatyID: Keys] = [:]
        keys.reserveCapacity(site.treaties.count)
        // Each region's slug once: working it out for each party of each agreement was most of the time here.
        var regionSlugs: [String: String] = [:]
        for treaty in site.treaties {
            keys[treaty.id] = Keys(allCases.map { facet in
                facet == .region ? regionKeys(of: treaty, in: site, slugs: &regionSlugs) : self.keys(facet, of: treaty, in: site)
            })
        }
        return keys
    }

    /// The values of this facet in `site`, each with its agreements (in the index's order); an agreement may have
    /// several (obligations, regions) or none (no kind, no date). `keys` are `keys(in: site)`.
    package func values(in site: ResolvedSite, keys: [TreatyID: Keys]) -> [Value] {
        var order: [String] = []
        var values: [String: Value] = [:]
        func add(_ slug: String, _ label: String, _ treaty: TreatyID) {
            if values[slug] == nil { order.append(slug); values[slug] = Value(slug: slug, label: label, treaties: []) }
            if values[slug]!.treaties.last != treaty { values[slug]!.treaties.append(treaty) }
        }
        for treaty in site.treaties {
            for (slug, label) in keys[treaty.id]?[self] ?? [] { add(slug, label, treaty.id) }
        }
        // Kinds, statuses and obligations in their own order, regions by name, decades oldest first.
        let rank: (String) -> String = { slug in
            switch self {
            case .kind: String(format: "%03d", Treaty.Kind.allCases.firstIndex { $0.rawValue == slug } ?? 999)
            case .status: String(format: "%03d", TreatyStatus.allCases.firstIndex { $0.rawValue == slug } ?? 999)
            case .obligation: String(format: "%03d", Treaty.Obligation.allCases.firstIndex { $0.rawValue == slug } ?? 999)
            case .region: values[slug]!.label
            case .decade: slug
            }
        }
        return order.sorted { (rank($0), $0) < (rank($1), $1) }.map { values[$0]! }
    }

    /// The (slug, label) pairs of one agreement for `facet`. Status is the one the index shows (as of `as_of`).
    package static func keys(_ facet: TreatyFacet, of treaty: Treaty, in site: ResolvedSite) -> [(String, String)] {
        switch facet {
        case .kind: return treaty.kind.map { [($0.rawValue, $0.title)] } ?? []
        case .status: return site.statuses[treaty.id].map { [($0.rawValue, $0.title)] } ?? []
        case .obligation: return treaty.obligations.map { ($0.rawValue, $0.title) }
        case .region:
            var slugs: [String: String] = [:]
            return regionKeys(of: treaty, in: site, slugs: &slugs)
        case .decade:
            guard let year = site.knownDates[treaty.id]?.year else { return [] }
            let decade = year - ((year % 10) + 10) % 10
            return [("\(decade)s", "\(decade)s")]
        }
    }

    /// The regions of an agreement's parties, each once, in the order of its parties; `slugs` keeps each region's slug.
    private static func regionKeys(of treaty: Treaty, in site: ResolvedSite, slugs: inout [String: String]) -> [(String, String)] {
        var seen: Set<String> = []
        return site.distinctParties(of: treaty).compactMap { site.actorsByID[$0]?.region }.compactMap { region in
            let slug: String
            if let known = slugs[region] { slug = known } else {
                slug = ActorID.slug(from: region)
                slugs[region] = slug
            }
            return !slug.isEmpty && seen.insert(slug).inserted ? (slug, region) : nil
        }
    }
}
