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
    public var folder: String {
        switch self {
        case .actor(let id): "actors/\(id.rawValue)"
        case .treaty(let id): "treaties/\(id.rawValue)"
        case .analysis(let id): "analyses/\(id.rawValue)"
        }
    }

    public static func < (lhs: EntityKey, rhs: EntityKey) -> Bool { lhs.folder < rhs.folder }
}
