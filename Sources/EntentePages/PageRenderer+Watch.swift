import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
/// The watchlist page and its feed.
extension PageRenderer {
    /// The watchlist as of the site's `as_of` (nil when nothing in the site is dated).
    package var watchlist: Watchlist? {
        watchCache.get { site.asOf.map { Watchlist(site: site, index: index, day: $0, years: site.config.watchYears) } }
    }

    /// How many analyses a line of the watchlist names: a busy agreement's line links to its page for the rest,
    /// so that the page stays small on a large site.
    static let watchAnalysesShown = 3

    /// The latest analyses about an agreement, as links, and the link to all of them when there are more.
    private func analysesAbout(_ id: TreatyID, _ root: String) -> (shown: [NamedLinkModel], more: MoreAnalysesModel?) {
        let (shownIDs, count) = watchedAnalyses(about: id)
        let shown = shownIDs.compactMap { id in
            site.analysesByID[id].map { NamedLinkModel(name: $0.title, url: url(.analysis($0.id), root)) }
        }
        let more = count > Self.watchAnalysesShown ? MoreAnalysesModel(count: count, url: url(.treaty(id), root) + "#analyses") : nil
        return (shown, more)
    }

    /// The latest analyses about an agreement that its line of the watchlist names, and how many there are.
    private func watchedAnalyses(about id: TreatyID) -> (shown: [AnalysisID], count: Int) {
        let about = (index.backlinks[.treaty(id)] ?? []).filter { $0.relation == .about }
        return (about.prefix(Self.watchAnalysesShown).map(\.analysis), about.count)
    }

    /// The analyses that watchlist page `number` names: those of the agreements on it.
    package func watchedAnalyses(onPage number: Int) -> [AnalysisID] {
        guard let list = watchlist else { return [] }
        var treaties = Self.onPage(number, of: list.pending).map(\.treaty)
        if number == 1 { treaties += list.ending.map(\.treaty) + list.recent.map(\.treaty) }
        return treaties.flatMap { watchedAnalyses(about: $0).shown }
    }

    /// The watchlist's page `number`: the first holds the first 50 agreements awaiting ratification, the terms that
    /// end and the year's events; the others (`watch/page/<n>/`) the further agreements awaiting ratification.
    package func watchPage(_ root: String, page number: Int) -> PageContent {
        let list = watchlist
        let first = number == 1
        let (pending, pagination) = paginate(list?.pending ?? [], page: number,
                                             folder: { $0 == 1 ? "watch" : "watch/page/\($0)" }, root)
        let model = WatchPageModel(
            frame: frame(root, title: "Watchlist" + (first ? "" : " (page \(number))"), section: "watch",
                         description: "Agreements awaiting ratification, terms that end or renew soon, and the year's events.",
                         canonical: canonical(first ? .watch : .watchList(number))),
            asOf: DateModel(site.asOf), years: site.config.watchYears,
            pending: pending.map { item in
                let analyses = analysesAbout(item.treaty, root)
                return WatchPageModel.Pending(treaty: treatyLink(item.treaty, root), ratified: item.ratified.map { actorLink($0, root) },
                                              awaiting: item.awaiting.map { actorLink($0, root) }, analyses: analyses.shown,
                                              moreAnalyses: analyses.more)
            },
            ending: (first ? list?.ending ?? [] : []).map { item in
                let analyses = analysesAbout(item.treaty, root)
                return WatchPageModel.Ending(treaty: treatyLink(item.treaty, root), ends: DateModel(item.ends),
                                             renewal: item.renewal?.description, noticeBy: DateModel(item.noticeBy),
                                             analyses: analyses.shown, moreAnalyses: analyses.more)
            },
            recent: (first ? list?.recent ?? [] : []).map { entry in
                let analyses = analysesAbout(entry.treaty, root)
                return WatchPageModel.Recent(event: timelineItem(entry, root), analyses: analyses.shown, moreAnalyses: analyses.more)
            },
            feedURL: links.file("watch/feed.xml", from: root), firstPage: first, pendingCount: list?.pending.count ?? 0,
            pagination: pagination)
        return .page(.watch, model)
    }

    /// One entry per line of the watchlist, so that a reader subscribed to it sees each change.
    package func watchFeed(root: String) -> String {
        let config = site.config
        let page = published("watch", root: root)
        var entries: [AtomFeed.Entry] = []
        if let list = watchlist {
            func name(_ id: TreatyID) -> String { site.treatiesByID[id].map { $0.short ?? $0.name } ?? id.rawValue }
            func names(_ ids: [ActorID]) -> String { ids.map { site.actorsByID[$0]?.name ?? $0.rawValue }.joined(separator: ", ") }
            for item in list.pending {
                entries.append(AtomFeed.Entry(
                    id: watchID("pending:\(item.treaty.rawValue)"), title: "Awaiting ratification: \(name(item.treaty))",
                    link: published(EntityKey.treaty(item.treaty).folder, root: root), updated: item.lastMoved ?? list.day,
                    summary: (item.ratified.isEmpty ? "" : "Ratified by \(names(item.ratified)); ") + "not yet by \(names(item.awaiting))."))
            }
            for item in list.ending {
                entries.append(AtomFeed.Entry(
                    id: watchID("ending:\(item.treaty.rawValue):\(item.ends)"), title: "Term ends \(item.ends.display): \(name(item.treaty))",
                    link: published(EntityKey.treaty(item.treaty).folder, root: root), updated: list.day,
                    summary: item.renewal.map { "Renews for \($0)" + (item.noticeBy.map { " unless notice is given by \($0.display)" } ?? "") + "." }))
            }
            for entry in list.recent {
                let who = entry.event.actor.map { " (\(site.actorsByID[$0.id]?.name ?? $0.id.rawValue))" } ?? ""
                entries.append(AtomFeed.Entry(
                    id: watchID("event:\(entry.treaty.rawValue):\(entry.event.date):\(entry.event.type.rawValue):\(entry.event.actor?.id.rawValue ?? "")"),
                    title: "\(entry.event.type.title)\(who): \(name(entry.treaty)), \(entry.event.date.display)",
                    link: published(EntityKey.treaty(entry.treaty).folder, root: root), updated: entry.event.date,
                    summary: entry.event.note))
            }
        }
        entries.sort { ($1.updated, $0.id) < ($0.updated, $1.id) }
        let feed = AtomFeed(id: config.baseURL.map { $0 + "watch/feed.xml" } ?? "urn:entente:feed:watch",
                            title: "Watchlist · \(config.title)",
                            subtitle: "Agreements awaiting ratification, terms that end or renew soon, and the year's events.",
                            alternate: page, selfLink: config.baseURL.map { $0 + "watch/feed.xml" } ?? links.file("watch/feed.xml", from: root),
                            author: config.author ?? config.title, entries: entries)
        return feed.xml
    }

    private func watchID(_ name: String) -> String {
        site.config.baseURL.map { $0 + "watch/#" + name } ?? "urn:entente:watch:" + name
    }
}
