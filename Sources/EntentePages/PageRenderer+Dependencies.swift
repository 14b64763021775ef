import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
extension PageRenderer {
    /// What a page's output is made from. A rebuild renders a page again only when one of these changed.
    public enum Dependency: Hashable, Sendable {
        /// One actor, treaty or analysis: its data, as other pages show it.
        case entity(EntityKey)
        /// The rendered Markdown of an entity, which only its own page shows.
        case text(EntityKey)
        /// Any analysis, actor or treaty at all (for the lists).
        case allAnalyses, allActors, allTreaties
        /// The Markdown text of any entity (for the data files, which carry it as written).
        case anyText
        /// The Markdown text of any entity, analyses included (for the search index, which finds every word).
        case searchableText
    }

    /// The dependencies of `page`, as the site stands now. Settings and templates are not listed:
    /// a change to either renders every page.
    public func dependencies(of page: Page) -> Set<Dependency> {
        switch page {
        case .home: return [.allAnalyses, .allActors, .allTreaties]
        case .analyses, .tags: return [.allAnalyses]
        case .actors, .treaties, .treatyList, .facetData, .actorList: return [.allActors, .allTreaties]
        // The timeline picture runs agreements in force up to the latest date of the site, analyses included.
        case .timeline: return [.allActors, .allTreaties, .allAnalyses]
        case .notFound, .robots: return []
        case .network: return [.allActors, .allTreaties]
        case .search, .sitemap: return [.allAnalyses, .allActors, .allTreaties]
        case .searchIndex, .searchFile: return [.allAnalyses, .allActors, .allTreaties, .searchableText]
        // An analysis's text file starts with its summary.
        case .searchText(let key): return [.entity(key), .text(key)]
        case .data(.actorsJSON), .data(.treatiesJSON): return [.allActors, .allTreaties, .anyText]
        case .data: return [.allActors, .allTreaties]
        case .feed(nil): return [.allAnalyses]
        case .feed(let key?):
            var keys: [EntityKey] = [key] + (index.backlinks[key] ?? []).map { .analysis($0.analysis) }
            // A treaty's feed names the actors of its events.
            if case .treaty(let id) = key, let treaty = site.treatiesByID[id] {
                keys += treaty.events.compactMap { $0.actor.map { .actor($0.id) } }
            }
            return Set(keys.map(Dependency.entity))
        case .record(let key):
            var keys: [EntityKey] = [key]
            if case .actor(let id) = key { keys += (site.treatiesOfActor[id] ?? []).map { .treaty($0) } }
            return Set(keys.map(Dependency.entity)).union([.text(key)])
        // Authors' own data is compared as a whole: any change to an author renders every page again.
        case .authors: return [.allAnalyses]
        // The site's `as_of` is compared as a whole, as the authors are.
        case .watch, .watchFeed, .watchList: return [.allAnalyses, .allActors, .allTreaties]
        case .snapshot: return [.allActors, .allTreaties]
        case .analysisList(.site, _): return [.allAnalyses]
        case .analysisList(.tag(let slug), _): return dependencies(of: .tag(slug))
        case .analysisList(.entity(let key), _):
            return Set(([key] + (index.backlinks[key] ?? []).map { .analysis($0.analysis) }).map(Dependency.entity))
        case .analysisList(.pair(let a, let b), _): return dependencies(of: .pair(a, b))
        case .pair(let a, let b):
            var keys: [EntityKey] = [.actor(a), .actor(b)]
            // Which agreements and analyses the two share changes with the agreements and analyses of either.
            keys += ((site.treatiesOfActor[a] ?? []) + (site.treatiesOfActor[b] ?? [])).map { .treaty($0) }
            keys += ((index.backlinks[.actor(a)] ?? []) + (index.backlinks[.actor(b)] ?? [])).map { .analysis($0.analysis) }
            return Set(keys.map(Dependency.entity))
        case .author(let id), .authorFeed(let id):
            return Set((site.analysesOfAuthor[id] ?? []).map { .entity(.analysis($0)) })
        case .citation(let key, _):
            var keys: [EntityKey] = [key]
            // A treaty's citation names its parties.
            if case .treaty(let id) = key, let treaty = site.treatiesByID[id] { keys += treaty.parties.map { .actor($0.actor.id) } }
            return Set(keys.map(Dependency.entity))
        case .tag(let slug):
            return Set((index.tags.first { $0.slug == slug }?.analyses ?? []).map { .entity(.analysis($0)) })
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
            keys += (site.treatiesOfActor[id] ?? []).map { .treaty($0) }
            keys += (index.counterparts[id] ?? []).map { .actor($0.actor) }
            // The ego network also draws the agreements among the counterparts themselves.
            for counterpart in index.counterparts[id] ?? [] {
                keys += (site.treatiesOfActor[counterpart.actor] ?? []).map { .treaty($0) }
            }
            keys += (index.backlinks[.actor(id)] ?? []).map { .analysis($0.analysis) }
            return Set(keys.map(Dependency.entity)).union([.text(.actor(id))])
        case .treaty(let id):
            guard let treaty = site.treatiesByID[id] else { return [] }
            var keys: [EntityKey] = [.treaty(id)]
            keys += treaty.parties.map { .actor($0.actor.id) } + treaty.events.compactMap { $0.actor.map { .actor($0.id) } }
            if let old = treaty.supersedes { keys.append(.treaty(old.id)) }
            keys += (site.successors[id] ?? []).map { .treaty($0) }
            keys += treaty.related.map { .treaty($0.id) }
            keys += index.treatiesSharingParties(with: treaty, in: site).map { .treaty($0.treaty) }
            keys += (index.backlinks[.treaty(id)] ?? []).map { .analysis($0.analysis) }
            return Set(keys.map(Dependency.entity)).union([.text(.treaty(id))])
        }
    }
}
