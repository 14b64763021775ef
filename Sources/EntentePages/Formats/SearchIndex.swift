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
    /// The index itself, for an update after a text edit.
    private let built: SearchIndexFiles
    /// Each page's number in the index.
    private let numbers: [EntityKey: Int]

    package init(site: ResolvedSite, markdown: RenderedContent, updatable: Bool) {
        let documents = Self.documents(site: site, markdown: markdown)
        self.init(SearchIndexFiles(documents: documents.map(\.document), updatable: updatable),
                  numbers: Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.key, $0) }))
    }

    private init(_ built: SearchIndexFiles, numbers: [EntityKey: Int]) {
        var files: [String: String] = [:]
        for file in built.files { files["search/" + file.path] = file.content }
        self.files = files
        self.paths = built.files.map { "search/" + $0.path }
        self.built = built
        self.numbers = numbers
    }

    /// The index after `changed` changed, or nil when it cannot be updated and must be made afresh: a page was
    /// added, removed or moved in the order (an analysis's new date), which numbers every page after it anew.
    package func updating(_ changed: Set<EntityKey>, site: ResolvedSite, markdown: RenderedContent) -> SearchIndex? {
        guard built.isUpdatable, numbers.count == site.actors.count + site.treaties.count + site.analyses.count else { return nil }
        var documents: [Int: SearchDocument] = [:]
        for key in changed {
            // Only changed pages can have moved; when none of them did, none of the others did either.
            let place: Int?
            switch key {
            case .actor(let id): place = site.actors.firstIndex { $0.id == id }
            case .treaty(let id): place = site.treaties.firstIndex { $0.id == id }.map { site.actors.count + $0 }
            case .analysis(let id): place = site.analyses.firstIndex { $0.id == id }.map { site.actors.count + site.treaties.count + $0 }
            }
            guard let place, numbers[key] == place, let document = Self.document(for: key, site: site, markdown: markdown) else { return nil }
            documents[place] = document
        }
        return SearchIndex(built.updating(documents), numbers: numbers)
    }

    /// Actors, then treaties, then analyses in the site's order: a page's number in the index is its place here,
    /// and among results that score the same the lower number comes first.
    static func documents(site: ResolvedSite, markdown: RenderedContent) -> [(key: EntityKey, document: SearchDocument)] {
        let keys = site.actors.map { EntityKey.actor($0.id) } + site.treaties.map { EntityKey.treaty($0.id) }
            + site.analyses.map { EntityKey.analysis($0.id) }
        return keys.compactMap { key in document(for: key, site: site, markdown: markdown).map { (key, $0) } }
    }

    /// One page as search sees it: its title, the short texts it is found by, and its Markdown's terms.
    static func document(for key: EntityKey, site: ResolvedSite, markdown: RenderedContent) -> SearchDocument? {
        let path = key.folder + "/"
        switch key {
        case .actor(let id):
            guard let actor = site.actorsByID[id] else { return nil }
            let names = [actor.short].compactMap { $0 } + actor.aliases
            let details = [actor.kind.title, actor.region, actor.iso3].compactMap { $0 }
            return SearchDocument(kind: .actor, title: actor.name, path: path, date: nil,
                                  fields: [(actor.name, .title)] + names.map { ($0, .name) } + details.map { ($0, .detail) },
                                  body: markdown.searchTerms(of: key))
        case .treaty(let id):
            guard let treaty = site.treatiesByID[id] else { return nil }
            let names = [treaty.short].compactMap { $0 } + treaty.aliases
            let details = [treaty.kind?.title ?? treaty.instrument.title, treaty.status?.title].compactMap { $0 }
            return SearchDocument(kind: .treaty, title: treaty.name, path: path, date: treaty.knownDate?.display,
                                  fields: [(treaty.name, .title)] + names.map { ($0, .name) } + details.map { ($0, .detail) },
                                  body: markdown.searchTerms(of: key))
        case .analysis(let id):
            guard let analysis = site.analysesByID[id] else { return nil }
            var fields: [(text: String, field: SearchDocument.Field)] = [(analysis.title, .title)]
            fields += analysis.tags.map { ($0, .tag) }
            if let summary = analysis.summary { fields.append((summary, .summary)) }
            if let byline = site.byline(of: analysis) { fields.append((byline, .detail)) }
            return SearchDocument(kind: .analysis, title: analysis.title, path: path, date: analysis.date.display,
                                  fields: fields, body: markdown.searchTerms(of: key))
        }
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
}

/// The search index of one renderer, built the first time a page asks for it: afresh, or by updating the previous
/// build's index when only the texts of some pages changed (`seed`).
package final class SearchIndexBox: Sendable {
    /// The index once made; until then the last build's, to update, and what changed since. The last build's is let go
    /// of once used: kept beside the new one for as long as the renderer lived, it doubled the index's memory.
    private let stored: Mutex<(index: SearchIndex?, seed: (index: SearchIndex, changed: Set<EntityKey>)?)>
    private let updatable: Bool

    /// With `made`, the index is that one and `seed` is not used.
    package init(updatable: Bool = true, seed: (index: SearchIndex, changed: Set<EntityKey>)? = nil, made: SearchIndex? = nil) {
        self.updatable = updatable
        stored = Mutex(made.map { ($0, nil) } ?? (nil, seed))
    }

    /// The index, if a page has asked for it already.
    package var current: SearchIndex? { stored.withLock { $0.index } }

    /// The index, made (under the lock: every page that asks meanwhile needs it too) the first time a page asks.
    func get(_ site: ResolvedSite, _ markdown: RenderedContent) -> SearchIndex {
        stored.withLock { stored in
            if let index = stored.index { return index }
            let index = stored.seed.flatMap { $0.index.updating($0.changed, site: site, markdown: markdown) }
                ?? SearchIndex(site: site, markdown: markdown, updatable: updatable)
            stored = (index, nil)
            return index
        }
    }
}
