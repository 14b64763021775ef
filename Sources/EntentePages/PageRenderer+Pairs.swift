import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// Pair pages: two actors' relationship on one page.
extension PageRenderer.Page {
    /// The folder of the page of `a` and `b`, in either order: under the actor whose id sorts first
    /// (`actors/russia/with/vietnam`), so that a relationship has one page and one address.
    package static func pairFolder(_ a: ActorID, _ b: ActorID) -> String {
        let (first, second) = a < b ? (a, b) : (b, a)
        return "actors/\(first.rawValue)/with/\(second.rawValue)"
    }
}

extension PageRenderer {
    /// Links from a page at `root` to the pages of two actors, for the pictures' lines between them.
    package func pairLink(_ root: String) -> SitePictures.PairLink {
        { [links] a, b in links.folder(Page.pairFolder(a, b), from: root) }
    }

    /// Every pair of actors that share an agreement, each once, the id that sorts first first, in a stable order.
    package var pairs: [(ActorID, ActorID)] {
        site.actors.flatMap { actor in
            (index.counterparts[actor.id] ?? []).compactMap { actor.id < $0.actor ? (actor.id, $0.actor) : nil }
                .sorted { $0.1 < $1.1 }
        }
    }

    /// The agreements both actors are parties to.
    package func sharedTreaties(_ a: ActorID, _ b: ActorID) -> [TreatyID] {
        let other = Set(site.treatiesOfActor[b] ?? [])
        return (site.treatiesOfActor[a] ?? []).filter(other.contains)
    }

    /// The analyses about or mentioning both, newest first (the order of the first actor's backlinks).
    package func sharedAnalyses(_ a: ActorID, _ b: ActorID) -> [AnalysisID] {
        index.pairAnalyses[SiteIndex.ActorPair(a, b)] ?? []
    }

    package func pairPage(_ a: ActorID, _ b: ActorID, _ root: String) -> PageContent {
        let (first, second) = (site.actorsByID[a]!, site.actorsByID[b]!)
        // Each agreement's date looked up once, not in every comparison.
        let shared = sharedTreaties(a, b).compactMap { id in site.treatiesByID[id].map { (site.knownDates[id] ?? Self.undated, $0) } }
            .sorted { ($0.0, $0.1.name, $0.1.id) < ($1.0, $1.1.name, $1.1.id) }.map(\.1)
        // Oldest first, as a relationship reads; on one day, signature before ratification before entry into force,
        // then each agreement's events in its own order.
        let entries = shared.flatMap { treaty in treaty.events.enumerated().map { (treaty: treaty.id, event: $1, order: $0) } }.sorted {
            ($0.event.date, $0.event.type.lifecycleRank, $0.treaty, $0.order) < ($1.event.date, $1.event.type.lifecycleRank, $1.treaty, $1.order)
        }.map { SiteIndex.TimelineEntry(treaty: $0.treaty, event: $0.event) }
        let events = entries.map { timelineItem($0, root) }
        let title = "\(first.name) and \(second.name)"
        let analyses = sharedAnalyses(a, b)
        let model = PairPageModel(
            frame: frame(root, title: title, section: "actors",
                         description: "The agreements between \(first.name) and \(second.name), their events, and the analyses about both.",
                         canonical: canonical(.pair(a, b))),
            first: actorLink(a, root), second: actorLink(b, root),
            treaties: shared.map { treatyLink($0.id, root) }, events: Array(events),
            analyses: analyses.prefix(Self.listLimit).map { listedAnalysis($0, root) },
            more: moreAnalyses(.pair(a, b), count: analyses.count, root), asOf: DateModel(site.asOf))
        return .page(.pair, model)
    }
}
