/// Prepares the context of every page and renders it with the theme.
///
/// Every link it produces is relative to the page being rendered.
public struct PageRenderer: Sendable {
    public let site: ResolvedSite
    public let index: SiteIndex
    public let theme: Theme
    public let links: SiteLinks
    /// Rendered Markdown by owner: analysis bodies, actor summaries and profiles, treaty texts.
    let markdown: RenderedContent
    let pictures = SitePictures()
    let listItems = ListItemCache()
    /// How many analyses the home page lists.
    static let latestCount = 10

    typealias Values = PageContext.Values

    init(site: ResolvedSite, index: SiteIndex, theme: Theme, markdown: RenderedContent) {
        self.site = site
        self.index = index
        self.theme = theme
        self.links = SiteLinks(pretty: site.config.prettyLinks)
        self.markdown = markdown
    }

    /// One page of the site: its output path and how to render it.
    public enum Page: Sendable, Hashable {
        case home, analyses, actors, treaties, timeline, tags, notFound, network, search
        case analysis(AnalysisID), actor(ActorID), treaty(TreatyID), tag(String)
        /// The search index script, the sitemap and robots.txt (those two only with `base_url`).
        case searchIndex, sitemap, robots
        /// An Atom feed: the whole site's (nil), or one actor's or treaty's.
        case feed(EntityKey?)
        /// One of the open data files.
        case data(DataFile)
        /// One actor's or treaty's JSON record.
        case record(EntityKey)

        public enum DataFile: String, CaseIterable, Sendable, Hashable {
            case actorsJSON = "actors.json", treatiesJSON = "treaties.json", eventsJSON = "events.json"
            case actorsCSV = "actors.csv", treatiesCSV = "treaties.csv", eventsCSV = "events.csv"
        }

        /// Whether the page is one of the site's own rather than an actor's, treaty's, analysis's or tag's:
        /// these list the whole site, and on a large site they are the largest.
        public var isSiteWide: Bool {
            switch self {
            case .analysis, .actor, .treaty, .tag, .record: false
            case .feed(let key): key == nil
            case .home, .analyses, .actors, .treaties, .timeline, .tags, .notFound, .network, .search, .searchIndex,
                 .sitemap, .robots, .data: true
            }
        }

        public var path: String {
            switch self {
            case .home: "index.html"
            case .analyses: "analyses/index.html"
            case .actors: "actors/index.html"
            case .treaties: "treaties/index.html"
            case .timeline: "timeline/index.html"
            case .tags: "tags/index.html"
            case .notFound: "404.html"
            case .analysis(let id): "analyses/\(id.rawValue)/index.html"
            case .actor(let id): "actors/\(id.rawValue)/index.html"
            case .treaty(let id): "treaties/\(id.rawValue)/index.html"
            case .tag(let slug): "tags/\(slug)/index.html"
            case .network: "network/index.html"
            case .search: "search/index.html"
            case .searchIndex: "search/index.js"
            case .sitemap: "sitemap.xml"
            case .robots: "robots.txt"
            case .feed(let key): key.map { "\($0.folder)/feed.xml" } ?? "feed.xml"
            case .data(let file): "data/\(file.rawValue)"
            case .record(let key): "\(key.folder)/data.json"
            }
        }
    }

    /// Every page of the site, in a stable order.
    public var pages: [Page] {
        var pages: [Page] = [.home, .analyses, .actors, .treaties, .timeline, .tags, .notFound, .network, .search,
                             .searchIndex, .feed(nil)]
        pages += Page.DataFile.allCases.map(Page.data)
        if site.config.baseURL != nil { pages += [.sitemap, .robots] }
        pages += site.analyses.map { .analysis($0.id) }
        pages += site.actors.flatMap { [.actor($0.id), .feed(.actor($0.id)), .record(.actor($0.id))] }
        pages += site.treaties.flatMap { [.treaty($0.id), .feed(.treaty($0.id)), .record(.treaty($0.id))] }
        pages += index.tags.map { .tag($0.slug) }
        return pages
    }

    /// Renders one page to HTML.
    public func render(_ page: Page) -> String {
        let root = SiteLinks.root(ofPage: page.path)
        switch page {
        case .home: return home(root)
        case .analyses: return analysesPage(root)
        case .actors: return actorsPage(root)
        case .treaties: return treatiesPage(root)
        case .timeline: return timelinePage(root)
        case .tags: return tagsPage(root)
        case .notFound:
            return theme.render("404", base(root, title: "Page not found", section: nil,
                                            description: "The page you asked for does not exist.", canonical: nil))
        case .analysis(let id): return analysisPage(site.analysesByID[id]!, root)
        case .actor(let id): return actorPage(site.actorsByID[id]!, root)
        case .treaty(let id): return treatyPage(site.treatiesByID[id]!, root)
        case .tag(let slug): return tagPage(index.tags.first { $0.slug == slug }!, root)
        case .network: return networkPage(root)
        case .search: return searchPage(root)
        case .searchIndex: return SearchIndex(site: site, index: index).script
        case .sitemap: return sitemap
        case .robots: return "User-agent: *\nAllow: /\nSitemap: \(site.config.baseURL ?? "")sitemap.xml\n"
        case .feed(let key): return feed(for: key, root: root)
        case .data(let file): return data(file)
        case .record(.actor(let id)): return OpenData.json(OpenData(site: site).actorRecord(site.actorsByID[id]!))
        case .record(.treaty(let id)): return OpenData.json(OpenData(site: site).treatyRecord(site.treatiesByID[id]!))
        case .record(.analysis): return "{}\n"
        }
    }

    // MARK: Shared

    func base(_ root: String, title: String, section: String?, description: String?, canonical: String?) -> Values {
        let config = site.config
        let nav: [(String, String, String)] = [("Analyses", "analyses", "analyses"), ("Actors", "actors", "actors"),
                                               ("Treaties", "treaties", "treaties"), ("Network", "network", "network"),
                                               ("Timeline", "timeline", "timeline"), ("Tags", "tags", "tags")]
        var siteValues: Values = ["title": config.title, "language": config.language,
                                  "home_url": links.folder("", from: root)]
        siteValues["description"] = config.description
        siteValues["author"] = config.author
        siteValues["credits"] = config.credits
        var pageValues: Values = ["title": title, "root": root, "is_home": section == "home"]
        pageValues["description"] = description ?? config.description ?? config.title
        if let canonical, let baseURL = config.baseURL { pageValues["canonical"] = baseURL + canonical }
        // Every page offers the site's feed; actor and treaty pages replace it with their own.
        pageValues["feed"] = ["url": links.file("feed.xml", from: root), "title": config.title] as Values
        if section != "home" {
            let sections = nav + [("Search", "search", "search")]
            let current = sections.first { $0.2 == section }.map { (name: $0.0, url: links.folder($0.1, from: root)) }
            pageValues["breadcrumbs"] = PageContext.breadcrumbs(home: siteValues["home_url"] as! String, section: current,
                                                                current: title)
        }
        return [
            "site": siteValues,
            "page": pageValues,
            "nav": nav.map { name, folder, key in
                ["name": name, "url": links.folder(folder, from: root), "current": key == section] as Values
            },
            "links": Dictionary(uniqueKeysWithValues: (nav + [("Search", "search", "search")]).map { ($0.1, links.folder($0.1, from: root)) }) as Values,
            "stylesheet": links.file("assets/style.css", from: root),
            "generator": "Entente",
        ]
    }

    func canonical(_ page: Page) -> String {
        let path = page.path
        return path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
    }

    func url(_ key: EntityKey, _ root: String) -> String { links.page(key, from: root) }

    func actorLink(_ id: ActorID, _ root: String) -> Values {
        let actor = site.actorsByID[id]!
        return ["name": actor.name, "url": url(.actor(id), root), "kind": actor.kind.rawValue, "kind_title": actor.kind.title]
    }

    func treatyLink(_ id: TreatyID, _ root: String) -> Values {
        let treaty = site.treatiesByID[id]!
        var values: Values = ["name": treaty.name, "url": url(.treaty(id), root), "instrument": treaty.instrument.title]
        values["short"] = treaty.short
        values["kind"] = treaty.kind?.title
        values["status"] = treaty.status?.title
        values["status_key"] = treaty.status?.rawValue
        values["date"] = PageContext.date(firstDate(of: treaty))
        return values
    }

    /// The date a treaty is known by: its signature, else its earliest event.
    func firstDate(of treaty: Treaty) -> PartialDate? {
        treaty.events.filter { $0.type == .signed }.map(\.date).min()
            ?? treaty.parties.compactMap(\.signed).min()
            ?? treaty.events.map(\.date).min()
    }

    func analysisItem(_ id: AnalysisID, _ root: String, relation: SiteIndex.Relation? = nil) -> Values {
        let analysis = site.analysesByID[id]!
        var values: Values = ["title": analysis.title, "url": url(.analysis(id), root),
                              "date": PageContext.date(analysis.date)!]
        values["author"] = analysis.author
        values["summary"] = analysis.summary
        values["draft"] = analysis.draft
        if let relation {
            values["relation"] = relation.rawValue
            values["is_about"] = relation == .about
        }
        return values
    }

    /// An analysis as an item of a list, with `html`: the item rendered once by the `analysis-item` partial.
    func listedAnalysis(_ id: AnalysisID, _ root: String, relation: SiteIndex.Relation? = nil) -> Values {
        var values = analysisItem(id, root, relation: relation)
        values["html"] = listItems.item(ListItemCache.Key(analysis: id, root: root, relation: relation)) {
            // The partial sees the item and what every page shares at this depth, not the listing page's own values.
            var context = base(root, title: site.config.title, section: nil, description: nil, canonical: nil)
            context["page"] = nil
            context["nav"] = nil
            context.merge(values) { $1 }
            return theme.render("analysis-item", context)
        }
        return values
    }

    private func tagLinks(_ tags: [String], _ root: String) -> [Values] {
        PageContext.list(tags.map { tag in
            PageContext.link(tag, links.folder("tags/" + (index.tagSlugs[tag] ?? AnalysisID.slug(from: tag)), from: root))
        })
    }

    /// The analyses that list an actor or treaty: all of them (`analyses`), and apart, those about it and those
    /// that only mention it (`{items}`, absent when empty). The relation is said by the heading, not by each
    /// item, so that an item's HTML is the same on every page that lists it (see `ListItemCache`).
    private func listings(of key: EntityKey, _ root: String) -> Values {
        let backlinks = index.backlinks[key] ?? []
        let listed = backlinks.map { listedAnalysis($0.analysis, root, relation: $0.relation) }
        var values: Values = ["analyses": listed]
        for (relation, name) in [(SiteIndex.Relation.about, "analyses_about"), (.mentions, "analyses_mentioning")] {
            let items = zip(backlinks, listed).filter { $0.0.relation == relation }.map(\.1)
            if !items.isEmpty { values[name] = ["items": items] as Values }
        }
        return values
    }

    // MARK: Lists

    private func home(_ root: String) -> String {
        var context = base(root, title: site.config.title, section: "home", description: nil, canonical: "")
        context["latest"] = site.analyses.prefix(Self.latestCount).map { listedAnalysis($0.id, root) }
        context["has_more_analyses"] = site.analyses.count > Self.latestCount
        context["counts"] = ["analyses": site.analyses.count, "actors": site.actors.count,
                             "treaties": site.treaties.count, "events": index.timeline.count,
                             "tags": index.tags.count] as Values
        context["recent_events"] = index.timeline.prefix(5).map { timelineItem($0, root) }
        context["has_recent_events"] = !index.timeline.isEmpty
        return theme.render("home", context)
    }

    private func analysesPage(_ root: String) -> String {
        var context = base(root, title: "Analyses", section: "analyses", description: "All analyses, newest first.",
                           canonical: canonical(.analyses))
        var years: [(Int, [Values])] = []
        for analysis in site.analyses {
            if years.last?.0 != analysis.date.year { years.append((analysis.date.year, [])) }
            years[years.count - 1].1.append(listedAnalysis(analysis.id, root))
        }
        context["years"] = years.map { ["year": $0.0, "analyses": $0.1] as Values }
        context["count"] = site.analyses.count
        return theme.render("analyses", context)
    }

    private func actorsPage(_ root: String) -> String {
        var context = base(root, title: "Actors", section: "actors", description: "States, organisations and factions, by kind.",
                           canonical: canonical(.actors))
        context["groups"] = Actor.Kind.allCases.compactMap { kind -> Values? in
            let members = site.actors.filter { $0.kind == kind }
            guard !members.isEmpty else { return nil }
            return ["kind": kind.rawValue, "title": kind.pluralTitle, "count": members.count,
                    "actors": members.map { actor -> Values in
                        var values = actorLink(actor.id, root)
                        values["region"] = actor.region
                        values["treaty_count"] = site.treatiesOfActor[actor.id]?.count ?? 0
                        return values
                    }]
        }
        context["count"] = site.actors.count
        return theme.render("actors", context)
    }

    private func treatiesPage(_ root: String) -> String {
        var context = base(root, title: "Treaties and agreements", section: "treaties",
                           description: "Every agreement with its kind, status, parties and date.",
                           canonical: canonical(.treaties))
        context["treaties"] = site.treaties.map { treaty -> Values in
            var values = treatyLink(treaty.id, root)
            values["parties"] = PageContext.list(uniqueParties(treaty).map { actorLink($0, root) })
            return values
        }
        context["count"] = site.treaties.count
        return theme.render("treaties", context)
    }

    private func timelineItem(_ entry: SiteIndex.TimelineEntry, _ root: String) -> Values {
        var values: Values = ["date": PageContext.date(entry.event.date)!, "type": entry.event.type.title,
                              "type_key": entry.event.type.rawValue, "treaty": treatyLink(entry.treaty, root)]
        values["actor"] = entry.event.actor.map { actorLink($0.id, root) }
        values["note"] = entry.event.note
        return values
    }

    private func timelinePage(_ root: String) -> String {
        var context = base(root, title: "Timeline", section: "timeline",
                           description: "Every dated event across all treaties, newest first.",
                           canonical: canonical(.timeline))
        var years: [(Int, [Values])] = []
        for entry in index.timeline {
            if years.last?.0 != entry.event.date.year { years.append((entry.event.date.year, [])) }
            years[years.count - 1].1.append(timelineItem(entry, root))
        }
        context["years"] = years.map { ["year": $0.0, "events": $0.1] as Values }
        context["count"] = index.timeline.count
        let link: SitePictures.Link = { [links] key in links.page(key, from: root) }
        context["picture"] = pictures.siteTimeline(site, link)
        return theme.render("timeline", context)
    }

    private func tagsPage(_ root: String) -> String {
        var context = base(root, title: "Tags", section: "tags", description: "Analyses by tag.", canonical: canonical(.tags))
        context["tags"] = index.tags.map { tag -> Values in
            ["name": tag.name, "url": links.folder("tags/" + tag.slug, from: root), "count": tag.analyses.count]
        }
        return theme.render("tags", context)
    }

    private func tagPage(_ tag: SiteIndex.Tag, _ root: String) -> String {
        var context = base(root, title: "Tagged “\(tag.name)”", section: "tags",
                           description: "Analyses tagged \(tag.name).", canonical: canonical(.tag(tag.slug)))
        context["tag"] = ["name": tag.name, "count": tag.analyses.count] as Values
        context["analyses"] = tag.analyses.map { listedAnalysis($0, root) }
        return theme.render("tag", context)
    }

    // MARK: Entities

    private func analysisPage(_ analysis: Analysis, _ root: String) -> String {
        var context = base(root, title: analysis.title, section: "analyses", description: analysis.summary,
                           canonical: canonical(.analysis(analysis.id)))
        var values = analysisItem(analysis.id, root)
        values["body"] = markdown.html(for: .analysis(analysis.id))
        values["tags"] = tagLinks(analysis.tags, root)
        let aboutActors = unique(analysis.actors.map(\.id))
        let aboutTreaties = unique(analysis.treaties.map(\.id))
        values["actors"] = PageContext.list(aboutActors.map { actorLink($0, root) })
        values["treaties"] = PageContext.list(aboutTreaties.map { treatyLink($0, root) })
        let about = Set(aboutActors.map(EntityKey.actor) + aboutTreaties.map(EntityKey.treaty))
        values["mentions"] = PageContext.list(markdown.mentions(of: analysis.id).filter { !about.contains($0) }.map { key in
            var link = PageContext.link(site.name(of: key), url(key, root))
            switch key {
            case .actor: link["kind"] = "actor"
            case .treaty: link["kind"] = "treaty"
            case .analysis: link["kind"] = "analysis"
            }
            return link
        })
        context["analysis"] = values
        return theme.render("analysis", context)
    }

    private func actorPage(_ actor: Actor, _ root: String) -> String {
        var context = base(root, title: actor.name, section: "actors", description: markdown.plainSummary(for: .actor(actor.id)),
                           canonical: canonical(.actor(actor.id)))
        var values = actorLink(actor.id, root)
        values["id"] = actor.id.rawValue
        // A short name that is the name itself says nothing ("Russia (Russia)").
        values["short"] = actor.short == actor.name ? nil : actor.short
        values["aliases"] = PageContext.list(actor.aliases.map { ["name": $0] as Values })
        values["region"] = actor.region
        values["part_of"] = actor.partOf.map { actorLink($0.id, root) }
        values["parts"] = PageContext.list((index.parts[actor.id] ?? []).map { actorLink($0, root) })
        values["summary"] = markdown.html(for: .actor(actor.id), part: .summary)
        values["profile"] = markdown.html(for: .actor(actor.id), part: .body)
        values["iso3"] = actor.iso3
        values["cow"] = actor.cow
        if let wikidata = actor.wikidata {
            values["wikidata"] = ["id": wikidata, "url": "https://www.wikidata.org/wiki/\(wikidata)"] as Values
        }
        // Oldest first: an actor's agreements read as its history.
        let treaties = (site.treatiesOfActor[actor.id] ?? []).compactMap { site.treatiesByID[$0] }
            .map { (treaty: $0, date: firstDate(of: $0) ?? Self.undated) }
            .sorted { ($0.date, $0.treaty.name, $0.treaty.id) < ($1.date, $1.treaty.name, $1.treaty.id) }
        values["treaties"] = treaties.map { entry -> Values in
            var link = treatyLink(entry.treaty.id, root)
            let dates = partyDates(entry.treaty).first { $0.actor == actor.id }
            link["signed"] = PageContext.date(dates?.signed)
            link["acceded"] = PageContext.date(dates?.acceded)
            link["ratified"] = PageContext.date(dates?.ratified)
            link["withdrawn"] = PageContext.date(dates?.withdrawn)
            return link
        }
        values["counterparts"] = (index.counterparts[actor.id] ?? []).map { entry -> Values in
            var link = actorLink(entry.actor, root)
            link["count"] = entry.count
            return link
        }
        values.merge(listings(of: .actor(actor.id), root)) { $1 }
        values["feed_url"] = links.file(EntityKey.actor(actor.id).folder + "/feed.xml", from: root)
        values["data_url"] = links.file(EntityKey.actor(actor.id).folder + "/data.json", from: root)
        let link: SitePictures.Link = { [links] key in links.page(key, from: root) }
        values["picture"] = pictures.egoNetwork(actor.id, site, index, link)
        context["actor"] = values
        context["page"] = feedPage(context["page"], title: actor.name, url: values["feed_url"])
        return theme.render("actor", context)
    }

    private func treatyPage(_ treaty: Treaty, _ root: String) -> String {
        var context = base(root, title: treaty.name, section: "treaties",
                           description: markdown.plainSummary(for: .treaty(treaty.id)), canonical: canonical(.treaty(treaty.id)))
        var values = treatyLink(treaty.id, root)
        values["id"] = treaty.id.rawValue
        values["aliases"] = PageContext.list(treaty.aliases.map { ["name": $0] as Values })
        values["instrument_key"] = treaty.instrument.rawValue
        values["is_treaty"] = treaty.instrument.isTreaty
        if !treaty.instrument.isTreaty {
            values["instrument_note"] = "This is a \(treaty.instrument.title.lowercased()), not a treaty: it records political commitments rather than binding legal obligations."
        }
        values["kind_key"] = treaty.kind?.rawValue
        values["obligations"] = PageContext.list(treaty.obligations.map { ["name": $0.title, "key": $0.rawValue] as Values })
        if let status = treaty.status {
            var statusValues: Values = ["title": status.title, "key": status.rawValue, "active": status.isActive,
                                        "derived": treaty.declaredStatus == nil]
            if let event = treaty.statusEvent {
                statusValues["from"] = ["type": event.type.title, "date": PageContext.date(event.date)!] as Values
            }
            values["status"] = statusValues
        }
        values["summary"] = markdown.html(for: .treaty(treaty.id), part: .summary)
        values["body"] = markdown.html(for: .treaty(treaty.id), part: .body)
        values["provisions"] = markdown.provisions(of: treaty.id).map { ["html": $0] as Values }
        values["parties"] = partyDates(treaty).map { dates -> Values in
            var row = actorLink(dates.actor, root)
            row["signed"] = PageContext.date(dates.signed)
            row["ratified"] = PageContext.date(dates.ratified)
            row["acceded"] = PageContext.date(dates.acceded)
            row["in_force"] = PageContext.date(dates.inForce)
            row["withdrawn"] = PageContext.date(dates.withdrawn)
            row["note"] = dates.note
            return row
        }
        let sources = treaty.sources.enumerated().map { offset, source -> Values in
            var values: Values = ["title": source.title, "url": source.url, "number": offset + 1]
            values["date"] = PageContext.date(source.date)
            return values
        }
        values["sources"] = sources
        values["events"] = treaty.events.sorted { ($0.date, $0.type.lifecycleRank) < ($1.date, $1.type.lifecycleRank) }
            .map { event -> Values in
                var item: Values = ["date": PageContext.date(event.date)!, "type": event.type.title, "type_key": event.type.rawValue]
                item["actor"] = event.actor.map { actorLink($0.id, root) }
                item["note"] = event.note
                if let number = event.source, number >= 1, number <= sources.count { item["source"] = sources[number - 1] }
                return item
            }
        values["supersedes"] = treaty.supersedes.map { treatyLink($0.id, root) }
        values["superseded_by"] = PageContext.list((site.successors[treaty.id] ?? []).map { treatyLink($0, root) })
        values["related"] = PageContext.list(unique(treaty.related.map(\.id)).map { treatyLink($0, root) })
        let sharing = index.treatiesSharingParties(with: treaty, in: site)
        values["sharing_parties"] = sharing.prefix(Self.sharingLimit).map { entry -> Values in
            var link = treatyLink(entry.treaty, root)
            link["shared"] = entry.shared
            return link
        }
        values["sharing_parties_more"] = max(0, sharing.count - Self.sharingLimit)
        values.merge(listings(of: .treaty(treaty.id), root)) { $1 }
        values["feed_url"] = links.file(EntityKey.treaty(treaty.id).folder + "/feed.xml", from: root)
        values["data_url"] = links.file(EntityKey.treaty(treaty.id).folder + "/data.json", from: root)
        let link: SitePictures.Link = { [links] key in links.page(key, from: root) }
        values["picture"] = pictures.treatyTimeline(treaty, site, link)
        context["treaty"] = values
        context["page"] = feedPage(context["page"], title: treaty.short ?? treaty.name, url: values["feed_url"])
        return theme.render("treaty", context)
    }

    /// The page values with the feed of an actor or treaty in place of the site's.
    private func feedPage(_ page: Any?, title: String, url: Any?) -> Values {
        var values = page as? Values ?? [:]
        values["feed"] = ["url": url ?? "", "title": "\(title) · \(site.config.title)"] as Values
        return values
    }

    /// Sorts after every real date, so that undated agreements come last.
    static let undated = PartialDate(year: 9999)!

    /// How many treaties sharing parties a treaty page lists (the rest are counted).
    static let sharingLimit = 20

    private func uniqueParties(_ treaty: Treaty) -> [ActorID] { unique(treaty.parties.map(\.actor.id)) }

    private func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen: Set<T> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// Per party: its own dates, else the dates of events naming it, else of events naming no actor.
    func partyDates(_ treaty: Treaty) -> [PartyDates] {
        var seen: Set<ActorID> = []
        return treaty.parties.compactMap { party in
            guard seen.insert(party.actor.id).inserted else { return nil }
            func eventDate(_ types: Set<TreatyEventType>, sharedToo: Bool) -> PartialDate? {
                let own = treaty.events.filter { types.contains($0.type) && $0.actor?.id == party.actor.id }.map(\.date).min()
                guard sharedToo else { return own }
                return own ?? treaty.events.filter { types.contains($0.type) && $0.actor == nil }.map(\.date).min()
            }
            return PartyDates(actor: party.actor.id,
                              signed: party.signed ?? eventDate([.signed], sharedToo: true),
                              ratified: party.ratified ?? eventDate([.ratified], sharedToo: true),
                              acceded: party.acceded ?? eventDate([.acceded], sharedToo: false),
                              inForce: party.inForce ?? eventDate([.inForce], sharedToo: true),
                              withdrawn: party.withdrawn ?? eventDate([.withdrawn], sharedToo: false),
                              note: party.note)
        }
    }

    struct PartyDates {
        var actor: ActorID
        var signed, ratified, acceded, inForce, withdrawn: PartialDate?
        var note: String?
    }
}
