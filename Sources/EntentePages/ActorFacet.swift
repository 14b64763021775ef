import EntenteModel
import EntenteResolving

/// A way to narrow the actor index: by kind (`actors/kind/state/`) or by region (`actors/region/east-asia/`), each
/// value a static page listing its actors with the number of agreements each is party to.
public enum ActorFacet: String, CaseIterable, Sendable, Hashable {
    case kind, region

    package var title: String {
        switch self {
        case .kind: "Kind"
        case .region: "Region"
        }
    }

    /// One value of a facet: its slug (a folder name), what a reader sees, and its actors in the index's order.
    package struct Value: Sendable {
        package var slug: String
        package var label: String
        package var actors: [ActorID]
    }

    /// A region as a folder name and a filter's value (`East Asia` → `east-asia`).
    package static func slug(ofRegion region: String) -> String { ActorID.slug(from: region) }

    /// The values of this facet in `site`: kinds in their own order, regions by name. An actor without a region
    /// is under no region.
    package func values(in site: ResolvedSite) -> [Value] {
        var order: [String] = []
        var values: [String: Value] = [:]
        for actor in site.actors {
            let key: (slug: String, label: String)?
            switch self {
            case .kind: key = (actor.kind.rawValue, actor.kind.pluralTitle)
            case .region:
                let slug = actor.region.map(Self.slug(ofRegion:)) ?? ""
                key = slug.isEmpty ? nil : (slug, actor.region!)
            }
            guard let key else { continue }
            if values[key.slug] == nil { order.append(key.slug); values[key.slug] = Value(slug: key.slug, label: key.label, actors: []) }
            values[key.slug]!.actors.append(actor.id)
        }
        let rank: (String) -> (Int, String) = { slug in
            switch self {
            case .kind: (Actor.Kind.allCases.firstIndex { $0.rawValue == slug } ?? Int.max, "")
            case .region: (0, values[slug]!.label)
            }
        }
        return order.sorted { (rank($0).0, rank($0).1, $0) < (rank($1).0, rank($1).1, $1) }.map { values[$0]! }
    }
}
