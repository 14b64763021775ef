import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
/// The pages and files beyond the entity pages: the network, search, feeds, sitemap and open data.
extension PageRenderer {
    package func networkPage(_ root: String) -> PageContent {
        let link: @Sendable (EntityKey) -> String = { [links] key in links.page(key, from: root) }
        let model = NetworkPageModel(
            frame: frame(root, title: "Network", section: "network",
                         description: "Who is tied to whom: every actor and the agreements between them.",
                         canonical: canonical(.network)),
            picture: pictures.network(site, index, link, pairLink(root)),
            summary: NetworkPicture.summary(site: site),
            actorCount: site.actors.count, treatyCount: site.treaties.count,
            kinds: Treaty.Kind.allCases.compactMap { kind in
                let count = site.treaties.filter { $0.kind == kind }.count
                return count == 0 ? nil : NetworkPageModel.Kind(title: kind.title, key: kind.rawValue, count: count)
            },
            actors: site.actors.map { actor in
                NetworkActorModel(link: actorLink(actor.id, root), treatyCount: site.treatiesOfActor[actor.id]?.count ?? 0,
                                  counterpartCount: index.counterparts[actor.id]?.count ?? 0)
            },
            snapshots: snapshotLinks(current: nil, root))
        return .page(.network, model)
    }

    package func searchPage(_ root: String) -> PageContent {
        let model = SearchPageModel(
            frame: frame(root, title: "Search", section: "search",
                         description: "Find analyses, actors and treaties by name, alias or word.", canonical: canonical(.search)),
            indexScript: links.file("search/index.js", from: root), searchScript: links.file("assets/search.js", from: root),
            prettyLinks: links.pretty,
            browse: [("Analyses", "analyses", site.analyses.count), ("Actors", "actors", site.actors.count),
                     ("Treaties and agreements", "treaties", site.treaties.count), ("Tags", "tags", index.tags.count),
                     ("Timeline of events", "timeline", index.timeline.count)].map {
                BrowseLinkModel(name: $0.0, url: links.folder($0.1, from: root), count: $0.2)
            })
        return .page(.search, model)
    }

    /// An absolute URL when the site has a `base_url`; otherwise the relative link from `root`.
    package func published(_ folder: String, root: String) -> String {
        guard let baseURL = site.config.baseURL else { return links.folder(folder, from: root) }
        return baseURL + (folder.isEmpty ? "" : folder + "/")
    }

    package func feed(for key: EntityKey?, root: String) -> String {
        let config = site.config
        let analyses: [AnalysisID]
        var title = config.title
        var subtitle = config.description
        var folder = ""
        var extra: [AtomFeed.Entry] = []
        switch key {
        case nil:
            analyses = site.analyses.map(\.id)
        case .actor(let id)?:
            analyses = (index.backlinks[.actor(id)] ?? []).map(\.analysis)
            title = "\(site.actorsByID[id]!.name) · \(config.title)"
            subtitle = "Analyses about or mentioning \(site.actorsByID[id]!.name)."
            folder = EntityKey.actor(id).folder
        case .treaty(let id)?:
            let treaty = site.treatiesByID[id]!
            analyses = (index.backlinks[.treaty(id)] ?? []).map(\.analysis)
            title = "\(treaty.short ?? treaty.name) · \(config.title)"
            subtitle = "Analyses about \(treaty.name), and the events of its timeline."
            folder = EntityKey.treaty(id).folder
            for (offset, event) in treaty.events.enumerated() {
                let who = event.actor.map { " (\(site.actorsByID[$0.id]?.name ?? $0.id.rawValue))" } ?? ""
                extra.append(AtomFeed.Entry(id: feedID("treaty:\(id.rawValue):event:\(offset + 1)", folder: folder, fragment: "event-\(offset + 1)"),
                                            title: "\(event.type.title)\(who): \(treaty.short ?? treaty.name), \(event.date.display)",
                                            link: published(folder, root: root), updated: event.date, summary: event.note))
            }
        case .analysis?:
            analyses = []
        }
        return feed(of: analyses, title: title, subtitle: subtitle, folder: folder, feedName: key.map { "feed:\($0.folder)" } ?? "feed",
                    extra: extra, root: root)
    }

    /// An Atom feed of `analyses` (and `extra` entries), newest change first, published at `folder/feed.xml`.
    package func feed(of analyses: [AnalysisID], title: String, subtitle: String?, folder: String, feedName: String,
                      extra: [AtomFeed.Entry] = [], root: String) -> String {
        let config = site.config
        var entries = analyses.compactMap { id -> AtomFeed.Entry? in
            guard let analysis = site.analysesByID[id] else { return nil }
            let page = EntityKey.analysis(id).folder
            return AtomFeed.Entry(id: feedID("analysis:\(id.rawValue)", folder: page, fragment: nil), title: analysis.title,
                                  link: published(page, root: root), updated: analysis.lastChanged, summary: analysis.summary,
                                  author: site.byline(of: analysis) ?? config.author, categories: analysis.tags)
        } + extra
        entries.sort { ($1.updated, $0.id) < ($0.updated, $1.id) }
        let selfPath = (folder.isEmpty ? "" : folder + "/") + "feed.xml"
        let feed = AtomFeed(id: feedID(feedName, folder: folder, fragment: nil, file: "feed.xml"),
                            title: title, subtitle: subtitle, alternate: published(folder, root: root),
                            selfLink: config.baseURL.map { $0 + selfPath } ?? links.file(selfPath, from: root),
                            author: config.author ?? config.title, entries: entries)
        return feed.xml
    }

    /// A stable Atom id: the published URL with `base_url`, else a `urn:entente:` name.
    private func feedID(_ name: String, folder: String, fragment: String?, file: String = "") -> String {
        guard let baseURL = site.config.baseURL else { return "urn:entente:" + name }
        return baseURL + (folder.isEmpty ? "" : folder + "/") + file + (fragment.map { "#" + $0 } ?? "")
    }

    package var sitemap: String {
        let baseURL = site.config.baseURL ?? ""
        var lines = [#"<?xml version="1.0" encoding="utf-8"?>"#, #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#]
        for page in pages where page.path.hasSuffix("index.html") {
            let folder = String(page.path.dropLast("index.html".count))
            lines.append("<url><loc>\(XMLText.escape(baseURL + folder))</loc></url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    package func data(_ file: Page.DataFile) -> String {
        let data = OpenData(site: site)
        switch file {
        case .actorsJSON: return OpenData.jsonArray(site.actors.map { .actor(data.actorRecord($0)) }, kept: jsonRecords, as: file.rawValue)
        case .treatiesJSON: return OpenData.jsonArray(site.treaties.map { .treaty(data.treatyRecord($0)) }, kept: jsonRecords, as: file.rawValue)
        case .eventsJSON: return OpenData.jsonArray(data.eventRecords(index.timeline).map(OpenData.ArrayRecord.event), kept: jsonRecords, as: file.rawValue)
        case .actorsCSV: return data.actorsCSV(kept: csvLines)
        case .treatiesCSV: return data.treatiesCSV(kept: csvLines)
        case .eventsCSV: return data.eventsCSV(index.timeline, kept: csvLines)
        }
    }
}
