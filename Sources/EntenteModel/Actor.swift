/// A state, organisation, alliance, faction or person that takes part in agreements.
public struct Actor: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case state, organization, alliance, faction, person, other

        /// The heading used when actors are grouped by kind.
        public var pluralTitle: String {
            switch self {
            case .state: "States"
            case .organization: "Organisations"
            case .alliance: "Alliances"
            case .faction: "Factions"
            case .person: "People"
            case .other: "Other actors"
            }
        }

        public var title: String {
            switch self {
            case .state: "State"
            case .organization: "Organisation"
            case .alliance: "Alliance"
            case .faction: "Faction"
            case .person: "Person"
            case .other: "Other"
            }
        }
    }

    /// Ids an actor cannot have: `actors/kind/` and `actors/region/` hold the actor index's facet pages.
    public static let reservedIDs: Set<String> = ["kind", "region"]

    public var id: ActorID
    public var name: String
    public var kind: Kind
    public var short: String?
    public var aliases: [String]
    public var region: String?
    public var partOf: Reference<ActorTag>?
    public var summary: MarkdownText?
    /// The profile: the Markdown body of an actor written as `.md`.
    public var profile: MarkdownText?
    /// ISO 3166-1 alpha-3 code.
    public var iso3: String?
    /// Correlates of War state number.
    public var cow: Int?
    /// Wikidata item id, `Q` and digits.
    public var wikidata: String?
    public var location: SourceLocation

    public init(id: ActorID, name: String, kind: Kind = .state, short: String? = nil, aliases: [String] = [],
                region: String? = nil, partOf: Reference<ActorTag>? = nil, summary: MarkdownText? = nil,
                profile: MarkdownText? = nil, iso3: String? = nil, cow: Int? = nil, wikidata: String? = nil,
                location: SourceLocation) {
        self.id = id
        self.name = name
        self.kind = kind
        self.short = short
        self.aliases = aliases
        self.region = region
        self.partOf = partOf
        self.summary = summary
        self.profile = profile
        self.iso3 = iso3
        self.cow = cow
        self.wikidata = wikidata
        self.location = location
    }
}

/// An id as written in content, with where it was written; checked against the site when resolving.
public struct Reference<Kind>: Hashable, Sendable {
    public var id: Identifier<Kind>
    public var location: SourceLocation

    public init(_ id: Identifier<Kind>, at location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
