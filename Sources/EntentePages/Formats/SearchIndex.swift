import Synchronization
import EntenteModel
import EntenteResolving
import EntenteSearch
/// The site's pages as search documents, and the index files made of them (`SearchIndexFiles`).
package struct SearchIndex: Sendable {
    /// The index's files, by path from the site's root (`search/index.js`, `search/terms/co.js`…).
    package let files: [String: String]
    /// Their paths, in the order they are written.
    package let paths: [String]

    package init(site: ResolvedSite, markdown: RenderedContent) {
        let built = SearchIndexFiles(documents: Self.documents(site: site, markdown: markdown))
        var files: [String: String] = [:]
        for file in built.files { files["search/" + file.path] = file.content }
        self.files = files
        self.paths = built.files.map { "search/" + $0.path }
    }

    /// Actors, then treaties, then analyses in the site's order: a page's number in the index is its place here,
    /// and among results that score the same the lower number comes first.
    static func documents(site: ResolvedSite, markdown: RenderedContent) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        documents.reserveCapacity(site.actors.count + site.treaties.count + site.analyses.count)
        for actor in site.actors {
            let key = EntityKey.actor(actor.id)
            let names = [actor.short].compactMap { $0 } + actor.aliases
            let details = [actor.kind.title, actor.region, actor.iso3].compactMap { $0 }
            documents.append(SearchDocument(kind: .actor, title: actor.name, path: key.folder + "/", date: nil,
                                            fields: [(actor.name, .title)] + names.map { ($0, .name) } + details.map { ($0, .detail) },
                                            body: markdown.searchTerms(of: key)))
        }
        for treaty in site.treaties {
            let key = EntityKey.treaty(treaty.id)
            let names = [treaty.short].compactMap { $0 } + treaty.aliases
            let details = [treaty.kind?.title ?? treaty.instrument.title, treaty.status?.title].compactMap { $0 }
            documents.append(SearchDocument(kind: .treaty, title: treaty.name, path: key.folder + "/", date: treaty.knownDate?.display,
                                            fields: [(treaty.name, .title)] + names.map { ($0, .name) } + details.map { ($0, .detail) },
                                            body: markdown.searchTerms(of: key)))
        }
        for analysis in site.analyses {
            let key = EntityKey.analysis(analysis.id)
            var fields: [(text: String, field: SearchDocument.Field)] = [(analysis.title, .title)]
            fields += analysis.tags.map { ($0, .tag) }
            if let summary = analysis.summary { fields.append((summary, .summary)) }
            if let byline = site.byline(of: analysis) { fields.append((byline, .detail)) }
            documents.append(SearchDocument(kind: .analysis, title: analysis.title, path: key.folder + "/", date: analysis.date.display,
                                            fields: fields, body: markdown.searchTerms(of: key)))
        }
        return documents
    }

    /// The text file beside an entity's page, which the search page reads for a result's snippet: the summary
    /// of an analysis, then its Markdown as plain text.
    package static func textFile(for key: EntityKey, site: ResolvedSite, markdown: RenderedContent) -> String {
        var text = markdown.plainText(of: key)
        if case .analysis(let id) = key, let summary = site.analysesByID[id]?.summary, !summary.isEmpty {
            text = text.isEmpty ? summary : summary + " " + text
        }
        return SearchIndexFiles.textScript(path: key.folder + "/", text: text)
    }

    /// JSON as a script that sets `window.<variable>`, for pages opened from disk, where `fetch` is refused.
    package static func script(variable: String, json text: String) -> String {
        ScriptData.assignment(variable: variable, json: text)
    }
}

/// The search index of one renderer, built the first time a page asks for it.
package final class SearchIndexBox: Sendable {
    private let stored = Mutex<SearchIndex?>(nil)

    package init() {}

    func get(_ site: ResolvedSite, _ markdown: RenderedContent) -> SearchIndex {
        if let index = stored.withLock({ $0 }) { return index }
        let index = SearchIndex(site: site, markdown: markdown)
        stored.withLock { $0 = index }
        return index
    }
}
