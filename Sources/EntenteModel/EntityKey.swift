/// Names any page-owning entity of a site: what a Markdown reference or a mention points at.
public enum EntityKey: Hashable, Sendable, Comparable {
    case actor(ActorID)
    case treaty(TreatyID)
    case analysis(AnalysisID)

    /// Parses a reference URL such as `actor:india`; nil when `url` uses no entity scheme.
    /// The id is returned unchecked, so that a bad one can be reported with its text.
    package static func scheme(of url: String) -> (scheme: String, id: String, fragment: String?)? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = String(url[..<colon])
        guard ["actor", "treaty", "analysis", "actors", "treaties", "analyses"].contains(scheme) else { return nil }
        var id = String(url[url.index(after: colon)...])
        var fragment: String?
        if let hash = id.firstIndex(of: "#") {
            fragment = String(id[id.index(after: hash)...])
            id = String(id[..<hash])
        }
        return (scheme, id, fragment)
    }

    /// The page's folder inside the output, e.g. `actors/india`.
    public var folder: String { section + "/" + rawID }

    /// The folder of the entity's kind: `actors`, `treaties` or `analyses`.
    public var section: String {
        switch self {
        case .actor: "actors"
        case .treaty: "treaties"
        case .analysis: "analyses"
        }
    }

    /// The id, whatever its kind.
    public var rawID: String {
        switch self {
        case .actor(let id): id.rawValue
        case .treaty(let id): id.rawValue
        case .analysis(let id): id.rawValue
        }
    }

    /// The order of their folders (`actors/…`, then `analyses/…`, then `treaties/…`), without making them: keys
    /// are sorted often enough that building two strings per comparison showed in a build's profile.
    public static func < (lhs: EntityKey, rhs: EntityKey) -> Bool {
        switch (lhs, rhs) {
        case (.actor(let left), .actor(let right)): left < right
        case (.analysis(let left), .analysis(let right)): left < right
        case (.treaty(let left), .treaty(let right)): left < right
        default: lhs.folderRank < rhs.folderRank
        }
    }

    /// Where this kind's folder sorts among the three.
    private var folderRank: Int {
        switch self {
        case .actor: 0
        case .analysis: 1
        case .treaty: 2
        }
    }
}
