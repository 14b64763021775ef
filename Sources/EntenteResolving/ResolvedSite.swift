import EntenteModel
/// A site whose references have all been checked: every id it holds names an entity that exists.
public struct ResolvedSite: Sendable {
    public let config: SiteConfig
    /// Sorted by name.
    public let actors: [Actor]
    /// Sorted by name.
    public private(set) var treaties: [Treaty]
    /// Newest first, then by title.
    public private(set) var analyses: [Analysis]

    public let actorsByID: [ActorID: Actor]
    public private(set) var treatiesByID: [TreatyID: Treaty]
    public private(set) var analysesByID: [AnalysisID: Analysis]
    /// Sorted by name.
    public let authors: [Author]
    public let authorsByID: [AuthorID: Author]
    /// The analyses of each author, newest first (as `analyses`).
    public private(set) var analysesOfAuthor: [AuthorID: [AnalysisID]]
    /// The build's day (see `SiteContent.buildDay`).
    public var buildDay: PartialDate?
    /// The day the site's data describes: `as_of` of site.yaml, else its latest dated fact (an event, a party's own
    /// date, an analysis). Every "in force" holds as of this day.
    public let asOf: PartialDate?
    /// The days the network is drawn as it stood: `snapshots` of site.yaml, else the first year of each decade the
    /// data spans and `as_of`, oldest first.
    public let snapshotDays: [PartialDate]

    /// The treaties each actor is a party to, sorted by name.
    public private(set) var treatiesOfActor: [ActorID: [TreatyID]]
    /// Each treaty's date and status as every list shows them (`Treaty.knownDate`, `Treaty.status`), derived once:
    /// a site's pages show them tens of thousands of times, and each derivation walks the treaty's events.
    public private(set) var knownDates: [TreatyID: PartialDate]
    public private(set) var statuses: [TreatyID: TreatyStatus]
    /// Each treaty's status at the end of each snapshot day (`Treaty.standing(at:)`), derived once for the same reason.
    public private(set) var snapshotStatuses: [PartialDate: [TreatyID: TreatyStatus]]
    /// The treaties that list a treaty in `supersedes`.
    public private(set) var successors: [TreatyID: [TreatyID]]

    /// Every entity with a file, loaded or not (see `SiteContent.declared`).
    package let declared: Set<EntityKey>
    /// Drafts left out of this build.
    public let excludedDrafts: Set<AnalysisID>
    /// Analyses left out until their date (see `SiteContent.scheduled`).
    public let scheduled: [AnalysisID: ScheduledAnalysis]

    package init(config: SiteConfig, actors: [Actor], treaties: [Treaty], analyses: [Analysis], authors: [Author] = [],
                 declared: Set<EntityKey> = [], excludedDrafts: Set<AnalysisID> = [],
                 scheduled: [AnalysisID: ScheduledAnalysis] = [:]) {
        self.config = config
        self.authors = authors.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        authorsByID = Dictionary(uniqueKeysWithValues: authors.map { ($0.id, $0) })
        self.excludedDrafts = excludedDrafts
        self.scheduled = scheduled
        self.declared = declared
        self.actors = actors.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        self.treaties = treaties.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        self.analyses = Self.sortedNewestFirst(analyses)
        actorsByID = Dictionary(uniqueKeysWithValues: actors.map { ($0.id, $0) })
        treatiesByID = Dictionary(uniqueKeysWithValues: treaties.map { ($0.id, $0) })
        analysesByID = Dictionary(uniqueKeysWithValues: analyses.map { ($0.id, $0) })
        analysesOfAuthor = Self.analysesOfAuthor(self.analyses)
        asOf = Self.asOf(config: config, treaties: treaties, analyses: analyses)
        snapshotDays = Self.snapshotDays(config: config, treaties: treaties, asOf: asOf)
        (treatiesOfActor, successors) = Self.relations(of: self.treaties)
        var knownDates: [TreatyID: PartialDate] = [:], statuses: [TreatyID: TreatyStatus] = [:]
        for treaty in treaties {
            knownDates[treaty.id] = treaty.knownDate
            statuses[treaty.id] = treaty.status
        }
        self.knownDates = knownDates
        self.statuses = statuses
        var snapshotStatuses: [PartialDate: [TreatyID: TreatyStatus]] = [:]
        for day in snapshotDays {
            for treaty in treaties { snapshotStatuses[day, default: [:]][treaty.id] = treaty.standing(at: day).status }
        }
        self.snapshotStatuses = snapshotStatuses
    }

    /// `as_of` of site.yaml, else the latest dated fact: an event, a party's own date, an analysis.
    private static func asOf(config: SiteConfig, treaties: [Treaty], analyses: [Analysis]) -> PartialDate? {
        config.asOf ?? (treaties.flatMap { treaty in
            treaty.events.map(\.date) + treaty.parties.flatMap { [$0.signed, $0.ratified, $0.acceded, $0.inForce, $0.withdrawn].compactMap { $0 } }
        } + analyses.map(\.date)).max()
    }

    /// The treaties each actor is a party to, and those that supersede each treaty, in the order of `treaties`.
    private static func relations(of treaties: [Treaty]) -> (treatiesOfActor: [ActorID: [TreatyID]], successors: [TreatyID: [TreatyID]]) {
        var treatiesOfActor: [ActorID: [TreatyID]] = [:]
        var successors: [TreatyID: [TreatyID]] = [:]
        for treaty in treaties {
            for party in treaty.parties where treatiesOfActor[party.actor.id]?.last != treaty.id {
                treatiesOfActor[party.actor.id, default: []].append(treaty.id)
            }
            if let old = treaty.supersedes { successors[old.id, default: []].append(treaty.id) }
        }
        return (treatiesOfActor, successors)
    }

    /// Puts an edited treaty in place of the site's own with its id (moved to its place by name when renamed), and
    /// derives again what the site derives from its treaties. Returns false, leaving the site as it was, when the
    /// edit would change the site's "as of" or its snapshot days: everything is made afresh then.
    package mutating func replaceTreaty(_ edited: Treaty) -> Bool {
        guard treatiesByID.index(forKey: edited.id) != nil,
              let index = treaties.firstIndex(where: { $0.id == edited.id }) else { return false }
        var treaties = self.treaties
        if treaties[index].name == edited.name {
            treaties[index] = edited
        } else {
            treaties.remove(at: index)
            let key = (edited.name, edited.id)
            treaties.insert(edited, at: treaties.firstIndex { ($0.name, $0.id) > key } ?? treaties.endIndex)
        }
        let asOf = Self.asOf(config: config, treaties: treaties, analyses: analyses)
        guard asOf == self.asOf, Self.snapshotDays(config: config, treaties: treaties, asOf: asOf) == snapshotDays else { return false }
        self.treaties = treaties
        treatiesByID[edited.id] = edited
        (treatiesOfActor, successors) = Self.relations(of: treaties)
        knownDates[edited.id] = edited.knownDate
        statuses[edited.id] = edited.status
        for day in snapshotDays { snapshotStatuses[day]?[edited.id] = edited.standing(at: day).status }
        return true
    }

    /// Takes the Markdown text out of every analysis, leaving an empty text at the same origin, and returns
    /// the texts in the order of `analyses`. A one-off build does this so that each text can be freed as soon
    /// as it is rendered: on a 100,000-analysis site the texts are a gigabyte.
    package mutating func takeAnalysisBodies() -> [MarkdownText] {
        let bodies = analyses.map(\.body)
        for index in analyses.indices { analyses[index].body.source = "" }
        for id in Array(analysesByID.keys) { analysesByID[id]?.body.source = "" }
        return bodies
    }

    /// Replaces each analysis's Markdown held in memory with `setAside(analysis)`, when that gives one (the same text,
    /// kept out of memory).
    package mutating func setAsideAnalysisBodies(_ setAside: (Analysis) -> MarkdownText?) {
        for index in analyses.indices where analyses[index].body.setAside == nil {
            guard let body = setAside(analyses[index]) else { continue }
            analyses[index].body = body
            analysesByID[analyses[index].id]?.body = body
        }
    }

    /// Puts edited analyses in place of the site's own with the same ids, and sorts the site's analyses again
    /// when the edits moved them (a new date or title). The caller makes sure that nothing else the site
    /// derives from its analyses changes (`asOf`; who wrote them). Returns whether the order changed.
    package mutating func replaceAnalyses(_ edited: [Analysis]) -> Bool {
        let byID = Dictionary(edited.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        var places: [Int] = []
        for index in analyses.indices where byID.index(forKey: analyses[index].id) != nil {
            analyses[index] = byID[analyses[index].id]!
            places.append(index)
        }
        for analysis in edited where analysesByID.index(forKey: analysis.id) != nil { analysesByID[analysis.id] = analysis }
        // The rest were in order and are unchanged: only an edited analysis and its neighbours can be out of order.
        let outOfOrder = places.contains { index in
            (index > 0 && Self.newestFirst(Self.orderKey(analyses[index]), Self.orderKey(analyses[index - 1])))
                || (index + 1 < analyses.count && Self.newestFirst(Self.orderKey(analyses[index + 1]), Self.orderKey(analyses[index])))
        }
        guard outOfOrder else { return false }
        analyses = Self.sortedNewestFirst(analyses)
        analysesOfAuthor = Self.analysesOfAuthor(analyses)
        return true
    }

    /// `analyses` in the site's order. The positions are sorted by keys taken out once, not the analyses: moving
    /// whole analyses about took a tenth of a second, and reading each comparison's keys out of them as long again.
    private static func sortedNewestFirst(_ analyses: [Analysis]) -> [Analysis] {
        let keys = analyses.map(orderKey)
        return keys.indices.sorted { newestFirst(keys[$0], keys[$1]) }.map { analyses[$0] }
    }

    private typealias OrderKey = (date: PartialDate, title: String, id: AnalysisID)

    private static func orderKey(_ analysis: Analysis) -> OrderKey { (analysis.date, analysis.title, analysis.id) }

    /// The order of the site's analyses: newest first, then by title (then by id).
    private static func newestFirst(_ a: OrderKey, _ b: OrderKey) -> Bool {
        (b.date, a.title, a.id) < (a.date, b.title, b.id)
    }

    /// The analyses of each author, in the order of `analyses`.
    private static func analysesOfAuthor(_ analyses: [Analysis]) -> [AuthorID: [AnalysisID]] {
        var result: [AuthorID: [AnalysisID]] = [:]
        for analysis in analyses {
            for author in analysis.authors where result[author.id]?.contains(analysis.id) != true {
                result[author.id, default: []].append(analysis.id)
            }
        }
        return result
    }

    /// The distinct parties of `treaty` that are actors of the site, in the order it lists them.
    public func distinctParties(of treaty: Treaty) -> [ActorID] {
        var seen: Set<ActorID> = []
        // `index(forKey:)`, not `[id] != nil`, which copies the whole actor out of the dictionary.
        return treaty.parties.map(\.actor.id).filter { actorsByID.index(forKey: $0) != nil && seen.insert($0).inserted }
    }

    /// Whether `key` names an entity of this site (one whose file failed to load counts).
    public func contains(_ key: EntityKey) -> Bool {
        if declared.contains(key) { return true }
        switch key {
        case .actor(let id): return actorsByID[id] != nil
        case .treaty(let id): return treatiesByID[id] != nil
        case .analysis(let id): return analysesByID[id] != nil
        }
    }

    /// The display name of an entity.
    private static func snapshotDays(config: SiteConfig, treaties: [Treaty], asOf: PartialDate?) -> [PartialDate] {
        if let chosen = config.snapshots { return chosen }
        guard let asOf, let first = treaties.flatMap({ $0.events.map(\.date) + $0.parties.compactMap(\.signed) }).min()
        else { return [] }
        var days = stride(from: (first.year + 9) / 10 * 10, to: asOf.year, by: 10).compactMap { PartialDate(year: $0) }
        days.append(asOf)
        return days
    }

    /// Who wrote an analysis, as one line: its authors' names ("A, B and C"), else its plain `author`.
    public func byline(of analysis: Analysis) -> String? {
        let names = authorNames(of: analysis)
        guard !names.isEmpty else { return analysis.author }
        return names.joinedAsEnglishList
    }

    /// The names of an analysis's authors, else its plain `author`, one name per entry (as citations list them).
    public func authorNames(of analysis: Analysis) -> [String] {
        let names = analysis.authors.compactMap { authorsByID[$0.id]?.name }
        return names.isEmpty ? analysis.author.map { [$0] } ?? [] : names
    }

    public func name(of key: EntityKey) -> String {
        switch key {
        case .actor(let id): actorsByID[id]?.name ?? id.rawValue
        case .treaty(let id): treatiesByID[id].map { $0.short ?? $0.name } ?? id.rawValue
        case .analysis(let id): analysesByID[id]?.title ?? id.rawValue
        }
    }

    /// The names, short names and aliases that count as a mention of each actor and treaty.
    public var mentionPatterns: [(name: String, target: EntityKey)] {
        var patterns: [(String, EntityKey)] = []
        for actor in actors {
            for name in [actor.name] + [actor.short].compactMap({ $0 }) + actor.aliases {
                patterns.append((name, .actor(actor.id)))
            }
        }
        for treaty in treaties {
            for name in [treaty.name] + [treaty.short].compactMap({ $0 }) + treaty.aliases {
                patterns.append((name, .treaty(treaty.id)))
            }
        }
        return patterns
    }
}
