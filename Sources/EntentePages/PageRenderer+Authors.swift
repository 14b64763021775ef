import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
/// Authors' pages and feeds, and the "Cite this" files of analyses and treaties.
extension PageRenderer {
    package func authorLink(_ author: Author, _ root: String) -> AuthorLinkModel {
        AuthorLinkModel(name: author.name, url: links.folder(author.folder, from: root), role: author.role)
    }

    package func authorsPage(_ root: String) -> PageContent {
        let model = AuthorsPageModel(
            frame: frame(root, title: "Authors", section: "authors", description: "Who writes for \(site.config.title).",
                         canonical: canonical(.authors)),
            authors: site.authors.map { author in
                AuthorsPageModel.Entry(link: authorLink(author, root), count: site.analysesOfAuthor[author.id]?.count ?? 0)
            })
        return .page(.authors, model)
    }

    package func authorPage(_ author: Author, _ root: String) -> PageContent {
        let analyses = site.analysesOfAuthor[author.id] ?? []
        let feedURL = links.file(author.folder + "/feed.xml", from: root)
        var frame = frame(root, title: author.name, section: "authors", description: author.role.map { "\(author.name), \($0)." },
                          canonical: canonical(.author(author.id)))
        frame.page.feed = FeedLinkModel(url: feedURL, title: "\(author.name) · \(site.config.title)")
        let detail = AuthorDetailModel(
            link: authorLink(author, root), bio: markdown.bio(of: author.id),
            links: author.links.map { AuthorDetailModel.Link(title: $0.title, url: $0.url) },
            analyses: analyses.map { listedAnalysis($0, root) }, count: analyses.count, feedURL: feedURL)
        return .page(.author, AuthorPageModel(frame: frame, author: detail))
    }

    /// The Atom feed of one author's analyses.
    package func authorFeed(_ author: Author, root: String) -> String {
        feed(of: site.analysesOfAuthor[author.id] ?? [], title: "\(author.name) · \(site.config.title)",
             subtitle: "Analyses by \(author.name).", folder: author.folder, feedName: "feed:" + author.folder, root: root)
    }

    /// The citation of an analysis or treaty, as its "Cite this" links give it. What it reads (the entity, a treaty's
    /// parties, the authors, the site's title and address) its page shows too, so the page's dependencies cover it.
    package func citation(of key: EntityKey) -> Citation {
        let url = site.config.baseURL.map { $0 + key.folder + "/" }
        switch key {
        case .analysis(let id):
            let analysis = site.analysesByID[id]!
            return Citation(key: id.rawValue, kind: .analysis, title: analysis.title, creators: site.authorNames(of: analysis),
                            container: site.config.title, date: analysis.date, url: url, accessed: site.buildDay, note: nil)
        case .treaty(let id):
            let treaty = site.treatiesByID[id]!
            let signed = treaty.events.filter { $0.type == .signed }.map(\.date).min()
            return Citation(key: id.rawValue, kind: .treaty, title: treaty.name,
                            creators: site.distinctParties(of: treaty).map { site.actorsByID[$0]?.name ?? $0.rawValue },
                            container: site.config.title, date: signed, url: url, accessed: site.buildDay,
                            note: signed.map { "Signed \($0.display)" })
        case .actor(let id):
            let actor = site.actorsByID[id]!
            return Citation(key: id.rawValue, kind: .analysis, title: actor.name, creators: [], container: site.config.title,
                            date: nil, url: url, accessed: site.buildDay, note: nil)
        }
    }

    /// The "Cite this" links of a page, or none when the site offers no citations. Each carries its file in a `data:`
    /// URL: three files of a few hundred bytes beside every analysis and treaty were 36,000 of a 10,000-analysis
    /// site's 81,000 files and about a sixth of its build, and a link that holds its file works from disk and from
    /// any host alike.
    package func citationLinks(_ key: EntityKey) -> [CitationLinkModel] {
        guard site.config.citations else { return [] }
        let citation = citation(of: key)
        return CitationFormat.allCases.map { format in
            CitationLinkModel(format: format.title, url: citation.dataURL(format), file: citation.fileName(format))
        }
    }
}
