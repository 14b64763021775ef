import Foundation

/// All of a site's Markdown, rendered once before pages are, since lists and backlinks need what it mentions.
struct RenderedContent: Sendable {
    enum Part: Hashable, Sendable { case summary, body }

    private var html: [EntityKey: [Part: String]] = [:]
    private var provisionHTML: [TreatyID: [String]] = [:]
    private var analysisMentions: [AnalysisID: [EntityKey]] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    /// Every entity page sits two folders deep (`actors/india/`), so its Markdown links start from `../../`.
    static let entityRoot = "../../"

    /// Renders every Markdown text of the site on all cores.
    static func render(site: ResolvedSite, renderer: MarkdownRenderer) async -> RenderedContent {
        enum Job: Sendable {
            case analysis(Analysis)
            case actor(Actor)
            case treaty(Treaty)
        }
        let jobs: [Job] = site.analyses.map(Job.analysis) + site.actors.map(Job.actor) + site.treaties.map(Job.treaty)
        let root = entityRoot
        let results = await ParallelMap.map(jobs) { job -> (EntityKey, [Part: RenderedMarkdown], [RenderedMarkdown]) in
            switch job {
            case .analysis(let analysis):
                let key = EntityKey.analysis(analysis.id)
                return (key, [.body: renderer.render(analysis.body, root: root, detectMentions: true, owner: key)], [])
            case .actor(let actor):
                let key = EntityKey.actor(actor.id)
                var parts: [Part: RenderedMarkdown] = [:]
                parts[.summary] = actor.summary.map { renderer.render($0, root: root, owner: key) }
                parts[.body] = actor.profile.map { renderer.render($0, root: root, owner: key) }
                return (key, parts, [])
            case .treaty(let treaty):
                let key = EntityKey.treaty(treaty.id)
                var parts: [Part: RenderedMarkdown] = [:]
                parts[.summary] = treaty.summary.map { renderer.render($0, root: root, owner: key) }
                parts[.body] = treaty.body.map { renderer.render($0, root: root, owner: key) }
                return (key, parts, treaty.provisions.map { renderer.render($0, root: root, owner: key) })
            }
        }
        var content = RenderedContent()
        for (key, parts, provisions) in results {
            content.html[key] = parts.mapValues(\.html)
            for part in parts.values { content.diagnostics += part.diagnostics }
            for provision in provisions { content.diagnostics += provision.diagnostics }
            if case .analysis(let id) = key { content.analysisMentions[id] = parts[.body]?.mentions ?? [] }
            if case .treaty(let id) = key, !provisions.isEmpty { content.provisionHTML[id] = provisions.map(\.html) }
        }
        return content
    }

    func html(for key: EntityKey, part: Part = .body) -> String? { html[key]?[part] }

    func provisions(of treaty: TreatyID) -> [String] { provisionHTML[treaty] ?? [] }

    func mentions(of analysis: AnalysisID) -> [EntityKey] { analysisMentions[analysis] ?? [] }

    var allMentions: [AnalysisID: [EntityKey]] { analysisMentions }

    /// The summary as plain text, for meta descriptions.
    func plainSummary(for key: EntityKey) -> String? {
        guard let html = html(for: key, part: .summary) else { return nil }
        var text = ""
        var insideTag = false
        for character in html {
            if character == "<" { insideTag = true } else if character == ">" { insideTag = false } else if !insideTag {
                text.append(character == "\n" ? " " : character)
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.trimmingWhitespace()
    }
}
