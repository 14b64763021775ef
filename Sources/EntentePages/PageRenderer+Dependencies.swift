import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
extension PageRenderer {
    /// What a page's output is made from. A rebuild renders a page again only when one of these changed.
    public enum Dependency: Hashable, Sendable {
        /// One actor, treaty or analysis: its data, as other pages show it. A page that lists analyses depends on
        /// each one it shows, and on the list itself through `allAnalyses`, `analysesAbout` or `tagged`.
        case entity(EntityKey)
        /// The rendered Markdown of an entity, which only its own page shows.
        case text(EntityKey)
        /// Which analyses the site has and in which order (and so which analyses every list of them holds); which
        /// actors or treaties it has, and their data (for the lists).
        case allAnalyses, allActors, allTreaties
        /// The data of any analysis at all (for the pages that show every analysis, or sort by their data).
        case anyAnalysis
        /// The Markdown text of any entity (for the data files, which carry it as written).
        case anyText
        /// Which agreements each actor has, in their order (for the actors' data files, which list them by id).
        case everyActorsAgreements
        /// Every treaty's events and the sources they cite (for the events' data files).
        case everyTreatyEvent
        /// Which agreements are in force, or perhaps in force, on each snapshot day, with their status (for the
        /// snapshots, which show the data of those alone).
        case snapshotStanding
        /// Which treaties an actor is a party to, and so who its counterparts are and which agreements it shares
        /// with each; not those treaties' data: a page that shows an agreement depends on it as an `entity`, so that
        /// an edit that keeps a treaty's parties renders only the pages that show it.
        case treatiesOf(ActorID)
        /// The analyses about or mentioning an entity: which analyses they are, and in which order.
        case analysesAbout(EntityKey)
        /// The analyses with a tag (by its slug): which analyses they are, and in which order.
        case tagged(String)
        /// The entities that name this one in their own data: an actor's parts, a treaty's successors.
        case namedBy(EntityKey)
        /// Which agreements a list of treaties holds (the index's, `nil`, or a facet value's), in which order.
        case treatyListing(TreatyFacet?, String)
        /// Every facet's values with their labels and counts (the facet links of each treaty list's first page)...
        case treatyFacetCounts
        /// ...and without their counts (those of the further pages).
        case treatyFacetValues
    }

    /// The relations a change to `key`'s data touches: what it was in `old` and what it is in `new` (an analysis
    /// that stops naming an actor leaves its pages too; one whose change keeps it in the same lists at the same
    /// places touches none). A page that lists the analyses about an actor, say, depends on `analysesAbout(actor)`,
    /// so that its dependencies stay the same until that list changes, and a rebuild need only ask again the
    /// dependencies of the pages it renders. A treaty touches its parties' `treatiesOf` only when it changes which
    /// agreements they have (`agreementsChanged`): the pages that show its data depend on it as an `entity`.
    public static func relations(touchedBy key: EntityKey, from old: PageRenderer, to new: PageRenderer) -> [Dependency] {
        var relations = old.relations(touchedBy: key) + new.relations(touchedBy: key)
        if case .treaty(let id) = key, !agreementsChanged(by: id, from: old.site, to: new.site) {
            relations.removeAll { if case .treatiesOf = $0 { true } else { false } }
        }
        return relations
    }

    /// The relations of `key` as this renderer's site stands.
    private func relations(touchedBy key: EntityKey) -> [Dependency] {
        switch key {
        case .analysis(let id):
            guard let analysis = site.analysesByID[id] else { return [] }
            var about: [EntityKey] = analysis.actors.map { .actor($0.id) } + analysis.treaties.map { .treaty($0.id) }
            about += markdown.mentions(of: id)
            return about.map(Dependency.analysesAbout) + analysis.tags.map { .tagged(AnalysisID.slug(from: $0)) }
        case .treaty(let id):
            guard let treaty = site.treatiesByID[id] else { return [] }
            // Its parties: which agreements an actor has follows its parties alone (`ResolvedSite.treatiesOfActor`).
            var relations = treaty.parties.map { Dependency.treatiesOf($0.actor.id) }
            if let old = treaty.supersedes { relations.append(.namedBy(.treaty(old.id))) }
            return relations
        case .actor(let id):
            guard let parent = site.actorsByID[id]?.partOf else { return [] }
            return [.namedBy(.actor(parent.id))]
        }
    }

    /// Whether a change to `treaty` between `old` and `new` changes which agreements an actor has, or their order
    /// (a new name moves it in its parties' lists): only then does it touch its parties' `treatiesOf`.
    public static func agreementsChanged(by treaty: TreatyID, from old: ResolvedSite, to new: ResolvedSite) -> Bool {
        let before = old.treatiesByID[treaty].map { old.distinctParties(of: $0) }
        let after = new.treatiesByID[treaty].map { new.distinctParties(of: $0) }
        return before != after || (after ?? []).contains { old.treatiesOfActor[$0] != new.treatiesOfActor[$0] }
    }

    /// Whether a change to `treaty` between `old` and `new` changes its events or the sources they cite.
    public static func eventsChanged(of treaty: TreatyID, from old: ResolvedSite, to new: ResolvedSite) -> Bool {
        let (before, after) = (old.treatiesByID[treaty], new.treatiesByID[treaty])
        return before?.events != after?.events || before?.sources != after?.sources
    }

    /// Whether a change to `treaty` between `old` and `new` changes whether or how it stands on a snapshot day.
    public static func standingChanged(of treaty: TreatyID, from old: ResolvedSite, to new: ResolvedSite) -> Bool {
        let (before, after) = (old.treatiesByID[treaty], new.treatiesByID[treaty])
        return old.snapshotDays != new.snapshotDays || new.snapshotDays.contains { day in
            old.snapshotStatuses[day]?[treaty] != new.snapshotStatuses[day]?[treaty] || before?.doubt(at: day) != after?.doubt(at: day)
        }
    }

    /// The treaties a snapshot shows: those in force on its day, or perhaps in force.
    package func treatiesShown(onSnapshot day: PartialDate) -> [TreatyID] {
        site.treaties.compactMap { treaty in
            site.snapshotStatuses[day]?[treaty.id]?.isActive == true || treaty.doubt(at: day) != nil ? treaty.id : nil
        }
    }

    /// The dependencies of `page`, as the site stands now. Settings and templates are not listed:
    /// a change to either renders every page.
    public func dependencies(of page: Page) -> Set<Dependency> {
        switch page {
        case .home: return showing(site.analyses.prefix(Self.latestCount).map(\.id), [.allAnalyses, .allActors, .allTreaties])
        case .analyses: return dependencies(of: .analysisList(.site, 1))
        case .tags: return [.allAnalyses]
        case .treaties: return dependencies(of: .treatyList(nil, "", 1))
        case .treatyList(let facet, let slug, let number):
            // Its agreements' data, and its parties' names; a kind or status edit renders the lists it leaves and
            // joins and the facet links with counts, not every page of every list.
            let shown = Self.onPage(number, of: treatyListing(facet, slug))
            return Set(shown.map { .entity(.treaty($0)) })
                .union([.allActors, .treatyListing(facet, slug), number == 1 ? .treatyFacetCounts : .treatyFacetValues])
        // Each actor with how many agreements it has, which follows from which agreements it has alone.
        case .actors, .actorList: return [.allActors, .everyActorsAgreements]
        case .facetData: return [.allActors, .allTreaties]
        // The timeline picture runs agreements in force up to the latest date of the site, analyses included.
        case .timeline: return [.allActors, .allTreaties, .allAnalyses]
        case .notFound, .robots: return []
        case .network: return [.allActors, .allTreaties]
        case .search, .sitemap: return [.allAnalyses, .allActors, .allTreaties]
        // The search index's files are compared, not tracked: a rebuild writes those whose content changed.
        case .searchIndex, .searchFile: return []
        // An analysis's text file starts with its summary.
        case .searchText(let key): return [.entity(key), .text(key)]
        case .data(.actorsJSON): return [.allActors, .everyActorsAgreements, .anyText]
        case .data(.actorsCSV): return [.allActors, .everyActorsAgreements]
        case .data(.treatiesJSON): return [.allTreaties, .anyText]
        case .data(.treatiesCSV): return [.allTreaties]
        case .data(.eventsJSON), .data(.eventsCSV): return [.everyTreatyEvent]
        // Sorted by each analysis's last change.
        case .feed(nil): return [.allAnalyses, .anyAnalysis]
        case .feed(let key?):
            var keys: [EntityKey] = [key]
            // A treaty's feed names the actors of its events.
            if case .treaty(let id) = key, let treaty = site.treatiesByID[id] {
                keys += treaty.events.compactMap { $0.actor.map { .actor($0.id) } }
            }
            // Every analysis of the entity, sorted by its last change.
            return showing(analyses(of: .entity(key)), Set(keys.map(Dependency.entity)).union([.analysesAbout(key)]))
        case .record(let key):
            var uses: Set<Dependency> = [.entity(key), .text(key)]
            if case .actor(let id) = key { uses.insert(.treatiesOf(id)) }
            return uses
        // Authors' own data is compared as a whole: any change to an author renders every page again.
        case .authors: return [.allAnalyses]
        // The site's `as_of` is compared as a whole, as the authors are.
        case .watch: return showing(watchedAnalyses(onPage: 1), [.allAnalyses, .allActors, .allTreaties])
        case .watchList(let number): return showing(watchedAnalyses(onPage: number), [.allAnalyses, .allActors, .allTreaties])
        case .watchFeed: return [.allActors, .allTreaties]
        // The whole network's layout follows every actor's agreements; the picture and the lists show the agreements
        // standing on the day.
        case .snapshot(let day):
            return Set(treatiesShown(onSnapshot: day).map { .entity(.treaty($0)) })
                .union([.allActors, .everyActorsAgreements, .snapshotStanding])
        case .analysisList(let owner, let number): return showing(Self.onPage(number, of: analyses(of: owner)), listDependencies(owner))
        case .pair(let a, let b):
            // The agreements the two share, with their events and the actors who took them.
            var keys: [EntityKey] = []
            for id in sharedTreaties(a, b) {
                keys.append(.treaty(id))
                keys += (site.treatiesByID[id]?.events ?? []).compactMap { $0.actor.map { .actor($0.id) } }
            }
            return showing(analyses(of: .pair(a, b)).prefix(Self.listLimit),
                           listDependencies(.pair(a, b)).union(keys.map(Dependency.entity)))
        // Which analyses an author wrote is not a relation of its own: any analysis may gain an author.
        case .author(let id), .authorFeed(let id): return showing(site.analysesOfAuthor[id] ?? [], [.allAnalyses])
        case .tag(let slug): return dependencies(of: .analysisList(.tag(slug), 1))
        case .analysis(let id):
            guard let analysis = site.analysesByID[id] else { return [] }
            var keys: [EntityKey] = [.analysis(id)]
            keys += analysis.actors.map { .actor($0.id) } + analysis.treaties.map { .treaty($0.id) }
            keys += markdown.mentions(of: id)
            return Set(keys.map(Dependency.entity)).union([.text(.analysis(id))])
        case .actor(let id):
            guard let actor = site.actorsByID[id] else { return [] }
            var keys: [EntityKey] = [.actor(id)]
            if let parent = actor.partOf { keys.append(.actor(parent.id)) }
            keys += (index.parts[id] ?? []).map { .actor($0) }
            keys += (index.counterparts[id] ?? []).map { .actor($0.actor) }
            var uses = Set(keys.map(Dependency.entity))
            uses.formUnion([.text(.actor(id)), .namedBy(.actor(id)), .treatiesOf(id), .analysesAbout(.actor(id))])
            uses = showing(analyses(of: .entity(.actor(id))).prefix(Self.listLimit), uses)
            // Its agreements are listed. The ego network also draws agreements among the counterparts themselves:
            // which ones follows from which agreements they have, and it shows the data of those it draws.
            for counterpart in index.counterparts[id] ?? [] { uses.insert(.treatiesOf(counterpart.actor)) }
            let drawn = EgoNetworkPicture.drawnAgreements(of: id, site: site, index: index)
            uses.formUnion(((site.treatiesOfActor[id] ?? []) + drawn.indirect.map(\.treaty)).map { .entity(.treaty($0)) })
            return uses
        case .treaty(let id):
            guard let treaty = site.treatiesByID[id] else { return [] }
            var keys: [EntityKey] = [.treaty(id)]
            keys += treaty.parties.map { .actor($0.actor.id) } + treaty.events.compactMap { $0.actor.map { .actor($0.id) } }
            if let old = treaty.supersedes { keys.append(.treaty(old.id)) }
            keys += (site.successors[id] ?? []).map { .treaty($0) }
            keys += treaty.related.map { .treaty($0.id) }
            var uses = Set(keys.map(Dependency.entity))
            uses.formUnion([.text(.treaty(id)), .namedBy(.treaty(id)), .analysesAbout(.treaty(id))])
            uses = showing(analyses(of: .entity(.treaty(id))).prefix(Self.listLimit), uses)
            // The treaties sharing a party with this one: which they are follows from the parties' agreements, and
            // the first few are listed.
            for party in treaty.parties { uses.insert(.treatiesOf(party.actor.id)) }
            let sharing = index.treatiesSharingParties(with: treaty, in: site).prefix(Self.sharingLimit)
            uses.formUnion(sharing.map { .entity(.treaty($0.treaty)) })
            return uses
        }
    }

    /// `list` and each analysis of `analyses`, whose data the page shows.
    private func showing(_ analyses: some Sequence<AnalysisID>, _ list: Set<Dependency>) -> Set<Dependency> {
        list.union(analyses.lazy.map { .entity(.analysis($0)) })
    }

    /// What decides which analyses a list holds, and in which order.
    private func listDependencies(_ owner: ListOwner) -> Set<Dependency> {
        switch owner {
        case .site: [.allAnalyses]
        case .tag(let slug): [.tagged(slug)]
        case .entity(let key): [.entity(key), .analysesAbout(key)]
        // Which agreements and analyses the two share changes with the agreements and analyses of either.
        case .pair(let a, let b):
            [.entity(.actor(a)), .entity(.actor(b)), .treatiesOf(a), .treatiesOf(b), .analysesAbout(.actor(a)), .analysesAbout(.actor(b))]
        }
    }
}
