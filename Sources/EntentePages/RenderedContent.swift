import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
import EntenteSearch
import Foundation

/// All of a site's Markdown, rendered once before pages are, since lists and backlinks need what it mentions.
package struct RenderedContent: Sendable {
    package enum Part: Hashable, Sendable { case summary, body }

    private var html: [EntityKey: [Part: String]] = [:]
    /// In a rebuild's content, where each analysis's Markdown and its HTML are kept out of memory (`TextSpill`).
    private var spill: TextSpill?
    /// The analyses' HTML in `spill`.
    private var analysisHTML: [AnalysisID: TextSpill.Slice] = [:]
    /// In a one-off build, each analysis's HTML, handed out once (to its page) and freed there: on a
    /// 100,000-analysis site it is over a gigabyte, and the site-wide lists need memory of their own.
    private var analysisBodiesOnce: HandOutOnceStore<AnalysisID, String>?
    private var provisionHTML: [TreatyID: [String]] = [:]
    private var analysisMentions: [AnalysisID: [EntityKey]] = [:]
    /// The terms of each entity's Markdown, for the search index.
    private var searchTerms: [EntityKey: SearchTerms] = [:]
    /// Each entity's Markdown as plain text, for its search text file. A one-off build keeps the analyses' only in
    /// the batch their pages are rendered with; a rebuild's content keeps none (`plainText(of:)` makes it again).
    private var plainTexts: [EntityKey: String] = [:]
    /// Authors' bios: few and short, rendered again on every build.
    private var authorBios: [AuthorID: String] = [:]
    /// The Markdown each entity's output came from, to tell on a rebuild what must be rendered again.
    private var inputs: [EntityKey: [MarkdownText?]] = [:]
    private var entityDiagnostics: [EntityKey: [Diagnostic]] = [:]
    private var bioDiagnostics: [Diagnostic] = []
    package private(set) var diagnostics: [Diagnostic] = []
    /// What the output of every text depends on besides the text itself and the names mentions are found by: the
    /// ids that exist and the settings that change HTML. When it changes, everything is rendered again; when only
    /// names changed, a text is rendered again only if it may mention one of the names that find something else now
    /// (`MentionMatcher.mayMention`).
    private var settings: Int = 0
    /// What each text's links and ids follow (`settings`).
    package var idsAndSettings: Int { settings }
    /// The target each name finds in analyses' texts (none when mentions are not linked).
    private var mentionTargets: [String: EntityKey] = [:]
    /// How many entities' texts this content rendered rather than took from the content before.
    package private(set) var entitiesRendered = 0

    /// Every entity page sits two folders deep (`actors/india/`), so its Markdown links start from `../../`.
    package static let entityRoot = "../../"

    /// The Markdown texts of an entity, in a fixed order.
    private static func inputs(of job: Job) -> (EntityKey, [MarkdownText?]) {
        switch job {
        case .analysis(let analysis): (.analysis(analysis.id), [analysis.body])
        case .actor(let actor): (.actor(actor.id), [actor.summary, actor.profile])
        case .treaty(let treaty): (.treaty(treaty.id), [treaty.summary, treaty.body] + treaty.provisions)
        }
    }

    private enum Job: Sendable {
        case analysis(Analysis)
        case actor(Actor)
        case treaty(Treaty)
    }

    /// What every text's output depends on but names: the ids that exist and the settings that change HTML.
    private static func settings(of site: ResolvedSite) -> Int {
        var hasher = Hasher()
        hasher.combine(site.declared)
        hasher.combine(site.excludedDrafts)
        hasher.combine(Set(site.scheduled.keys))
        hasher.combine(site.config.autolinkMentions)
        hasher.combine(site.config.unsafeHTML)
        hasher.combine(site.config.prettyLinks)
        return hasher.finalize()
    }

    /// The names that find another target in `new` than in `old`, or none in one of them.
    private static func changedNames(from old: [String: EntityKey], to new: [String: EntityKey]) -> [String] {
        var changed = old.keys.filter { new[$0] != old[$0] }
        changed += new.keys.filter { old[$0] == nil }
        return changed
    }

    fileprivate typealias JobResult = (key: EntityKey, parts: [Part: RenderedMarkdown], provisions: [RenderedMarkdown],
                                   text: String, terms: SearchTerms)

    /// An entity's texts as one plain text, and its terms: worked out beside its Markdown, on every core.
    private static func searchable(_ key: EntityKey, _ parts: [Part: RenderedMarkdown], _ provisions: [RenderedMarkdown]) -> JobResult {
        let text = plainText(summary: parts[.summary]?.html, body: parts[.body]?.html, provisions: provisions.map(\.html))
        return (key, parts, provisions, text, SearchTerms(text: text))
    }

    /// An entity's texts as one plain text: summary, body, provisions.
    private static func plainText(summary: String?, body: String?, provisions: [String]) -> String {
        ([summary, body].compactMap { $0 } + provisions).map(PlainText.fromHTML).filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static func rendered(_ analysis: Analysis, _ renderer: MarkdownRenderer, spill: TextSpill?) -> JobResult {
        let key = EntityKey.analysis(analysis.id)
        var body = analysis.body
        if let place = body.setAside {
            guard let source = spill?.text(at: TextSpill.Slice(offset: place.offset, length: place.length)) else {
                let lost = RenderedMarkdown(html: "", mentions: [], diagnostics: [.error(body.origin,
                    "this text could not be read back from the temporary file it was set aside in",
                    suggestion: "check that the temporary folder has room; then build again, or save the file again in a preview")])
                return searchable(key, [.body: lost], [])
            }
            body = body.restoring(source)
        }
        return searchable(key, [.body: renderer.render(body, root: entityRoot, detectMentions: true, owner: key)], [])
    }

    private static func rendered(_ treaty: Treaty, _ renderer: MarkdownRenderer) -> JobResult {
        let key = EntityKey.treaty(treaty.id)
        var parts: [Part: RenderedMarkdown] = [:]
        parts[.summary] = treaty.summary.map { renderer.render($0, root: entityRoot, owner: key) }
        parts[.body] = treaty.body.map { renderer.render($0, root: entityRoot, owner: key) }
        return searchable(key, parts, treaty.provisions.map { renderer.render($0, root: entityRoot, owner: key) })
    }

    /// Renders the texts of edited `treaties` again and keeps them in place, for a site whose ids, names and
    /// settings are this content's; returns the treaties whose output changed. Nil, with nothing kept, when a text
    /// of theirs had or has a problem: the full steps report every problem of the site in order.
    package mutating func keepTexts(of treaties: [Treaty], renderer: MarkdownRenderer) -> Set<EntityKey>? {
        let results = treaties.map { Self.rendered($0, renderer) }
        guard results.allSatisfy({ result in
            entityDiagnostics[result.key] ?? [] == [] && result.parts.values.allSatisfy(\.diagnostics.isEmpty)
                && result.provisions.allSatisfy(\.diagnostics.isEmpty)
        }) else { return nil }
        var changed: Set<EntityKey> = []
        for (treaty, result) in zip(treaties, results) {
            let before = (html[result.key], provisionHTML[treaty.id])
            record(result, input: Self.inputs(of: .treaty(treaty)).1)
            if before != (html[result.key], provisionHTML[treaty.id]) { changed.insert(result.key) }
        }
        return changed
    }

    /// An analysis's Markdown rendered again, before this content keeps it (`keep(_:in:)`): what it mentions and
    /// its problems can be looked at first.
    package struct RenderedAnalysis: Sendable {
        package let id: AnalysisID
        fileprivate let result: JobResult
        fileprivate let input: MarkdownText
        package var html: String { result.parts[.body]?.html ?? "" }
        package var mentions: [EntityKey] { result.parts[.body]?.mentions ?? [] }
        package var diagnostics: [Diagnostic] { result.parts[.body]?.diagnostics ?? [] }
    }

    /// The bodies of `analyses` rendered again, for a site whose ids, names and settings are this content's.
    package func render(_ analyses: [Analysis], renderer: MarkdownRenderer) -> [RenderedAnalysis] {
        analyses.map { RenderedAnalysis(id: $0.id, result: Self.rendered($0, renderer, spill: spill), input: $0.body) }
    }

    /// Keeps analyses rendered again by `render(_:renderer:)`, in place: a preview's content is held once, and a copy
    /// of its dictionaries for one edit was a fifth of the edit's time.
    package mutating func keep(_ analyses: [RenderedAnalysis], in site: ResolvedSite) {
        var sameProblems = true
        for analysis in analyses {
            let key = EntityKey.analysis(analysis.id)
            let before = entityDiagnostics[key] ?? []
            record(analysis.result, input: [analysis.input])
            if entityDiagnostics[key] ?? [] != before { sameProblems = false }
        }
        if !sameProblems { collectDiagnostics(in: site) }
    }

    /// After edits to names alone (a renamed treaty), with the ids and settings as they were: renders again, and
    /// keeps in place, the analyses that may mention a name that finds another target on `site` now, as `render`
    /// would. `names` holds every name that may have (the edited treaties' names before and after): the others find
    /// what they found. The analyses rendered again are those that mentioned a name's old target (a name that matched
    /// nowhere in a text changed nothing in it, since the longest match at the leftmost place wins) and those whose
    /// text holds every word of a name that finds a target now. Returns the analyses whose HTML or mentions changed,
    /// and those whose mentions changed; nil, with nothing kept, when one of them has other problems now than it had.
    package mutating func keepRenames(of names: Set<String>, in site: ResolvedSite, renderer: MarkdownRenderer)
        -> (texts: Set<EntityKey>, mentions: Set<EntityKey>)? {
        // Each name's target as `MentionMatcher.targets(of:)` finds it, for these names alone.
        var targets: [String: EntityKey] = [:]
        if site.config.autolinkMentions {
            for (name, target) in site.mentionPatterns where !name.isEmpty && names.contains(name) && targets[name] == nil {
                targets[name] = target
            }
        }
        let renamed = names.filter { targets[$0] != mentionTargets[$0] }
        guard !renamed.isEmpty else { return ([], []) }
        let lost = Set(renamed.compactMap { mentionTargets[$0] })
        var candidates = Set(analysisMentions.compactMap { id, mentions in mentions.contains(where: lost.contains) ? id : nil })
        let found = MentionMatcher<EntityKey>.NameWords(renamed.filter { targets[$0] != nil }.sorted())
        if !found.isEmpty { candidates.formUnion(analysesThatMayMention(found, in: site)) }
        let rendered = render(site.analyses.filter { candidates.contains($0.id) }, renderer: renderer)
        guard rendered.allSatisfy({ $0.diagnostics == diagnostics(of: .analysis($0.id)) }) else { return nil }
        var texts: Set<EntityKey> = [], mentions: Set<EntityKey> = []
        for analysis in rendered {
            let key = EntityKey.analysis(analysis.id)
            let before = (analysisHTML[analysis.id], html[key], analysisMentions[analysis.id])
            record(analysis.result, input: [analysis.input])
            // One store keeps each text once: equal texts are at the same place.
            if before != (analysisHTML[analysis.id], html[key], analysisMentions[analysis.id]) { texts.insert(key) }
            if before.2 != analysisMentions[analysis.id] { mentions.insert(key) }
        }
        for name in names { mentionTargets[name] = targets[name] }
        return (texts, mentions)
    }

    /// The analyses of `site` whose texts may mention one of `names` (`MentionMatcher.mayMention`). The texts set
    /// aside are looked through where the spill holds them, in the order they are stored there.
    private func analysesThatMayMention(_ names: MentionMatcher<EntityKey>.NameWords, in site: ResolvedSite) -> [AnalysisID] {
        var found: [AnalysisID] = []
        var setAside: [(id: AnalysisID, slice: TextSpill.Slice)] = []
        for index in site.analyses.indices {
            let body = site.analyses[index].body
            if let place = body.setAside {
                setAside.append((site.analyses[index].id, TextSpill.Slice(offset: place.offset, length: place.length)))
            } else if MentionMatcher<EntityKey>.mayMention(names, in: body.source) {
                found.append(site.analyses[index].id)
            }
        }
        setAside.sort { $0.slice.offset < $1.slice.offset }
        let looked = spill?.withStoredTexts { texts in
            setAside.filter { text in
                // Unreadable, it is rendered again, and that reports it.
                texts.bytes(at: text.slice).map { MentionMatcher<EntityKey>.mayMention(names, inUTF8: $0) } ?? true
            }
        }
        return found + (looked ?? setAside).map(\.id)
    }

    /// The problems of an entity's texts.
    package func diagnostics(of key: EntityKey) -> [Diagnostic] { entityDiagnostics[key] ?? [] }

    /// Every text's problems in the site's order (analyses, actors, treaties), then the authors' bios'.
    private mutating func collectDiagnostics(in site: ResolvedSite) {
        var all: [Diagnostic] = []
        let keys = site.analyses.map { EntityKey.analysis($0.id) } + site.actors.map { EntityKey.actor($0.id) }
            + site.treaties.map { EntityKey.treaty($0.id) }
        for key in keys { all += entityDiagnostics[key] ?? [] }
        diagnostics = all + bioDiagnostics
    }

    /// How many analyses a one-off build renders between freeing their texts.
    package static let batchSize = 1024

    /// Renders every Markdown text of the site on all cores, reusing from `previous` the output of every
    /// text that has not changed when nothing it depends on has.
    ///
    /// With `analysisBodies` (a one-off build, after `ResolvedSite.takeAnalysisBodies()`), the analyses' texts
    /// come from there, in the order of `site.analyses`, and each batch's texts are emptied once rendered, so
    /// that a large site never holds all its Markdown and all its HTML at once. Nothing is kept for a rebuild.
    ///
    /// With `analysisPages` as well, each batch of analyses is handed to it as a content of its own while the
    /// next batch's Markdown is rendered (parsing holds one lock, so the pages of the batch before take up what
    /// the parser leaves of the cores), and their HTML is not kept: those pages are done.
    ///
    /// With `spill`, an analysis whose text was set aside is read back from there when it is rendered: a one-off
    /// build's loader sets every text aside as it reads it. A rebuild's content (no `analysisBodies`) also keeps the
    /// analyses' Markdown and HTML there, not in memory (`setAsideBody(of:)`).
    package static func render(site: ResolvedSite, renderer: MarkdownRenderer, previous: RenderedContent? = nil,
                       analysisBodies: inout [MarkdownText]?, spill: TextSpill? = nil, batchSize: Int = batchSize,
                       analysisPages: (@Sendable (RenderedContent) async -> Void)? = nil) async -> RenderedContent {
        let settings = settings(of: site)
        let reusable = previous?.settings == settings ? previous : nil
        let all: [Job] = site.analyses.map(Job.analysis) + site.actors.map(Job.actor) + site.treaties.map(Job.treaty)
        var content = RenderedContent()
        content.settings = settings
        content.mentionTargets = site.config.autolinkMentions ? MentionMatcher.targets(of: site.mentionPatterns) : [:]
        if analysisBodies == nil { content.spill = spill }
        let root = entityRoot
        let render: @Sendable (Job) -> JobResult = { job in
            switch job {
            case .analysis(let analysis): return rendered(analysis, renderer, spill: spill)
            case .actor(let actor):
                let key = EntityKey.actor(actor.id)
                var parts: [Part: RenderedMarkdown] = [:]
                parts[.summary] = actor.summary.map { renderer.render($0, root: root, owner: key) }
                parts[.body] = actor.profile.map { renderer.render($0, root: root, owner: key) }
                return searchable(key, parts, [])
            case .treaty(let treaty): return rendered(treaty, renderer)
            }
        }
        if analysisBodies != nil {
            let handOut: @Sendable ([JobResult]) async -> Void = { results in
                guard let analysisPages, !results.isEmpty else { return }
                var batch = RenderedContent()
                for result in results { batch.record(result, input: nil) }
                await analysisPages(batch)
            }
            var finished: [JobResult] = []
            var start = 0
            while start < site.analyses.count {
                let range = start..<min(start + batchSize, site.analyses.count)
                let batch = range.map { index -> Job in
                    var analysis = site.analyses[index]
                    analysis.body = analysisBodies![index]
                    return .analysis(analysis)
                }
                for index in range { analysisBodies![index].source = "" }
                let previousBatch = finished
                async let pagesOfPreviousBatch: Void = handOut(previousBatch)
                let results = await ParallelMap.map(batch, render)
                await pagesOfPreviousBatch
                for result in results {
                    content.record(result, input: nil)
                    // Their pages get them from the batch: kept here too, the HTML and plain texts of every
                    // analysis so far were held at once (2 GB of a 100,000-analysis build's peak).
                    if analysisPages != nil { (content.html[result.key], content.plainTexts[result.key]) = (nil, nil) }
                }
                finished = analysisPages == nil ? [] : results
                FreedMemory.release()
                start = range.upperBound
            }
            await handOut(finished)
            content.entitiesRendered = all.count
            let others = all.filter { if case .analysis = $0 { false } else { true } }
            for result in await ParallelMap.map(others, render) { content.record(result, input: nil) }
            var bodies: [AnalysisID: String] = [:]
            bodies.reserveCapacity(site.analyses.count)
            for analysis in site.analyses {
                let key = EntityKey.analysis(analysis.id)
                // Pages rendered batch by batch took theirs already.
                if let html = content.html.removeValue(forKey: key)?[.body] { bodies[analysis.id] = html }
            }
            content.analysisBodiesOnce = HandOutOnceStore(bodies)
        } else {
            var jobs: [Job] = []
            // Only analyses' texts are looked through for mentions; the others follow ids and settings alone.
            let renamed = MentionMatcher<EntityKey>.NameWords(
                reusable.map { Self.changedNames(from: $0.mentionTargets, to: content.mentionTargets) } ?? [])
            let mayMention = renamed.isEmpty ? [] : Set(reusable?.analysesThatMayMention(renamed, in: site) ?? [])
            for job in all {
                let (key, inputs) = Self.inputs(of: job)
                let renamedHere = if case .analysis(let analysis) = job { mayMention.contains(analysis.id) } else { false }
                if let reusable, reusable.inputs[key] == inputs, !renamedHere {
                    content.copy(key, from: reusable)
                } else {
                    jobs.append(job)
                }
            }
            let results = await ParallelMap.map(jobs, render)
            for (job, result) in zip(jobs, results) { content.record(result, input: Self.inputs(of: job).1) }
            content.entitiesRendered = jobs.count
        }
        for author in site.authors {
            guard let bio = author.bio else { continue }
            let rendered = renderer.render(bio, root: root)
            content.authorBios[author.id] = rendered.html
            content.bioDiagnostics += rendered.diagnostics
        }
        content.collectDiagnostics(in: site)
        return content
    }

    /// An author's bio as HTML.
    package func bio(of author: AuthorID) -> String? { authorBios[author] }

    /// Keeps what one entity's texts rendered to, and the texts themselves when a rebuild will compare them.
    private mutating func record(_ result: JobResult, input: [MarkdownText?]?) {
        let (key, parts, provisions, text, terms) = result
        html[key] = parts.mapValues(\.html)
        var input = input
        if case .analysis(let id) = key, let spill {
            analysisHTML[id] = nil
            if let body = html[key]?[.body], let slice = spill.store(body) {
                analysisHTML[id] = slice
                html[key] = nil
            }
            if let text = input?.first ?? nil, text.setAside == nil,
               let setAside = text.settingAside(by: { spill.store($0, hash: $1).map { ($0.offset, $0.length) } }) {
                input = [setAside]
            }
        }
        // A rebuild's content (`input` kept) makes the plain text again from the HTML when a page asks for it:
        // on a 10,000-analysis site the texts are over 100 MB that the preview server would hold for nothing.
        if input == nil { plainTexts[key] = text }
        searchTerms[key] = terms
        if let input { inputs[key] = input }
        var diagnostics: [Diagnostic] = []
        for part in [Part.summary, .body] { diagnostics += parts[part]?.diagnostics ?? [] }
        for provision in provisions { diagnostics += provision.diagnostics }
        entityDiagnostics[key] = diagnostics
        if case .analysis(let id) = key { analysisMentions[id] = parts[.body]?.mentions ?? [] }
        if case .treaty(let id) = key, !provisions.isEmpty { provisionHTML[id] = provisions.map(\.html) }
    }

    private mutating func copy(_ key: EntityKey, from other: RenderedContent) {
        html[key] = other.html[key]
        if case .analysis(let id) = key { analysisHTML[id] = other.analysisHTML[id] }
        inputs[key] = other.inputs[key]
        plainTexts[key] = other.plainTexts[key]
        searchTerms[key] = other.searchTerms[key]
        entityDiagnostics[key] = other.entityDiagnostics[key]
        switch key {
        case .analysis(let id): analysisMentions[id] = other.analysisMentions[id]
        case .treaty(let id): provisionHTML[id] = other.provisionHTML[id]
        case .actor: break
        }
    }

    /// The entities whose rendered Markdown (HTML or mentions) differs between `self` and `other`.
    package func changedEntities(since other: RenderedContent) -> Set<EntityKey> {
        var changed: Set<EntityKey> = []
        for key in Set(html.keys).union(other.html.keys) where html[key] != other.html[key] { changed.insert(key) }
        // Both from one store, which keeps each text once: equal texts are at the same place.
        for id in Set(analysisHTML.keys).union(other.analysisHTML.keys)
        where analysisHTML[id] != other.analysisHTML[id] { changed.insert(.analysis(id)) }
        for id in Set(analysisMentions.keys).union(other.analysisMentions.keys)
        where analysisMentions[id] != other.analysisMentions[id] { changed.insert(.analysis(id)) }
        for id in Set(provisionHTML.keys).union(other.provisionHTML.keys)
        where provisionHTML[id] != other.provisionHTML[id] { changed.insert(.treaty(id)) }
        return changed
    }

    /// The HTML of an entity's text. In a one-off build an analysis's is handed out once: a second call for it
    /// gets nil (its page is rendered once).
    package func html(for key: EntityKey, part: Part = .body) -> String? {
        if case .analysis(let id) = key, let analysisBodiesOnce {
            return part == .body ? analysisBodiesOnce.take(id) : nil
        }
        return keptHTML(for: key, part: part)
    }

    /// The HTML of an entity's text as this content keeps it (in memory or in its spill), never taking it.
    private func keptHTML(for key: EntityKey, part: Part = .body) -> String? {
        if case .analysis(let id) = key, part == .body, let slice = analysisHTML[id] { return spill?.text(at: slice) }
        return html[key]?[part]
    }

    /// An analysis's Markdown as this content keeps it for the next rebuild: set aside, when it is.
    package func setAsideBody(of analysis: AnalysisID) -> MarkdownText? {
        guard let text = inputs[.analysis(analysis)]?.first ?? nil, text.setAside != nil else { return nil }
        return text
    }

    package func provisions(of treaty: TreatyID) -> [String] { provisionHTML[treaty] ?? [] }

    package func mentions(of analysis: AnalysisID) -> [EntityKey] { analysisMentions[analysis] ?? [] }

    package var allMentions: [AnalysisID: [EntityKey]] { analysisMentions }

    /// The analyses whose Markdown this content holds, in id order.
    package var analyses: [AnalysisID] { analysisMentions.keys.sorted() }

    /// The summary as plain text, for meta descriptions.
    package func plainSummary(for key: EntityKey) -> String? {
        html(for: key, part: .summary).map(PlainText.fromHTML)
    }

    /// The terms of an entity's Markdown, for the search index.
    package func searchTerms(of key: EntityKey) -> SearchTerms { searchTerms[key] ?? SearchTerms() }

    /// Lets go of every entity's terms, once a one-off build's search index is made: they were the largest thing
    /// held through the rendering of a 100,000-analysis site's pages (over 200 MB), and nothing reads them again.
    package mutating func forgetSearchTerms() {
        searchTerms = [:]
    }

    /// An entity's Markdown as plain text, for its search text file.
    package func plainText(of key: EntityKey) -> String {
        if let text = plainTexts[key] { return text }
        var provisions: [String] = []
        if case .treaty(let id) = key { provisions = provisionHTML[id] ?? [] }
        return Self.plainText(summary: keptHTML(for: key, part: .summary), body: keptHTML(for: key), provisions: provisions)
    }
}
