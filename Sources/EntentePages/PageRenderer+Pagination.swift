import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// Long lists of analyses, cut into pages: an actor's, an agreement's or a pair's page shows the latest
/// `PageRenderer.listLimit` and links to the whole list; the site's list, a tag's and those whole lists have
/// `PageRenderer.pageSize` analyses a page.
extension PageRenderer {
    /// How many analyses an actor's, agreement's or pair's page lists before linking to the whole list.
    package static let listLimit = 20
    /// How many analyses one page of a list holds.
    package static let pageSize = 50

    /// Whose analyses a list holds.
    public enum ListOwner: Sendable, Hashable {
        /// The site's list (`analyses/`), whose first page is the analyses page.
        case site
        /// One tag's (`tags/<slug>/`), whose first page is the tag's page.
        case tag(String)
        /// An actor's or an agreement's (`actors/<id>/analyses/`).
        case entity(EntityKey)
        /// Two actors' (`actors/<a>/with/<b>/analyses/`).
        case pair(ActorID, ActorID)

        /// The folder of page `number` (from 1).
        package func folder(page number: Int) -> String {
            switch self {
            case .site: number == 1 ? "analyses" : "analyses/page/\(number)"
            case .tag(let slug): number == 1 ? "tags/\(slug)" : "tags/\(slug)/page/\(number)"
            case .entity(let key): number == 1 ? "\(key.folder)/analyses" : "\(key.folder)/analyses/page/\(number)"
            case .pair(let a, let b):
                number == 1 ? "\(Page.pairFolder(a, b))/analyses" : "\(Page.pairFolder(a, b))/analyses/page/\(number)"
            }
        }
    }

    /// The analyses of a list, newest first.
    package func analyses(of owner: ListOwner) -> [AnalysisID] {
        switch owner {
        case .site: site.analyses.map(\.id)
        case .tag(let slug): index.tags.first { $0.slug == slug }?.analyses ?? []
        // The index keeps each analysis once per entity.
        case .entity(let key): (index.backlinks[key] ?? []).map(\.analysis)
        case .pair(let a, let b): sharedAnalyses(a, b)
        }
    }

    package static func pageCount(_ count: Int) -> Int { max(1, (count + pageSize - 1) / pageSize) }

    /// The pages of the lists beyond the analyses page and the tags' pages: the site's and each tag's further pages,
    /// and the whole lists of the actors, agreements and pairs with more than `listLimit` analyses.
    package var listPages: [Page] {
        var pages: [Page] = []
        func add(_ owner: ListOwner, count: Int, from first: Int) {
            guard first <= Self.pageCount(count) else { return }
            pages += (first...Self.pageCount(count)).map { Page.analysisList(owner, $0) }
        }
        add(.site, count: site.analyses.count, from: 2)
        for tag in index.tags { add(.tag(tag.slug), count: tag.analyses.count, from: 2) }
        let keys = site.actors.map { EntityKey.actor($0.id) } + site.treaties.map { EntityKey.treaty($0.id) }
        for key in keys {
            let count = analyses(of: .entity(key)).count
            if count > Self.listLimit { add(.entity(key), count: count, from: 1) }
        }
        for (a, b) in pairs {
            let count = sharedAnalyses(a, b).count
            if count > Self.listLimit { add(.pair(a, b), count: count, from: 1) }
        }
        return pages
    }

    /// The items of a list on its page `number` (from 1).
    package static func onPage<T>(_ number: Int, of items: [T]) -> ArraySlice<T> {
        let start = min(items.count, (number - 1) * pageSize)
        return items[start..<min(items.count, start + pageSize)]
    }

    /// The slice of `items` on page `number`, and the links between the pages.
    package func paginate<T>(_ items: [T], _ owner: ListOwner, page number: Int, _ root: String) -> ([T], PaginationModel?) {
        paginate(items, page: number, folder: owner.folder(page:), root)
    }

    /// The slice of `items` on page `number`, and the links between the pages, whose folders `folder` gives.
    package func paginate<T>(_ items: [T], page number: Int, folder: @escaping (Int) -> String, _ root: String) -> ([T], PaginationModel?) {
        let count = Self.pageCount(items.count)
        let slice = Array(Self.onPage(number, of: items))
        guard count > 1 else { return (slice, nil) }
        let url = { (n: Int) in links.folder(folder(n), from: root) }
        return (slice, PaginationModel(
            page: number, pageCount: count, previous: number > 1 ? url(number - 1) : nil,
            next: number < count ? url(number + 1) : nil,
            pages: (1...count).map { .init(number: $0, url: url($0), current: $0 == number) }))
    }

    /// The link to the whole list under a page that shows only the latest `listLimit`, or nil when it shows them all.
    package func moreAnalyses(_ owner: ListOwner, count: Int, _ root: String) -> MoreAnalysesModel? {
        count > Self.listLimit ? MoreAnalysesModel(count: count, url: links.folder(owner.folder(page: 1), from: root)) : nil
    }

    /// One page of an actor's, agreement's or pair's whole list.
    package func analysisListPage(_ owner: ListOwner, page number: Int, _ root: String) -> PageContent {
        let (subject, subjectURL): (String, String) = switch owner {
        case .entity(.actor(let id)): (site.actorsByID[id]!.name, links.page(.actor(id), from: root))
        case .entity(.treaty(let id)): (site.treatiesByID[id].map { $0.short ?? $0.name } ?? id.rawValue, links.page(.treaty(id), from: root))
        case .pair(let a, let b):
            ("\(site.actorsByID[a]!.name) and \(site.actorsByID[b]!.name)", links.folder(Page.pairFolder(a, b), from: root))
        case .site, .tag, .entity(.analysis): ("", "")
        }
        let all = analyses(of: owner)
        let (slice, pagination) = paginate(all, owner, page: number, root)
        let title = "Analyses: \(subject)" + (number > 1 ? " (page \(number))" : "")
        let model = AnalysisListPageModel(
            frame: frame(root, title: title, section: nil, description: "Every analysis about or mentioning \(subject), newest first.",
                         canonical: canonical(.analysisList(owner, number))),
            subject: subject, subjectURL: subjectURL, count: all.count,
            analyses: slice.map { listedAnalysis($0, root) }, pagination: pagination)
        return .page(.analysisList, model)
    }
}
