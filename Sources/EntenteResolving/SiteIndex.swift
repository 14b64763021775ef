import EntenteModel
/// Relationships derived from the whole site once, so that no page has to search for its own.
public struct SiteIndex: Sendable {
    /// How an analysis relates to an actor or treaty page that lists it.
    public enum Relation: String, Sendable {
        /// Named in the analysis's front matter.
        case about
        /// Linked or mentioned in its text only.
        case mentions
    }

    public struct Backlink: Hashable, Sendable {
        public var analysis: AnalysisID
        public var relation: Relation
    }

    public struct Tag: Sendable {
        public var slug: String
        public var name: String
        public var analyses: [AnalysisID]
    }

    /// A dated event with its treaty, for the site-wide timeline.
    public struct TimelineEntry: Sendable {
        public var treaty: TreatyID
        public var event: TreatyEvent

        public init(treaty: TreatyID, event: TreatyEvent) {
            self.treaty = treaty
            self.event = event
        }
    }

    /// For each actor and treaty, the analyses about it or mentioning it, newest first.
    public let backlinks: [EntityKey: [Backlink]]

    /// Two actors, the one whose id sorts first first.
    public struct ActorPair: Hashable, Sendable {
        public let first, second: ActorID
        public init(_ a: ActorID, _ b: ActorID) { (first, second) = a < b ? (a, b) : (b, a) }
    }
    /// For each two actors that analyses are about or mention together, those analyses, newest first.
    public let pairAnalyses: [ActorPair: [AnalysisID]]
    /// For each actor, the actors it shares treaties with and how many, most shared first.
    public let counterparts: [ActorID: [(actor: ActorID, count: Int)]]
    /// For each treaty, its distinct parties that are actors of the site, in the order they are listed.
    public let parties: [TreatyID: [ActorID]]
    /// For each actor, the actors that are `part_of` it.
    public let parts: [ActorID: [ActorID]]
    /// Tags by slug, sorted by slug.
    public let tags: [Tag]
    public let tagSlugs: [String: String]
    /// Every event of every treaty, newest first.
    public let timeline: [TimelineEntry]

    /// Builds the index; `mentions` holds what each analysis's text refers to.
    public init(site: ResolvedSite, mentions: [AnalysisID: [EntityKey]]) {
        var backlinks: [EntityKey: [Backlink]] = [:]
        var tags: [String: Tag] = [:]
        var tagSlugs: [String: String] = [:]
        for analysis in site.analyses {
            let about: [EntityKey] = analysis.actors.map { .actor($0.id) } + analysis.treaties.map { .treaty($0.id) }
            var seen = Set(about)
            for key in about { backlinks[key, default: []].append(Backlink(analysis: analysis.id, relation: .about)) }
            for key in mentions[analysis.id] ?? [] where key != .analysis(analysis.id) {
                if case .analysis = key { continue }
                if seen.insert(key).inserted {
                    backlinks[key, default: []].append(Backlink(analysis: analysis.id, relation: .mentions))
                }
            }
            for tag in analysis.tags {
                let slug = AnalysisID.slug(from: tag)
                tagSlugs[tag] = slug
                tags[slug, default: Tag(slug: slug, name: tag, analyses: [])].analyses.append(analysis.id)
            }
        }
        // Front matter may repeat an id; keep each analysis once per page.
        for (key, links) in backlinks {
            var seen: Set<AnalysisID> = []
            backlinks[key] = links.filter { seen.insert($0.analysis).inserted }
        }
        self.backlinks = backlinks
        // Each analysis's actors, then every two of them: intersecting two actors' lists for every pair of a site of
        // 10,000 analyses and 14,000 pairs took seconds.
        var actorsOfAnalysis: [AnalysisID: [ActorID]] = [:]
        for actor in site.actors {
            for backlink in backlinks[.actor(actor.id)] ?? [] { actorsOfAnalysis[backlink.analysis, default: []].append(actor.id) }
        }
        var pairAnalyses: [ActorPair: [AnalysisID]] = [:]
        for analysis in site.analyses {
            guard let actors = actorsOfAnalysis[analysis.id], actors.count > 1 else { continue }
            for i in actors.indices { for j in actors.indices where j > i { pairAnalyses[ActorPair(actors[i], actors[j]), default: []].append(analysis.id) } }
        }
        self.pairAnalyses = pairAnalyses
        self.tags = tags.values.sorted { $0.slug < $1.slug }
        self.tagSlugs = tagSlugs

        var treatyParties: [TreatyID: [ActorID]] = [:]
        treatyParties.reserveCapacity(site.treaties.count)
        for treaty in site.treaties { treatyParties[treaty.id] = site.distinctParties(of: treaty) }
        self.parties = treatyParties
        var shared: [ActorID: [ActorID: Int]] = [:]
        for parties in treatyParties.values {
            for a in parties {
                for b in parties where a != b { shared[a, default: [:]][b, default: 0] += 1 }
            }
        }
        counterparts = shared.mapValues { counts in
            counts.map { (actor: $0.key, count: $0.value) }.sorted { ($1.count, $0.actor) < ($0.count, $1.actor) }
        }
        var parts: [ActorID: [ActorID]] = [:]
        for actor in site.actors { if let parent = actor.partOf { parts[parent.id, default: []].append(actor.id) } }
        self.parts = parts

        var timeline: [TimelineEntry] = []
        for treaty in site.treaties {
            for event in treaty.events { timeline.append(TimelineEntry(treaty: treaty.id, event: event)) }
        }
        timeline.sort {
            ($1.event.date, $1.event.type.lifecycleRank, $0.treaty) < ($0.event.date, $0.event.type.lifecycleRank, $1.treaty)
        }
        self.timeline = timeline
    }

    /// The treaties sharing at least one party with `treaty`, most shared parties first.
    public func treatiesSharingParties(with treaty: Treaty, in site: ResolvedSite) -> [(treaty: TreatyID, shared: Int)] {
        var counts: [TreatyID: Int] = [:]
        for actor in Set(treaty.parties.map(\.actor.id)) {
            for other in site.treatiesOfActor[actor] ?? [] where other != treaty.id { counts[other, default: 0] += 1 }
        }
        return counts.map { (treaty: $0.key, shared: $0.value) }.sorted { ($1.shared, $0.treaty) < ($0.shared, $1.treaty) }
    }
}
