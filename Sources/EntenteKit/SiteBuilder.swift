import Synchronization
import Foundation
import EntenteModel
import EntenteSupport
import EntenteLoading
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import EntentePages
import EntenteOutput
/// The build pipeline, in named steps: load → resolve → render Markdown → index → render pages → write → swap.
///
/// Any error stops the build before the swap, so the previous output stays exactly as it was.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The loader of the site, as the options ask for it.
    private var loader: SiteLoader {
        SiteLoader(siteDirectory: options.siteDirectory, includeDrafts: options.includeDrafts, today: options.today,
                   includeFuture: options.includeFuture)
    }

    /// Runs every step up to rendering pages, reusing what `state` holds, and works out which pages
    /// must be rendered again. `state` is updated for the next rebuild.
    public func rebuild(_ state: inout BuildState) async -> Rebuild {
        await rebuild(&state, analysisPages: nil)
    }

    /// `rebuildInSteps`, or after edits that leave analyses in the same lists the shorter way of `analysisEditRebuild`,
    /// or after edits to treaties' data that of `treatyEditRebuild`.
    func rebuild(_ state: inout BuildState,
                 analysisPages: (@Sendable (PageRenderer, [PageRenderer.Page]) async -> Void)?) async -> Rebuild {
        if analysisPages == nil, let rebuild = await analysisEditRebuild(&state) { return rebuild }
        if analysisPages == nil, let rebuild = treatyEditRebuild(&state) { return rebuild }
        let rebuild = await rebuildInSteps(&state, analysisPages: analysisPages)
        state.lastDiagnostics = rebuild.succeeded && options.trackDependencies ? rebuild.diagnostics : nil
        return rebuild
    }

    /// `rebuild(_:)`; in a one-off build, `analysisPages` gets the analysis pages batch by batch while the
    /// Markdown of the next batch is rendered, with a renderer that can render those pages (and only those).
    /// The returned `pagesToRender` then leaves them out.
    private func rebuildInSteps(_ state: inout BuildState,
                                analysisPages: (@Sendable (PageRenderer, [PageRenderer.Page]) async -> Void)?) async -> Rebuild {
        var diagnostics: [Diagnostic] = []
        var timings = StepTimings()
        let (theme, themeDiagnostics) = Theme.load(siteDirectory: options.siteDirectory)
        diagnostics += themeDiagnostics
        timings.finish("theme")
        // A one-off build keeps nothing for a rebuild: each analysis's text is set aside in `bodyStore` as it is
        // read, and `analysisBodies` (the only place that then refers to it) lets go of it once it is rendered.
        // A rebuild keeps the texts in the site.
        var (resolved, analysisBodies, bodyStore, loadDiagnostics) = await loadAndResolve(&state, &timings)
        diagnostics += loadDiagnostics
        func failed() -> Rebuild {
            Rebuild(diagnostics: diagnostics, renderer: nil, pagesToRender: [], removedPages: [], assetsChanged: false,
                    timings: timings)
        }
        // Taken, not copied: nothing but `site` holds the resolved site from here on.
        guard var site = resolved.take() else { return failed() }
        if !options.trackDependencies { FreedMemory.release() }
        let markdownRenderer = MarkdownRenderer(site: site, links: SiteLinks(pretty: site.config.prettyLinks))
        // An analysis page needs its own Markdown, the site and the tags' slugs, none of which waits for the
        // other analyses: it can be rendered as soon as its batch is.
        var earlyPages: (@Sendable (RenderedContent) async -> Void)?
        if let analysisPages, !options.trackDependencies, let theme, !diagnostics.hasErrors {
            let tagsOnly = SiteIndex(site: site, mentions: [:])
            earlyPages = { [site] batch in
                await analysisPages(PageRenderer(site: site, index: tagsOnly, theme: theme, markdown: batch),
                                    batch.analyses.flatMap { [.analysis($0), .searchText(.analysis($0))] })
            }
        }
        if options.trackDependencies, state.textSpill == nil { state.textSpill = TextSpill() }
        var markdown = await RenderedContent.render(site: site, renderer: markdownRenderer, previous: state.markdownCache,
                                                    analysisBodies: &analysisBodies, spill: state.textSpill ?? bodyStore,
                                                    analysisPages: earlyPages)
        if options.trackDependencies {
            (state.markdownCache, state.markdownNames) = (markdown, markdownRenderer.names)
            // From here on the preview holds no analysis's Markdown: the spill does.
            site.setAsideAnalysisBodies { Self.setAsideBody(of: $0, in: markdown) }
            state.loadCache.setAsideAnalysisBodies { Self.setAsideBody(of: $0, in: markdown) }
        }
        diagnostics += markdown.diagnostics
        timings.finish("markdown")
        guard !diagnostics.hasErrors, let theme else { return failed() }

        // Compared with the last successful build, if there is one and it used the same settings and templates.
        // Taken out of the state, so that it is updated in place rather than copied.
        var previous = state.baseline.take()
        let comparable = previous.map { baseline in
            baseline.renderer.site.config == site.config && baseline.renderer.theme.fingerprint == theme.fingerprint
                && baseline.renderer.site.authors == site.authors && baseline.renderer.site.buildDay == site.buildDay
                // Every "in force" and every analysis's "now" is as of this day.
                && baseline.renderer.site.asOf == site.asOf
                // Every actor and treaty page lists the snapshots.
                && baseline.renderer.site.snapshotDays == site.snapshotDays
        } ?? false
        guard comparable, let baseline = previous.take() else {
            // A first build, or settings or templates changed: every page. The last build's pages are all that is
            // kept of it (to tell which are gone), so that two whole builds are never held at once.
            let previousPages = previous.map { Array($0.pages) } ?? []
            previous = nil
            // The search index needs only the site and its Markdown: it is made beside the site's index.
            let index: SiteIndex, madeSearchIndex: SearchIndex
            do {
                let (searchedSite, searchedMarkdown) = (site, markdown)
                async let searchIndex = SearchIndex(site: searchedSite, markdown: searchedMarkdown, updatable: options.trackDependencies)
                index = SiteIndex(site: site, mentions: markdown.allMentions)
                madeSearchIndex = await searchIndex
            }
            // A rebuild updates the search index from them; a one-off build is done with them.
            if !options.trackDependencies { markdown.forgetSearchTerms() }
            let renderer = PageRenderer(site: site, index: index, theme: theme, markdown: markdown,
                                        updatableSearch: options.trackDependencies, searchIndex: madeSearchIndex)
            let pages = earlyPages == nil ? renderer.pages
                : renderer.pages.filter { !$0.rendersWithItsAnalysisBatch }
            timings.finish("index")
            let current = Set(pages)
            let removed = previousPages.filter { !current.contains($0) }
            state.baseline = options.trackDependencies ? .init(renderer: renderer, dependencies: dependencies(of: pages, in: renderer)) : nil
            timings.finish("dependencies")
            return Rebuild(diagnostics: diagnostics, renderer: renderer, pagesToRender: pages,
                           removedPages: removed.sorted { $0.path < $1.path },
                           assetsChanged: true, timings: timings)
        }

        let (dataChanged, textChanged, inPlace) = changedEntities(from: baseline.renderer.site, baseline.renderer.markdown, to: site, markdown)
        return renderChanges(&state, baseline: consume baseline, site: site, markdown: markdown, theme: theme, dataChanged: dataChanged,
                             textChanged: textChanged, inPlace: inPlace, diagnostics: diagnostics, timings: timings)
    }

    /// The pages to render after the entities of `dataChanged` changed in their data and those of `textChanged` in
    /// their Markdown since `baseline`, `inPlace` of them in data that leaves them in the same lists at the same
    /// places (analyses only); `state` keeps the new baseline.
    private func renderChanges(_ state: inout BuildState, baseline: consuming BuildState.Baseline, site: ResolvedSite,
                               markdown: RenderedContent, theme: Theme, dataChanged: Set<EntityKey>, textChanged: Set<EntityKey>,
                               inPlace: Set<EntityKey>, diagnostics: [Diagnostic], timings: StepTimings) -> Rebuild {
        var timings = timings
        let changed = dataChanged.union(textChanged)
        let relisted = dataChanged.subtracting(inPlace)
        // Which treaty edits change which agreements an actor has, or the events.
        let oldSite = baseline.renderer.site
        let treatiesChanged = dataChanged.compactMap { key -> TreatyID? in if case .treaty(let id) = key { id } else { nil } }
        let agreementsChanged = Set(treatiesChanged.filter { PageRenderer.agreementsChanged(by: $0, from: oldSite, to: site) })
        let eventsChanged = treatiesChanged.contains { PageRenderer.eventsChanged(of: $0, from: oldSite, to: site) }
        let standingChanged = treatiesChanged.contains { PageRenderer.standingChanged(of: $0, from: oldSite, to: site) }
        // When nothing moved from list to list, what links to what is as it was: the index is kept. So it is after
        // edits to treaties alone that keep their parties and events, when every analysis mentions what it did and
        // renders as it did. The index follows no name, so a renamed treaty that no text mentions anew keeps it too
        // (indexing was 480 ms of a name edit on the 10,000-analysis corpus).
        let indexKept = relisted.isEmpty
            || (relisted.count == treatiesChanged.count && agreementsChanged.isEmpty && !eventsChanged
                && markdown.idsAndSettings == baseline.renderer.markdown.idsAndSettings
                && !changed.contains { if case .analysis = $0 { true } else { false } })
        let index = indexKept ? baseline.renderer.index : SiteIndex(site: site, mentions: markdown.allMentions)
        // The search index is updated for the pages that changed, not made afresh (unless pages were added,
        // removed or moved in its order).
        let renderer = PageRenderer(site: site, index: index, theme: theme, markdown: markdown,
                                    previous: baseline.renderer, changed: changed)
        var changedDependencies = Set(changed.map(PageRenderer.Dependency.text))
        if textChanged.contains(where: { if case .analysis = $0 { false } else { true } }) { changedDependencies.insert(.anyText) }
        for key in dataChanged {
            changedDependencies.insert(.entity(key))
            if case .analysis = key { changedDependencies.insert(.anyAnalysis) }
            // The pages that show it depend on it (`entity`), and the lists it is in are as they were.
            guard !inPlace.contains(key) else { continue }
            switch key {
            case .analysis: changedDependencies.insert(.allAnalyses)
            case .actor: changedDependencies.insert(.allActors)
            case .treaty: changedDependencies.insert(.allTreaties)
            }
            changedDependencies.formUnion(PageRenderer.relations(touchedBy: key, from: baseline.renderer, to: renderer))
        }
        if !agreementsChanged.isEmpty { changedDependencies.insert(.everyActorsAgreements) }
        if eventsChanged { changedDependencies.insert(.everyTreatyEvent) }
        if standingChanged { changedDependencies.insert(.snapshotStanding) }
        // A treaty's kind, status or date, or an actor's region, moves agreements between the lists by facet.
        if changedDependencies.contains(.allTreaties) || changedDependencies.contains(.allActors) {
            changedDependencies.formUnion(PageRenderer.treatyListChanges(from: baseline.renderer, to: renderer))
        }
        // The pages to render are those that depend on something that changed, found through the index of
        // dependents; the dependencies of the others are as they were, since nothing they are made of changed.
        var toRender: Set<PageRenderer.Page> = []
        for dependency in changedDependencies { toRender.formUnion(baseline.pages(dependingOn: dependency)) }
        var removed: [PageRenderer.Page] = []
        let oldSearch = baseline.renderer.searchCache.current, newSearch = renderer.searchFiles
        // Treaties edited in their data alone, with the index kept: the pages are those of the last build but for
        // the lists of treaties by facet, which follow their kinds, statuses, regions and dates.
        let treatyListsAlone = indexKept && relisted.allSatisfy { key in
            guard case .treaty(let id) = key else { return false }
            return oldSite.treatiesByID.index(forKey: id) != nil && site.treatiesByID.index(forKey: id) != nil
        }
        if relisted.isEmpty || treatyListsAlone {
            // The same pages but for the search index's files, which follow its words (new ones are found below).
            let current = Set(newSearch.paths)
            removed = (oldSearch?.paths ?? []).filter { !current.contains($0) }.map(PageRenderer.Page.searchFile)
            if !relisted.isEmpty {
                let before = baseline.renderer.treatyListPages, after = renderer.treatyListPages
                let (beforeSet, afterSet) = (Set(before), Set(after))
                toRender.formUnion(after.filter { !beforeSet.contains($0) })
                removed += before.filter { !afterSet.contains($0) }
            }
        } else {
            let pages = renderer.pages
            let current = Set(pages)
            for page in pages where !baseline.contains(page) { toRender.insert(page) }
            removed = baseline.pages.filter { !current.contains($0) }
        }
        timings.finish("index")
        // The search index's files are compared: a text edit changes a few of its hundreds of shards, and a new
        // one has no old content.
        for path in newSearch.paths where oldSearch?.files[path] != newSearch.files[path] {
            toRender.insert(path == PageRenderer.Page.searchIndex.path ? .searchIndex : .searchFile(path))
        }
        toRender.subtract(removed)
        for page in removed { baseline.forget(page) }
        for page in toRender { baseline.record(page, dependsOn: renderer.dependencies(of: page)) }
        let retired = baseline.renderer
        baseline.renderer = renderer
        state.baseline = baseline
        timings.finish("dependencies")
        return Rebuild(diagnostics: diagnostics, renderer: renderer, pagesToRender: toRender.sorted { $0.path < $1.path },
                       removedPages: removed.sorted { $0.path < $1.path }, assetsChanged: false, timings: timings,
                       retired: retired)
    }

    /// After edits to analyses that leave each in the same lists (its text, title, summary, date, …), seen by a
    /// watcher: the last build's site with the edited analyses put in, their Markdown rendered again, and nothing
    /// else loaded, resolved or compared. Nil, with `state` untouched, when the edits are anything else (its actors,
    /// treaties or tags, a new or deleted file, a mention gained or lost, a problem in the file, a date that would
    /// schedule it or move the site's "as of"), which the full steps handle.
    private func analysisEditRebuild(_ state: inout BuildState) async -> Rebuild? {
        // The baseline and the Markdown are read through `state`, not bound: a second reference would make their
        // updates below copies.
        guard options.trackDependencies, let changed = state.changedFiles, !changed.isEmpty, let lastDiagnostics = state.lastDiagnostics,
              let asOf = state.baseline?.renderer.site.asOf, let names = state.markdownNames,
              state.markdownCache != nil else { return nil }
        var timings = StepTimings()
        var entries: [(path: String, entry: SiteLoader.LoadCache.Entry)] = []
        var edited: [Analysis] = []
        var dataChanged: Set<EntityKey> = []
        for path in changed.sorted() {
            if let key = loader.displayPath(ofAbsolute: path), loader.changesNoContent(key, in: state.loadCache) { continue }
            guard let (key, entry) = loader.reloadAnalysis(atAbsolute: path, cache: state.loadCache),
                  let cached = state.loadCache.entries[key], cached.diagnostics.isEmpty, entry.diagnostics.isEmpty,
                  case .analysis(let before) = cached.decoded, case .analysis(let after) = entry.decoded,
                  let analysis = state.baseline!.renderer.site.analysesByID[after.id], analysis.body == before.body,
                  Self.takingEdits(from: after, into: before) == after,
                  state.markdownCache!.diagnostics(of: .analysis(after.id)).isEmpty else { return nil }
            if after.date != before.date {
                // Still due, and the latest dated fact of the site is another's: every "in force" holds as of it.
                guard options.includeFuture || options.today.map({ $0.isCertainlyBefore(after.date) }) != true,
                      state.baseline!.renderer.site.config.asOf != nil
                        || (before.date < asOf && after.date < asOf) else { return nil }
            }
            entries.append((key, entry))
            let updated = Self.takingEdits(from: after, into: analysis)
            // Its data changed, not its text alone.
            var sameText = updated
            sameText.body = analysis.body
            if sameText != analysis { dataChanged.insert(.analysis(after.id)) }
            edited.append(updated)
        }
        guard !edited.isEmpty else { return nil }
        timings.finish("reload")
        let bodies = edited.filter { $0.body != state.baseline!.renderer.site.analysesByID[$0.id]!.body }
        var rendered: [RenderedContent.RenderedAnalysis] = []
        if !bodies.isEmpty {
            // Scoped: a reference to the site kept past here would make the edits below a copy of it.
            let site = state.baseline!.renderer.site
            rendered = state.markdownCache!.render(bodies, renderer: MarkdownRenderer(site: site, links: SiteLinks(pretty: site.config.prettyLinks), names: names))
        }
        // A mention gained or lost changes the lists the analysis is on: the full steps handle that.
        for analysis in rendered {
            guard analysis.mentions == state.markdownCache!.mentions(of: analysis.id), analysis.diagnostics.isEmpty else { return nil }
        }
        let texts = Set(rendered.filter { $0.html != state.markdownCache!.html(for: .analysis($0.id)) }.map { EntityKey.analysis($0.id) })
        // From here on the short way is taken. The Markdown is taken out of the state and out of the last build's
        // renderer (which renders nothing more), so that it is kept in place rather than copied. That renderer's
        // relations then name no mentions; the short way changes none, and the new renderer names them.
        var markdown = state.markdownCache.take()!
        state.baseline!.renderer.letGoOfMarkdown()
        markdown.keep(rendered, in: state.baseline!.renderer.site)
        timings.finish("markdown")
        for (path, entry) in entries { state.loadCache.entries[path] = entry }
        state.changedFiles = nil
        state.loadCache.setAsideAnalysisBodies(at: entries.map(\.path)) { Self.setAsideBody(of: $0, in: markdown) }
        for index in edited.indices {
            if let body = Self.setAsideBody(of: edited[index], in: markdown) { edited[index].body = body }
        }
        // Taken out of the state, the baseline's site is the only reference to its storage: the edits go in place.
        var baseline = state.baseline.take()!
        let moved = baseline.renderer.site.replaceAnalyses(edited)
        timings.finish("replace")
        let editedSite = baseline.renderer.site, theme = baseline.renderer.theme
        state.markdownCache = markdown
        return renderChanges(&state, baseline: consume baseline, site: editedSite, markdown: markdown, theme: theme,
                             dataChanged: dataChanged, textChanged: texts,
                             inPlace: moved ? [] : dataChanged, diagnostics: lastDiagnostics, timings: timings)
    }

    /// After edits to treaties seen by a watcher: the last build's site with the edited treaties put in and checked
    /// as the resolver checks them, nothing else loaded or resolved, and no Markdown rendered again but the treaties'
    /// own texts when they changed and, when a name, short name or alias changed, the analyses that may mention the
    /// names that find another target now. Nil, with `state` untouched, when the edits are anything else (a problem in
    /// the file before or after, or in a text rendered again; a date that moves the site's "as of"; any other file),
    /// which the full steps handle.
    private func treatyEditRebuild(_ state: inout BuildState) -> Rebuild? {
        guard options.trackDependencies, let changed = state.changedFiles, !changed.isEmpty, let lastDiagnostics = state.lastDiagnostics,
              let names = state.markdownNames, state.markdownCache != nil, var site = state.baseline?.renderer.site else { return nil }
        var timings = StepTimings()
        var entries: [(path: String, entry: SiteLoader.LoadCache.Entry)] = []
        var dataChanged: Set<EntityKey> = []
        var retexted: [Treaty] = []
        // The names of renamed treaties, before and after: the only names that may find another target now.
        var renamed: Set<String> = []
        for path in changed.sorted() {
            if let key = loader.displayPath(ofAbsolute: path), loader.changesNoContent(key, in: state.loadCache) { continue }
            guard let (key, entry) = loader.reloadTreaty(atAbsolute: path, cache: state.loadCache),
                  state.loadCache.entries[key]?.diagnostics.isEmpty == true, entry.diagnostics.isEmpty,
                  case .treaty(let after) = entry.decoded, let before = site.treatiesByID[after.id],
                  SiteResolver.problems(of: before, in: site).isEmpty, SiteResolver.problems(of: after, in: site).isEmpty,
                  site.replaceTreaty(after) else { return nil }
            entries.append((key, entry))
            if Self.dataDiffers(before, after) { dataChanged.insert(.treaty(after.id)) }
            if (after.name, after.short, after.aliases) != (before.name, before.short, before.aliases) {
                for treaty in [before, after] { renamed.formUnion([treaty.name] + [treaty.short].compactMap { $0 } + treaty.aliases) }
            }
            // A new text, or the same one on other lines (its problems would be reported there).
            if (after.summary, after.body, after.provisions) != (before.summary, before.body, before.provisions) { retexted.append(after) }
        }
        guard !entries.isEmpty else { return nil }
        timings.finish("reload")
        var textChanged: Set<EntityKey> = []
        if !retexted.isEmpty || !renamed.isEmpty {
            // A copy of the dictionaries it changes (the last build's renderer holds them too, and tells from them
            // which lists an analysis that mentions another treaty now was on): a treaty's texts and names are edited
            // seldom, and the full steps need the last build's content if they come to run after all.
            var markdown = state.markdownCache!
            let links = SiteLinks(pretty: site.config.prettyLinks)
            // New names, a new mention automaton.
            let renderer = MarkdownRenderer(site: site, links: links, names: renamed.isEmpty ? names : names.renamed(in: site))
            if !retexted.isEmpty {
                guard let changedTexts = markdown.keepTexts(of: retexted, renderer: renderer) else { return nil }
                textChanged = changedTexts
            }
            if !renamed.isEmpty {
                guard let (texts, mentions) = markdown.keepRenames(of: renamed, in: site, renderer: renderer) else { return nil }
                textChanged.formUnion(texts)
                // What an analysis mentions decides which pages list it, so it counts as data.
                dataChanged.formUnion(mentions)
                state.markdownNames = renderer.names
            }
            state.markdownCache = markdown
            timings.finish("markdown")
        }
        for (path, entry) in entries { state.loadCache.entries[path] = entry }
        state.changedFiles = nil
        // The last build's renderer keeps the site as it was, to compare with.
        let baseline = state.baseline.take()!
        let theme = baseline.renderer.theme
        return renderChanges(&state, baseline: consume baseline, site: site, markdown: state.markdownCache!, theme: theme,
                             dataChanged: dataChanged, textChanged: textChanged, inPlace: [], diagnostics: lastDiagnostics,
                             timings: timings)
    }

    /// `analysis`'s Markdown as `markdown` set it aside, when it is the same text: nil when it is not, or when it
    /// was not set aside.
    private static func setAsideBody(of analysis: Analysis, in markdown: RenderedContent) -> MarkdownText? {
        guard let body = markdown.setAsideBody(of: analysis.id), body == analysis.body else { return nil }
        return body
    }

    /// `analysis` with what an edit may change of it on the short way taken from `edited`: its text, and the data
    /// that lists show of it without moving it from one list to another (its place in each, by date and title,
    /// is checked after).
    private static func takingEdits(from edited: Analysis, into analysis: Analysis) -> Analysis {
        var analysis = analysis
        (analysis.body, analysis.title, analysis.summary, analysis.author, analysis.date, analysis.updated, analysis.corrections) =
            (edited.body, edited.title, edited.summary, edited.author, edited.date, edited.updated, edited.corrections)
        return analysis
    }

    /// Loads and resolves the site, keeping the decoded files in `state` only when a rebuild will reuse them.
    /// The loaded content is gone when this returns: only the resolved site holds the texts.
    ///
    /// A one-off build has each analysis's Markdown set aside in `bodyStore` as it is read, and takes the texts
    /// (set aside, or in memory where the store could not take them) out of the site in `analysisBodies`.
    private func loadAndResolve(_ state: inout BuildState, _ timings: inout StepTimings) async
        -> (site: ResolvedSite?, analysisBodies: [MarkdownText]?, bodyStore: TextSpill?, diagnostics: [Diagnostic]) {
        var loader = self.loader
        let bodyStore = options.trackDependencies ? nil : TextSpill()
        loader.analysisBodies = bodyStore
        let (loaded, loadDiagnostics, cache) = await loader.load(reusing: state.loadCache, changed: state.changedFiles)
        state.changedFiles = nil
        state.loadCache = options.trackDependencies ? cache : SiteLoader.LoadCache()
        timings.finish("load")
        guard var content = loaded else { return (nil, nil, nil, loadDiagnostics) }
        if let baseURL = options.baseURL { content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        // Later steps run even after errors, so that one run reports every problem in the site.
        var (site, resolveDiagnostics) = SiteResolver.resolve(content)
        let bodies = options.trackDependencies ? nil : site.takeAnalysisBodies()
        timings.finish("resolve")
        return (site, bodies, bodyStore, loadDiagnostics + resolveDiagnostics)
    }

    private func dependencies(of pages: [PageRenderer.Page], in renderer: PageRenderer) -> [PageRenderer.Page: Set<PageRenderer.Dependency>] {
        var result: [PageRenderer.Page: Set<PageRenderer.Dependency>] = [:]
        result.reserveCapacity(pages.count)
        for page in pages { result[page] = renderer.dependencies(of: page) }
        return result
    }

    /// Entities added, removed or changed in their data; those whose rendered Markdown changed; and the analyses
    /// whose data changed but that are in the same lists at the same places.
    private func changedEntities(from oldSite: ResolvedSite, _ oldMarkdown: RenderedContent, to newSite: ResolvedSite,
                                 _ newMarkdown: RenderedContent) -> (data: Set<EntityKey>, text: Set<EntityKey>, inPlace: Set<EntityKey>) {
        let old = (site: oldSite, markdown: oldMarkdown), new = (site: newSite, markdown: newMarkdown)
        let textChanged = new.markdown.changedEntities(since: old.markdown)
        var dataChanged: Set<EntityKey> = []
        for id in Set(old.site.actorsByID.keys).union(new.site.actorsByID.keys) {
            guard var before = old.site.actorsByID[id], let after = new.site.actorsByID[id] else { dataChanged.insert(.actor(id)); continue }
            (before.summary, before.profile) = (after.summary, after.profile)
            if before != after { dataChanged.insert(.actor(id)) }
        }
        for id in Set(old.site.treatiesByID.keys).union(new.site.treatiesByID.keys) {
            guard let before = old.site.treatiesByID[id], let after = new.site.treatiesByID[id] else { dataChanged.insert(.treaty(id)); continue }
            if Self.dataDiffers(before, after) { dataChanged.insert(.treaty(id)) }
        }
        var inPlace: Set<EntityKey> = []
        // Every list of analyses follows the site's order.
        let sameOrder = old.site.analyses.lazy.map(\.id).elementsEqual(new.site.analyses.lazy.map(\.id))
        for id in Set(old.site.analysesByID.keys).union(new.site.analysesByID.keys) {
            guard var before = old.site.analysesByID[id], let after = new.site.analysesByID[id] else { dataChanged.insert(.analysis(id)); continue }
            before.body = after.body
            // What an analysis mentions decides which pages list it, so it counts as data.
            let sameMentions = old.markdown.mentions(of: id) == new.markdown.mentions(of: id)
            guard before != after || !sameMentions else { continue }
            dataChanged.insert(.analysis(id))
            if sameOrder, sameMentions, Self.listedAlike(before, after) { inPlace.insert(.analysis(id)) }
        }
        return (dataChanged, textChanged, inPlace)
    }

    /// Whether two versions of a treaty differ in their data, their texts (which only its own page shows) aside.
    private static func dataDiffers(_ before: Treaty, _ after: Treaty) -> Bool {
        var before = before
        (before.summary, before.body, before.provisions) = (after.summary, after.body, after.provisions)
        return before != after
    }

    /// Whether two versions of an analysis are in the same lists (with the site's order and their mentions unchanged):
    /// about the same actors and treaties, with the same tags and authors, a draft or not alike.
    private static func listedAlike(_ a: Analysis, _ b: Analysis) -> Bool {
        a.actors.map(\.id) == b.actors.map(\.id) && a.treaties.map(\.id) == b.treaties.map(\.id) && a.tags == b.tags
            && a.authors.map(\.id) == b.authors.map(\.id) && a.draft == b.draft
    }

    /// Builds the site into the output folder, or reports why not and leaves the output untouched.
    public func build() async -> BuildReport {
        let options = self.options
        let previous = options.force ? nil : OutputManifest.read(beside: options.outputDirectory)
        // The two scans (inputs and output) are independent: one on each core.
        async let fingerprinting = InputFingerprint.compute(siteDirectory: options.siteDirectory, options: [
            "drafts=\(options.includeDrafts)", "base=\(options.baseURL ?? "")",
            // The build's day is an input: an embargoed analysis falls due with no file changed.
            "today=\(options.today?.description ?? "")", "future=\(options.includeFuture)",
        ])
        async let intact = previous?.isIntact(in: options.outputDirectory) ?? false
        let fingerprint = await fingerprinting
        if let previous, previous.inputs == fingerprint, await intact {
            var report = BuildReport(diagnostics: [], pagesWritten: 0, filesWritten: 0)
            report.upToDate = true
            report.earlierWarnings = previous.warnings
            return report
        }
        // A folder Entente may not write into is reported with the site's own problems, in one run.
        var writerErrors: [Diagnostic] = []
        let writer: OutputWriter?
        do {
            writer = try OutputWriter(outputDirectory: options.outputDirectory, siteDirectory: options.siteDirectory)
        } catch {
            writer = nil
            writerErrors = error.diagnostics
        }
        // Analysis pages are written while the Markdown of later analyses is still being rendered.
        let log = WriteLog()
        var state = BuildState()
        var analysisPages: (@Sendable (PageRenderer, [PageRenderer.Page]) async -> Void)?
        if let writer {
            let deliver = Self.writing(to: writer, log, options)
            analysisPages = { batchRenderer, pages in
                _ = await PageRendering.render(pages, with: batchRenderer, deliver: deliver)
            }
        }
        let rebuild = await rebuild(&state, analysisPages: analysisPages)
        var timings = rebuild.timings
        let diagnostics = rebuild.diagnostics
        guard let writer, let renderer = rebuild.renderer else {
            writer?.abandon()
            return BuildReport(diagnostics: diagnostics + writerErrors, pagesWritten: 0, filesWritten: 0, timings: timings)
        }
        _ = await PageRendering.render(rebuild.pagesToRender, with: renderer, deliver: Self.writing(to: writer, log, options))
        for (path, bytes) in renderer.theme.assets.sorted(by: { $0.key < $1.key }) {
            log.record(path, Result { try writer.write(bytes, to: path) }.mapError { error in
                .error(SourceLocation(file: options.outputDirectory + "/" + path), "cannot write the file: \(error)")
            })
        }
        let bundleFiles = renderer.bundleFiles
        for file in bundleFiles {
            guard let bytes = FileManager.default.contents(atPath: file.source) else {
                log.record(file.path, .failure(.error(SourceLocation(file: file.source), "cannot read the file to publish it")))
                continue
            }
            log.record(file.path, Result { try writer.write(bytes, to: file.path) }.mapError { error in
                .error(SourceLocation(file: options.outputDirectory + "/" + file.path), "cannot write the file: \(error)")
            })
        }
        let (results, writeDiagnostics, pagesWritten) = log.take()
        timings.finish("render+write")
        guard writeDiagnostics.isEmpty else {
            writer.abandon()
            return BuildReport(diagnostics: diagnostics + writeDiagnostics, pagesWritten: 0, filesWritten: 0, timings: timings)
        }
        let manifest = OutputManifest(inputs: fingerprint, warnings: diagnostics.count,
                                      files: results.mapValues(\.stamp))
        do {
            try writer.commit(results: results, manifest: manifest)
        } catch {
            return BuildReport(diagnostics: diagnostics + error.diagnostics, pagesWritten: 0, filesWritten: 0, timings: timings)
        }
        timings.finish("swap")
        return BuildReport(diagnostics: diagnostics, pagesWritten: pagesWritten,
                           filesWritten: pagesWritten + renderer.theme.assets.count + bundleFiles.count, timings: timings)
    }

    /// Writes a rendered page into the staging folder, and logs what came of it (a failure is the page's diagnostic).
    private static func writing(to writer: OutputWriter, _ log: WriteLog, _ options: BuildOptions)
        -> @Sendable (PageRenderer.Page, String) -> Void {
        { page, html in
            let path = page.path
            log.record(path, Result { try writer.write(html.utf8, to: path) }.mapError { error in
                .error(SourceLocation(file: options.outputDirectory + "/" + path), "cannot write the page: \(error)")
            }, page: true)
        }
    }
}
