import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
import EntenteSearch

/// Prepares the context of every page and renders it with the theme.
///
/// Every link it produces is relative to the page being rendered.
public struct PageRenderer: Sendable {
    /// The site (a rebuild after edits to texts alone puts the new texts in place, rather than copying the site).
    public package(set) var site: ResolvedSite
    public let index: SiteIndex
    public let theme: Theme
    public let links: SiteLinks
    /// Rendered Markdown by owner: analysis bodies, actor summaries and profiles, treaty texts.
    package private(set) var markdown: RenderedContent
    package let pictures: SitePictures
    /// The rows of `treaties/facets.js`, kept from the last build.
    package let facetRows: EncodedRows<FacetRow>
    /// The lines of the CSV data files, kept from the last build; nil in a
    /// one-off build, which writes each file at once.
    package let csvLines: EncodedRows<[String]>?
    /// The records of the JSON data files, each as encoded in its array, kept from the last build the same way.
    package let jsonRecords: EncodedRows<OpenData.ArrayRecord>?
    package let listItems = ListItemCache()
    /// Each agreement's status now, as analyses show it, by agreement.
    package let nowStandings = ComputedPerKey<TreatyID, (TreatyStatus?, AnalysisDetailModel.ThenAndNow.Standing?)>()
    /// The links of page frames, by the pages' root.
    package let frameLinks = ComputedPerKey<String, FrameLinks>()
    package let facetCache = ComputedOnce<[(facet: TreatyFacet, values: [TreatyFacet.Value])]>()
    /// Every agreement's values of every facet, which the facets' lists and the filter script's rows both need.
    package let facetKeyCache = ComputedOnce<[TreatyID: TreatyFacet.Keys]>()
    /// The watchlist, which each of its pages needs whole.
    package let watchCache = ComputedOnce<Watchlist?>()
    package let searchCache: SearchIndexBox
    /// How many analyses the home page lists.
    package static let latestCount = 10

    /// Lets go of this renderer's Markdown (keeping an empty content), so that another holder of it has the only
    /// reference and changes it in place. The renderer must not render pages after.
    package mutating func letGoOfMarkdown() {
        markdown = RenderedContent()
    }

    /// With `previous`, the last build's renderer, a rebuild updates its search index for the entities that
    /// `changed` rather than making it afresh, takes its network layout when that follows from the same inputs, and
    /// does not encode again the rows of the data files that are the same; `updatableSearch` false (a one-off build)
    /// lets go of what an update would need.
    /// `searchIndex`, when given, is this site's search index, made beforehand (beside the site's index).
    package init(site: ResolvedSite, index: SiteIndex, theme: Theme, markdown: RenderedContent, updatableSearch: Bool = true,
                 previous: PageRenderer? = nil, changed: Set<EntityKey> = [], searchIndex: SearchIndex? = nil) {
        self.searchCache = SearchIndexBox(updatable: updatableSearch, seed: previous?.searchCache.current.map { ($0, changed) },
                                          made: searchIndex)
        pictures = previous.map { SitePictures(after: $0.pictures) } ?? SitePictures()
        facetRows = EncodedRows(after: previous?.facetRows)
        csvLines = updatableSearch ? EncodedRows(after: previous?.csvLines) : nil
        jsonRecords = updatableSearch ? EncodedRows(after: previous?.jsonRecords) : nil
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
        /// The list of authors, one author's page, and the Atom feed of their analyses.
        case authors, author(AuthorID), authorFeed(AuthorID)
        /// The watchlist and its Atom feed.
        case watch, watchFeed
        /// The network as it stood at the end of one day.
        case snapshot(PartialDate)
        /// Two actors that share an agreement, the one whose id sorts first first: one page per pair.
        case pair(ActorID, ActorID)
        /// Page `n` (from 1) of a list of analyses; the site's and a tag's first pages are `.analyses` and `.tag`.
        case analysisList(ListOwner, Int)
        /// Page `n` of the treaty index (no facet; its first page is `.treaties`) or of one facet value's list.
        case treatyList(TreatyFacet?, String, Int)
        /// The agreements' facets, for the filter script (`treaties/facets.js`).
        case facetData
        /// A further page of the watchlist's agreements awaiting ratification (`watch/page/2/`).
        case watchList(Int)
        /// The actors of one value of a facet of the actor index (`actors/region/east-asia/`).
        case actorList(ActorFacet, String)
        /// A file of the search index other than `search/index.js` (`search/terms/co.js`), by its path.
        case searchFile(String)
        /// The plain text beside an entity's page, for search results' snippets.
        case searchText(EntityKey)

        public enum DataFile: String, CaseIterable, Sendable, Hashable {
            case actorsJSON = "actors.json", treatiesJSON = "treaties.json", eventsJSON = "events.json"
            case actorsCSV = "actors.csv", treatiesCSV = "treaties.csv", eventsCSV = "events.csv"
        }

        /// Whether a one-off build renders the page with its analysis's batch, while the Markdown of later
        /// batches is rendered: the analysis's page and its search text, which need its HTML and nothing else.
        public var rendersWithItsAnalysisBatch: Bool {
            switch self {
            case .analysis, .searchText(.analysis): true
            default: false
            }
        }

        /// Whether the page is one of the site's own rather than an actor's, treaty's, analysis's or tag's:
        /// these list the whole site, and on a large site they are the largest. A page of a list of treaties is not:
        /// it shows every facet's counts but one page of agreements (about 50 KB), and after a treaty edit the
        /// hundreds of them were a serial stream that kept the other core idle.
        public var isSiteWide: Bool {
            switch self {
            case .analysis, .actor, .treaty, .tag, .record, .author, .authorFeed, .pair, .treatyList: false
            case .analysisList(let owner, _): owner == .site
            case .facetData, .searchFile, .actorList: true
            case .searchText: false
            case .feed(let key): key == nil
            case .home, .analyses, .actors, .treaties, .timeline, .tags, .notFound, .network, .search, .searchIndex,
                 .sitemap, .robots, .data, .authors, .watch, .watchFeed, .snapshot, .watchList: true
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
            case .authors: "authors/index.html"
            case .watch: "watch/index.html"
            case .watchFeed: "watch/feed.xml"
            case .watchList(let number): "watch/page/\(number)/index.html"
            // A date's ISO form is digits and dashes: safe as a folder name.
            case .snapshot(let day): "network/\(day.description)/index.html"
            case .author(let id): "authors/\(id.rawValue)/index.html"
            case .authorFeed(let id): "authors/\(id.rawValue)/feed.xml"
            case .pair(let first, let second): Self.pairFolder(first, second) + "/index.html"
            case .analysisList(let owner, let number): owner.folder(page: number) + "/index.html"
            case .treatyList(let facet, let slug, let number): PageRenderer.treatyListFolder(facet, slug, page: number) + "/index.html"
            case .facetData: "treaties/facets.js"
            case .actorList(let facet, let slug): "actors/\(facet.rawValue)/\(slug)/index.html"
            case .searchFile(let path): path
            case .searchText(let key): key.folder + "/" + SearchIndexFiles.textFile
            }
        }
    }

    /// Every page of the site, in a stable order.
    public var pages: [Page] {
        var pages: [Page] = [.home, .analyses, .actors, .treaties, .timeline, .tags, .notFound, .network, .search,
                             .searchIndex, .feed(nil), .watch, .watchFeed]
        pages += snapshotDays.map(Page.snapshot)
        pages += Page.DataFile.allCases.map(Page.data)
        if site.config.baseURL != nil { pages += [.sitemap, .robots] }
        pages += searchFilePages
        pages += site.analyses.flatMap { [.analysis($0.id), .searchText(.analysis($0.id))] }
        pages += site.actors.flatMap { [.actor($0.id), .feed(.actor($0.id)), .record(.actor($0.id)), .searchText(.actor($0.id))] }
        pages += site.treaties.flatMap { [.treaty($0.id), .feed(.treaty($0.id)), .record(.treaty($0.id)), .searchText(.treaty($0.id))] }
        pages += index.tags.map { .tag($0.slug) }
        pages += pairs.map { Page.pair($0.0, $0.1) }
        pages += listPages
        pages += treatyListPages
        let pendingPages = Self.pageCount(watchlist?.pending.count ?? 0)
        if pendingPages > 1 { pages += (2...pendingPages).map(Page.watchList) }
        pages += ActorFacet.allCases.flatMap { facet in facet.values(in: site).map { Page.actorList(facet, $0.slug) } }
        if !site.authors.isEmpty {
            pages.append(.authors)
            pages += site.authors.flatMap { [Page.author($0.id), .authorFeed($0.id)] }
        }
        return pages
    }

    /// The search index's files, made on first use (or updated from the last build's).
    package var searchFiles: SearchIndex { searchCache.get(site, markdown) }

    /// The search index's files but `search/index.js`, which depend on the site's text as well as its data.
    public var searchFilePages: [Page] {
        searchFiles.paths.filter { $0 != Page.searchIndex.path }.map(Page.searchFile)
    }

    /// A file of a page bundle, published as it is beside its analysis's page.
    public struct BundleFile: Sendable, Hashable {
        /// Its path in the output (`analyses/<slug>/map.png`).
        public var path: String
        /// Where it is in the site (`Content/analyses/<slug>/map.png`).
        public var source: String
    }

    /// The files of every page bundle, in a stable order.
    public var bundleFiles: [BundleFile] {
        site.analyses.flatMap { analysis -> [BundleFile] in
            guard let folder = analysis.bundleFolder else { return [] }
            return analysis.files.map { file in
                BundleFile(path: EntityKey.analysis(analysis.id).folder + "/" + file, source: folder + "/" + file)
            }
        }
    }

    /// Renders one page to HTML (or the text of a feed, data file or script).
    public func render(_ page: Page) -> String {
        switch content(of: page) {
        case .page(let name, let value): theme.render(name, value)
        case .text(let text): text
        }
    }

    /// The template of a page and its model's value, for pages made with a template (benchmarks compare engines
    /// on these).
    public func templateInput(of page: Page) -> (template: String, value: TemplateValue)? {
        guard case .page(let name, let value) = content(of: page) else { return nil }
        return (name, value)
    }

    /// Renders a template of the theme with a value that `templateInput(of:)` gave for it.
    public func renderTemplate(_ name: String, _ value: TemplateValue) -> String { theme.render(name, value) }

    /// What a page is made of: a template and its model's value, or text made without a template.
    package func content(of page: Page) -> PageContent {
        let root = SiteLinks.root(ofPage: page.path)
        switch page {
        case .home: return home(root)
        case .analyses: return analysesPage(root, page: 1)
        case .actors: return actorsPage(root, facet: nil, slug: "")
        case .actorList(let facet, let slug): return actorsPage(root, facet: facet, slug: slug)
        case .treaties: return treatiesPage(nil, "", page: 1, root)
        case .timeline: return timelinePage(root)
        case .tags: return tagsPage(root)
        case .notFound:
            return .page(.notFound, NotFoundPageModel(frame: frame(root, title: "Page not found", section: nil,
                                                                   description: "The page you asked for does not exist.",
                                                                   canonical: nil)))
        case .analysis(let id): return analysisPage(site.analysesByID[id]!, root)
        case .actor(let id): return actorPage(site.actorsByID[id]!, root)
        case .treaty(let id): return treatyPage(site.treatiesByID[id]!, root)
        case .tag(let slug): return tagPage(index.tags.first { $0.slug == slug }!, root, page: 1)
        case .network: return networkPage(root)
        case .search: return searchPage(root)
        case .searchIndex, .searchFile: return .text(searchFiles.files[page.path] ?? "")
        case .searchText(let key): return .text(SearchIndex.textFile(for: key, site: site, markdown: markdown))
        case .sitemap: return .text(sitemap)
        case .robots: return .text("User-agent: *\nAllow: /\nSitemap: \(site.config.baseURL ?? "")sitemap.xml\n")
        case .feed(let key): return .text(feed(for: key, root: root))
        case .data(let file): return .text(data(file))
        case .record(.actor(let id)): return .text(OpenData.json(OpenData(site: site).actorRecord(site.actorsByID[id]!)))
        case .record(.treaty(let id)): return .text(OpenData.json(OpenData(site: site).treatyRecord(site.treatiesByID[id]!)))
        case .record(.analysis): return .text("{}\n")
        case .authors: return authorsPage(root)
        case .watch: return watchPage(root, page: 1)
        case .watchList(let number): return watchPage(root, page: number)
        case .watchFeed: return .text(watchFeed(root: root))
        case .snapshot(let day): return snapshotPage(day, root)
        case .author(let id): return authorPage(site.authorsByID[id]!, root)
        case .authorFeed(let id): return .text(authorFeed(site.authorsByID[id]!, root: root))
        case .pair(let first, let second): return pairPage(first, second, root)
        case .analysisList(.site, let number): return analysesPage(root, page: number)
        case .analysisList(.tag(let slug), let number): return tagPage(index.tags.first { $0.slug == slug }!, root, page: number)
        case .analysisList(let owner, let number): return analysisListPage(owner, page: number, root)
        case .treatyList(let facet, let slug, let number): return treatiesPage(facet, slug, page: number, root)
        case .facetData: return .text(facetDataScript)
        }
    }

    // MARK: Shared

    /// What every page shares: the site, the page itself and the navigation, with links relative to `root`.
    package func frame(_ root: String, title: String, section: String?, description: String?, canonical: String?) -> PageFrame {
        let config = site.config
        let frameLinks = self.frameLinks.get(root) { FrameLinks(root: root, links: links) }
        let withAuthors = !site.authors.isEmpty
        var breadcrumbs: [BreadcrumbModel] = []
        if section != "home" {
            // The trail from the home page to this one: `Home › Treaties › RELOS`, the last step the page itself.
            breadcrumbs.append(BreadcrumbModel(name: "Home", url: frameLinks.home))
            if let current = frameLinks.section(section, withAuthors: withAuthors), current.name != title {
                breadcrumbs.append(BreadcrumbModel(name: current.name, url: current.url))
            }
            breadcrumbs.append(BreadcrumbModel(name: title, url: nil))
        }
        let canonicalURL = canonical.flatMap { path in config.baseURL.map { $0 + path } }
        return PageFrame(
            site: SiteModel(title: config.title, description: config.description, language: config.language,
                            author: config.author, credits: config.credits, homeURL: frameLinks.home),
            page: PageInfoModel(title: title, description: description ?? config.description ?? config.title, root: root,
                                canonical: canonicalURL, isHome: section == "home",
                                // Every page offers the site's feed; actor and treaty pages replace it with their own.
                                feed: FeedLinkModel(url: frameLinks.feed, title: config.title),
                                breadcrumbs: breadcrumbs),
            nav: frameLinks.navigation(withAuthors: withAuthors).map { NavItemModel(name: $0.name, url: $0.url, current: $0.folder == section) },
            links: frameLinks.sectionLinks,
            stylesheet: frameLinks.stylesheet,
            generator: "Entente")
    }

    package func canonical(_ page: Page) -> String {
        let path = page.path
        return path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
    }

    package func url(_ key: EntityKey, _ root: String) -> String { links.page(key, from: root) }

    package func actorLink(_ id: ActorID, _ root: String) -> ActorLinkModel {
        let actor = site.actorsByID[id]!
        return ActorLinkModel(name: actor.name, url: url(.actor(id), root), kind: actor.kind.rawValue, kindTitle: actor.kind.title)
    }

    package func treatyLink(_ id: TreatyID, _ root: String) -> TreatyLinkModel {
        let treaty = site.treatiesByID[id]!, status = site.statuses[id]
        return TreatyLinkModel(name: treaty.name, url: url(.treaty(id), root), short: treaty.short,
                               instrument: treaty.instrument.title, kind: treaty.kind?.title, status: status?.title,
                               statusKey: status?.rawValue, date: DateModel(site.knownDates[id]))
    }

    package func analysisItem(_ id: AnalysisID, _ root: String) -> AnalysisItemModel {
        let analysis = site.analysesByID[id]!
        return AnalysisItemModel(title: analysis.title, url: url(.analysis(id), root), date: DateModel(analysis.date),
                                 author: site.byline(of: analysis), summary: analysis.summary, draft: analysis.draft)
    }

    /// An analysis as an item of a list, with `html`: the item rendered once by the `analysis-item` partial.
    package func listedAnalysis(_ id: AnalysisID, _ root: String) -> ListedAnalysisModel {
        listItems.get(ListItemKey(analysis: id, root: root)) {
            let item = analysisItem(id, root)
            // The partial sees the item and what every page shares at this depth, not the listing page's own values.
            let frame = frame(root, title: site.config.title, section: nil, description: nil, canonical: nil)
            return ListedAnalysisModel(item: item, html: theme.render(.analysisItem, AnalysisItemPartialModel(frame: frame, item: item)))
        }
    }

    private func tagLinks(_ tags: [String], _ root: String) -> [NamedLinkModel] {
        tags.map { tag in
            NamedLinkModel(name: tag, url: links.folder("tags/" + (index.tagSlugs[tag] ?? AnalysisID.slug(from: tag)), from: root))
        }
    }

    /// The analyses that list an actor or treaty: all of them, and apart, those about it and those that only
    /// mention it.
    private func listings(of key: EntityKey, _ root: String) -> AnalysisListingsModel {
        // The latest `listLimit`, newest first (the index keeps each analysis once per entity).
        let all = index.backlinks[key] ?? []
        let backlinks = Array(all.prefix(Self.listLimit))
        let listed = backlinks.map { listedAnalysis($0.analysis, root) }
        return AnalysisListingsModel(all: listed,
                                     about: zip(backlinks, listed).filter { $0.0.relation == .about }.map(\.1),
                                     mentioning: zip(backlinks, listed).filter { $0.0.relation == .mentions }.map(\.1),
                                     more: moreAnalyses(.entity(key), count: all.count, root))
    }

    // MARK: Lists

    private func home(_ root: String) -> PageContent {
        let model = HomePageModel(
            frame: frame(root, title: site.config.title, section: "home", description: nil, canonical: ""),
            latest: site.analyses.prefix(Self.latestCount).map { listedAnalysis($0.id, root) },
            hasMoreAnalyses: site.analyses.count > Self.latestCount,
            counts: SiteCountsModel(analyses: site.analyses.count, actors: site.actors.count, treaties: site.treaties.count,
                                    events: index.timeline.count, tags: index.tags.count),
            recentEvents: index.timeline.prefix(5).map { timelineItem($0, root) })
        return .page(.home, model)
    }

    private func analysesPage(_ root: String, page number: Int) -> PageContent {
        let (slice, pagination) = paginate(site.analyses, .site, page: number, root)
        var years: [AnalysesPageModel.Year] = []
        for analysis in slice {
            if years.last?.year != analysis.date.year { years.append(.init(year: analysis.date.year, analyses: [])) }
            years[years.count - 1].analyses.append(listedAnalysis(analysis.id, root))
        }
        let model = AnalysesPageModel(
            frame: frame(root, title: number == 1 ? "Analyses" : "Analyses (page \(number))", section: "analyses",
                         description: "All analyses, newest first.",
                         canonical: canonical(number == 1 ? .analyses : .analysisList(.site, number))),
            count: site.analyses.count, years: years, pagination: pagination)
        return .page(.analyses, model)
    }

    private func actorsPage(_ root: String, facet: ActorFacet?, slug: String) -> PageContent {
        let facets = ActorFacet.allCases.map { ($0, $0.values(in: site)) }
        let value = facet.flatMap { facet in facets.first { $0.0 == facet }?.1.first { $0.slug == slug } }
        let shown = value.map { Set($0.actors) }
        let groups = Actor.Kind.allCases.compactMap { kind -> ActorsPageModel.Group? in
            let members = site.actors.filter { $0.kind == kind && shown?.contains($0.id) != false }
            guard !members.isEmpty else { return nil }
            return ActorsPageModel.Group(kind: kind.rawValue, title: kind.pluralTitle, actors: members.map { actor in
                IndexedActorModel(link: actorLink(actor.id, root), region: actor.region,
                                  treatyCount: site.treatiesOfActor[actor.id]?.count ?? 0)
            })
        }
        let title = value.map { "\(facet!.title): \($0.label)" } ?? "Actors"
        let model = ActorsPageModel(
            frame: frame(root, title: title, section: "actors", description: "States, organisations and factions, by kind.",
                         canonical: canonical(facet == nil ? .actors : .actorList(facet!, slug))),
            count: value?.actors.count ?? site.actors.count, groups: groups,
            narrowed: value.map { NarrowedModel(facet: facet!.title, label: $0.label, allURL: links.folder("actors", from: root)) },
            facets: facets.compactMap { group, values in
                values.isEmpty ? nil : FacetGroupModel(key: group.rawValue, title: group.title, values: values.map {
                    FacetValueModel(key: $0.slug, label: $0.label, url: links.folder("actors/\(group.rawValue)/\($0.slug)", from: root),
                                    count: $0.actors.count, current: group == facet && $0.slug == slug)
                })
            },
            facetScript: facet == nil ? links.file("assets/facets.js", from: root) : nil)
        return .page(.actors, model)
    }

    package func timelineItem(_ entry: SiteIndex.TimelineEntry, _ root: String) -> TimelineEventModel {
        TimelineEventModel(date: DateModel(entry.event.date), type: entry.event.type.title, typeKey: entry.event.type.rawValue,
                           note: entry.event.note, treaty: treatyLink(entry.treaty, root),
                           actor: entry.event.actor.map { actorLink($0.id, root) })
    }

    private func timelinePage(_ root: String) -> PageContent {
        var years: [TimelinePageModel.Year] = []
        for entry in index.timeline {
            if years.last?.year != entry.event.date.year { years.append(.init(year: entry.event.date.year, events: [])) }
            years[years.count - 1].events.append(timelineItem(entry, root))
        }
        let link: SitePictures.Link = { [links] key in links.page(key, from: root) }
        let model = TimelinePageModel(
            frame: frame(root, title: "Timeline", section: "timeline",
                         description: "Every dated event across all treaties, newest first.", canonical: canonical(.timeline)),
            count: index.timeline.count, picture: pictures.siteTimeline(site, link), years: years)
        return .page(.timeline, model)
    }

    private func tagsPage(_ root: String) -> PageContent {
        let model = TagsPageModel(
            frame: frame(root, title: "Tags", section: "tags", description: "Analyses by tag.", canonical: canonical(.tags)),
            tags: index.tags.map { tag in
                TagsPageModel.Tag(name: tag.name, url: links.folder("tags/" + tag.slug, from: root), count: tag.analyses.count)
            })
        return .page(.tags, model)
    }

    private func tagPage(_ tag: SiteIndex.Tag, _ root: String, page number: Int) -> PageContent {
        let (slice, pagination) = paginate(tag.analyses, .tag(tag.slug), page: number, root)
        let model = TagPageModel(
            frame: frame(root, title: "Tagged “\(tag.name)”" + (number == 1 ? "" : " (page \(number))"), section: "tags",
                         description: "Analyses tagged \(tag.name).",
                         canonical: canonical(number == 1 ? .tag(tag.slug) : .analysisList(.tag(tag.slug), number))),
            tag: TagPageModel.Tag(name: tag.name, count: tag.analyses.count),
            analyses: slice.map { listedAnalysis($0, root) }, pagination: pagination)
        return .page(.tag, model)
    }

    // MARK: Entities

    private func analysisPage(_ analysis: Analysis, _ root: String) -> PageContent {
        let aboutActors = unique(analysis.actors.map(\.id))
        let aboutTreaties = unique(analysis.treaties.map(\.id))
        let about = Set(aboutActors.map(EntityKey.actor) + aboutTreaties.map(EntityKey.treaty))
        let mentions = markdown.mentions(of: analysis.id).filter { !about.contains($0) }.map { key in
            let kind = switch key {
            case .actor: "actor"
            case .treaty: "treaty"
            case .analysis: "analysis"
            }
            return AnalysisDetailModel.Mention(name: site.name(of: key), url: url(key, root), kind: kind)
        }
        let detail = AnalysisDetailModel(
            item: analysisItem(analysis.id, root),
            authors: analysis.authors.compactMap { site.authorsByID[$0.id] }.map { authorLink($0, root) },
            thenAndNow: thenAndNow(analysis, mentioned: markdown.mentions(of: analysis.id), root),
            asOf: DateModel(site.asOf),
            sources: analysis.sources.enumerated().map { offset, source in
                AnalysisDetailModel.Source(number: offset + 1, anchor: Analysis.Source.anchor(of: source.id), title: source.title,
                                           url: source.url, publisher: source.publisher, date: DateModel(source.date))
            },
            citations: citationLinks(.analysis(analysis.id)),
            updated: DateModel(analysis.updated),
            corrections: analysis.corrections.map { AnalysisDetailModel.Correction(date: DateModel($0.date), note: $0.note) },
            body: markdown.html(for: .analysis(analysis.id)) ?? "",
            tags: tagLinks(analysis.tags, root), actors: aboutActors.map { actorLink($0, root) },
            treaties: aboutTreaties.map { treatyLink($0, root) }, mentions: mentions)
        let model = AnalysisPageModel(
            frame: frame(root, title: analysis.title, section: "analyses", description: analysis.summary,
                         canonical: canonical(.analysis(analysis.id))),
            analysis: detail)
        return .page(.analysis, model)
    }

    private func actorPage(_ actor: Actor, _ root: String) -> PageContent {
        var frame = frame(root, title: actor.name, section: "actors", description: markdown.plainSummary(for: .actor(actor.id)),
                          canonical: canonical(.actor(actor.id)))
        // Oldest first: an actor's agreements read as its history.
        let treaties = (site.treatiesOfActor[actor.id] ?? []).compactMap { site.treatiesByID[$0] }
            .map { (treaty: $0, date: site.knownDates[$0.id] ?? Self.undated) }
            .sorted { ($0.date, $0.treaty.name, $0.treaty.id) < ($1.date, $1.treaty.name, $1.treaty.id) }
        let feedURL = links.file(EntityKey.actor(actor.id).folder + "/feed.xml", from: root)
        let link: SitePictures.Link = { [links] key in links.page(key, from: root) }
        let detail = ActorDetailModel(
            link: actorLink(actor.id, root), id: actor.id.rawValue,
            // A short name that is the name itself says nothing ("Russia (Russia)").
            short: actor.short == actor.name ? nil : actor.short,
            aliases: actor.aliases.map(NameModel.init), region: actor.region,
            partOf: actor.partOf.map { actorLink($0.id, root) },
            parts: (index.parts[actor.id] ?? []).map { actorLink($0, root) },
            summary: markdown.html(for: .actor(actor.id), part: .summary),
            profile: markdown.html(for: .actor(actor.id), part: .body),
            iso3: actor.iso3, cow: actor.cow,
            wikidata: actor.wikidata.map { .init(id: $0, url: "https://www.wikidata.org/wiki/\($0)") },
            treaties: treaties.map { entry in
                let dates = partyDates(entry.treaty).first { $0.actor == actor.id }
                return ActorTreatyModel(link: treatyLink(entry.treaty.id, root), signed: DateModel(dates?.signed),
                                        acceded: DateModel(dates?.acceded), ratified: DateModel(dates?.ratified),
                                        withdrawn: DateModel(dates?.withdrawn))
            },
            counterparts: (index.counterparts[actor.id] ?? []).map {
                CounterpartModel(link: actorLink($0.actor, root), count: $0.count,
                                 pairURL: links.folder(Page.pairFolder(actor.id, $0.actor), from: root))
            },
            snapshots: actorSnapshots(actor.id, root), asOf: DateModel(site.asOf),
            listings: listings(of: .actor(actor.id), root),
            feedURL: feedURL, dataURL: links.file(EntityKey.actor(actor.id).folder + "/data.json", from: root),
            picture: pictures.egoNetwork(actor.id, site, index, link, pairLink(root)))
        frame.page.feed = FeedLinkModel(url: feedURL, title: "\(actor.name) · \(site.config.title)")
        return .page(.actor, ActorPageModel(frame: frame, actor: detail))
    }

    private func treatyPage(_ treaty: Treaty, _ root: String) -> PageContent {
        var frame = frame(root, title: treaty.name, section: "treaties", description: markdown.plainSummary(for: .treaty(treaty.id)),
                          canonical: canonical(.treaty(treaty.id)))
        let sources = treaty.sources.enumerated().map { offset, source in
            TreatyDetailModel.Source(number: offset + 1, title: source.title, url: source.url, date: DateModel(source.date))
        }
        let events = treaty.events.sorted { ($0.date, $0.type.lifecycleRank) < ($1.date, $1.type.lifecycleRank) }.map { event in
            TreatyDetailModel.Event(
                date: DateModel(event.date), type: event.type.title, typeKey: event.type.rawValue, note: event.note,
                actor: event.actor.map { actorLink($0.id, root) },
                source: event.source.flatMap { number in number >= 1 && number <= sources.count ? sources[number - 1] : nil })
        }
        let status = treaty.status.map { status in
            TreatyDetailModel.Status(title: status.title, key: status.rawValue, active: status.isActive,
                                     derived: treaty.declaredStatus == nil,
                                     from: treaty.statusEvent.map { .init(type: $0.type.title, date: DateModel($0.date)) },
                                     asOf: status.isActive ? DateModel(site.asOf) : nil)
        }
        let sharing = index.treatiesSharingParties(with: treaty, in: site)
        let feedURL = links.file(EntityKey.treaty(treaty.id).folder + "/feed.xml", from: root)
        let link: SitePictures.Link = { [links] key in links.page(key, from: root) }
        let detail = TreatyDetailModel(
            link: treatyLink(treaty.id, root), id: treaty.id.rawValue, aliases: treaty.aliases.map(NameModel.init),
            instrumentKey: treaty.instrument.rawValue, isTreaty: treaty.instrument.isTreaty,
            instrumentNote: treaty.instrument.isTreaty ? nil
                : "This is a \(treaty.instrument.title.lowercased()), not a treaty: it records political commitments rather than binding legal obligations.",
            kindKey: treaty.kind?.rawValue,
            obligations: treaty.obligations.map { .init(name: $0.title, key: $0.rawValue) },
            status: status,
            summary: markdown.html(for: .treaty(treaty.id), part: .summary),
            body: markdown.html(for: .treaty(treaty.id), part: .body),
            provisions: markdown.provisions(of: treaty.id).map(TreatyDetailModel.Provision.init),
            parties: partyDates(treaty).map { dates in
                PartyModel(link: actorLink(dates.actor, root), note: dates.note, signed: DateModel(dates.signed),
                           ratified: DateModel(dates.ratified), acceded: DateModel(dates.acceded),
                           inForce: DateModel(dates.inForce), withdrawn: DateModel(dates.withdrawn))
            },
            sources: sources, events: events,
            supersedes: treaty.supersedes.map { treatyLink($0.id, root) },
            supersededBy: (site.successors[treaty.id] ?? []).map { treatyLink($0, root) },
            related: unique(treaty.related.map(\.id)).map { treatyLink($0, root) },
            sharingParties: sharing.prefix(Self.sharingLimit).map {
                SharingTreatyModel(link: treatyLink($0.treaty, root), shared: $0.shared)
            },
            sharingPartiesMore: max(0, sharing.count - Self.sharingLimit),
            listings: listings(of: .treaty(treaty.id), root),
            feedURL: feedURL, dataURL: links.file(EntityKey.treaty(treaty.id).folder + "/data.json", from: root),
            citations: citationLinks(.treaty(treaty.id)),
            snapshots: treatySnapshots(treaty, root),
            term: termModel(treaty),
            picture: pictures.treatyTimeline(treaty, site, link))
        frame.page.feed = FeedLinkModel(url: feedURL, title: "\(treaty.short ?? treaty.name) · \(site.config.title)")
        return .page(.treaty, TreatyPageModel(frame: frame, treaty: detail))
    }

    /// Each agreement an analysis is about or mentions: its status on the analysis's date and as of `as_of`.
    private func thenAndNow(_ analysis: Analysis, mentioned: [EntityKey], _ root: String) -> [AnalysisDetailModel.ThenAndNow] {
        let named = unique(analysis.treaties.map(\.id) + mentioned.compactMap { if case .treaty(let id) = $0 { id } else { nil } })
        return named.compactMap { id -> AnalysisDetailModel.ThenAndNow? in
            guard let treaty = site.treatiesByID[id] else { return nil }
            let then = treaty.standing(at: analysis.date)
            let thenDoubt = treaty.doubt(at: analysis.date, standing: then).map(Self.sentence(for:))
            let thenModel = then.status.map {
                AnalysisDetailModel.ThenAndNow.Standing(title: $0.title, key: $0.rawValue, uncertain: !then.uncertain.isEmpty,
                                                        steps: partySteps(of: treaty, by: analysis.date, status: $0), doubt: thenDoubt)
            }
            let (now, nowModel) = nowStandings.get(id) { nowStanding(of: treaty) }
            // A status the record cannot place on the day is not called a change.
            let changed = then.status != now && !(thenDoubt != nil && now?.isActive == true)
                || (then.status == now && thenModel?.steps != nowModel?.steps)
            return .init(treaty: treatyLink(id, root), written: DateModel(analysis.date), then: thenModel, now: nowModel,
                         changed: changed)
        }
    }

    /// Where an agreement stands now, as analyses show it: as stated when its file states it, else from the record
    /// as of `as_of`. The same for every analysis that names it, so it is made once per agreement.
    private func nowStanding(of treaty: Treaty) -> (TreatyStatus?, AnalysisDetailModel.ThenAndNow.Standing?) {
        let standing = site.asOf.map { treaty.standing(at: $0) }
        let now = treaty.declaredStatus ?? standing?.status
        return (now, now.map {
            AnalysisDetailModel.ThenAndNow.Standing(title: $0.title, key: $0.rawValue,
                                                    uncertain: treaty.declaredStatus == nil && !(standing?.uncertain.isEmpty ?? true),
                                                    steps: partySteps(of: treaty, by: site.asOf, status: $0), doubt: nil)
        })
    }

    /// The parties' own steps by `day` that `status` does not show (`ratified by Russia`), or nil.
    private func partySteps(of treaty: Treaty, by day: PartialDate?, status: TreatyStatus) -> String? {
        // Only before entry into force do the parties' own steps say more than the status; after it they are on the
        // treaty page.
        guard let day, [.proposed, .negotiating, .approved, .signed].contains(status) else { return nil }
        let groups = Dictionary(grouping: treaty.partySteps(by: day), by: \.step)
        let text = [TreatyEventType.approved, .ratified, .acceded, .withdrawn].compactMap { step -> String? in
            guard let parties = groups[step] else { return nil }
            let names = parties.map { site.actorsByID[$0.party]?.name ?? $0.party.rawValue }
            return "\(step.title.lowercased()) by " + names.joinedAsEnglishList
        }
        return text.isEmpty ? nil : text.joined(separator: "; ")
    }

    /// A treaty's term as its page shows it, or nil when the record gives no term, expiry or renewal.
    private func termModel(_ treaty: Treaty) -> TreatyDetailModel.Term? {
        guard treaty.term != nil || treaty.expires != nil || treaty.renewal != nil else { return nil }
        let standing = site.asOf.map { treaty.standing(at: $0) }
        return TreatyDetailModel.Term(length: treaty.term?.description, expires: DateModel(treaty.firstExpiry),
                                      termEnds: DateModel(standing?.termEnds), expired: standing?.expiredByTerm ?? false,
                                      renewal: treaty.renewal?.period.description, notice: treaty.renewal?.notice?.description)
    }

    /// Sorts after every real date, so that undated agreements come last.
    package static let undated = PartialDate(year: 9999)!

    /// How many treaties sharing parties a treaty page lists (the rest are counted).
    package static let sharingLimit = 20

    private func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen: Set<T> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// Per party: its own dates, else the dates of events naming it, else of events naming no actor.
    package func partyDates(_ treaty: Treaty) -> [PartyDates] {
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

    package struct PartyDates {
        package var actor: ActorID
        package var signed, ratified, acceded, inForce, withdrawn: PartialDate?
        package var note: String?
    }
}
