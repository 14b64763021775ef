import EntenteModel
import EntenteSupport
import EntenteResolving
import Foundation
/// Renders content Markdown to HTML, resolving `actor:`, `treaty:` and `analysis:` links to relative
/// page links and, where enabled, linking the first plain mention of each actor and treaty.
public struct MarkdownRenderer: Sendable {
    public let site: ResolvedSite
    public let links: SiteLinks
    /// What the renderer finds mentions and ids with, made from the site's names and ids: a rebuild after edits to
    /// texts alone reuses it rather than making the mention automaton again.
    public var names: Names { Names(matcher: matcher, actorIDs: actorIDs, treatyIDs: treatyIDs, analysisIDs: analysisIDs) }
    private let matcher: MentionMatcher<EntityKey>
    private let actorIDs: [String]
    private let treatyIDs: [String]
    private let analysisIDs: [String]

    /// The mention automaton and the ids, without the site (so that keeping them keeps no site alive).
    public struct Names: Sendable {
        fileprivate let matcher: MentionMatcher<EntityKey>
        fileprivate let actorIDs: [String]
        fileprivate let treatyIDs: [String]
        fileprivate let analysisIDs: [String]

        /// These names with the mention automaton made again from `site`'s names, for a site with the same ids and
        /// settings whose treaties' names changed (which moves them in its order).
        public func renamed(in site: ResolvedSite) -> Names {
            Names(matcher: MarkdownRenderer.matcher(of: site), actorIDs: actorIDs, treatyIDs: site.treaties.map(\.id.rawValue),
                  analysisIDs: analysisIDs)
        }
    }

    public init(site: ResolvedSite, links: SiteLinks) {
        self.init(site: site, links: links, names: Names(
            matcher: Self.matcher(of: site), actorIDs: site.actors.map(\.id.rawValue),
            treatyIDs: site.treaties.map(\.id.rawValue), analysisIDs: site.analyses.map(\.id.rawValue)))
    }

    private static func matcher(of site: ResolvedSite) -> MentionMatcher<EntityKey> {
        MentionMatcher(patterns: site.config.autolinkMentions ? site.mentionPatterns : [])
    }

    /// A renderer with the names of an earlier one, for a site whose ids, names and settings are the same.
    public init(site: ResolvedSite, links: SiteLinks, names: Names) {
        self.site = site
        self.links = links
        (matcher, actorIDs, treatyIDs, analysisIDs) = (names.matcher, names.actorIDs, names.treatyIDs, names.analysisIDs)
    }

    /// Renders `text` for a page whose path back to the site root is `root` (e.g. `../../`).
    /// Mentions are detected only when `detectMentions` is set (analysis bodies); `owner` is never linked to itself.
    public func render(_ text: MarkdownText, root: String, detectMentions: Bool = false,
                       owner: EntityKey? = nil) -> RenderedMarkdown {
        var rewriter = ReferenceRewriter(renderer: self, text: text, root: root,
                                         detectMentions: detectMentions && !matcher.isEmpty, owner: owner)
        let html = CmarkGFM.renderHTML(text.source, allowRawHTML: site.config.unsafeHTML, rewriter: &rewriter)
        return RenderedMarkdown(html: html, mentions: rewriter.mentions, diagnostics: rewriter.diagnostics)
    }

    fileprivate func candidates(for scheme: String) -> [String] {
        switch scheme {
        case "actor": actorIDs
        case "treaty": treatyIDs
        default: analysisIDs
        }
    }

    fileprivate func key(scheme: String, id: String) -> EntityKey? {
        switch scheme {
        case "actor": ActorID(id).map(EntityKey.actor)
        case "treaty": TreatyID(id).map(EntityKey.treaty)
        case "analysis": AnalysisID(id).map(EntityKey.analysis)
        default: nil
        }
    }

    fileprivate func mentions(in text: String) -> [MentionMatcher<EntityKey>.Match] {
        matcher.matches(in: text)
    }
}

/// Rewrites the links of one Markdown text and records what it mentions.
private struct ReferenceRewriter: MarkdownRewriter {
    package let renderer: MarkdownRenderer
    package let text: MarkdownText
    package let root: String
    package let detectMentions: Bool
    package let owner: EntityKey?
    package var mentions: [EntityKey] = []
    package var linked: Set<EntityKey> = []
    package var diagnostics: [Diagnostic] = []

    package init(renderer: MarkdownRenderer, text: MarkdownText, root: String, detectMentions: Bool, owner: EntityKey?) {
        self.renderer = renderer
        self.text = text
        self.root = root
        self.detectMentions = detectMentions
        self.owner = owner
        if let owner { linked.insert(owner) }
    }

    package mutating func destination(for url: String, line: Int, column: Int) -> String? {
        if url.hasPrefix(Self.sourceScheme) { return sourceDestination(url, line: line, column: column) }
        if let path = Self.localPath(of: url) {
            checkBundleFile(path, url: url, line: line, column: column)
            return nil
        }
        guard let (scheme, id, fragment) = EntityKey.scheme(of: url) else { return nil }
        let location = text.location(line: line, column: column)
        let singular = ["actors": "actor", "treaties": "treaty", "analyses": "analysis"][scheme]
        if let singular {
            diagnostics.append(.error(location, "unknown link scheme '\(scheme):' in '\(url)'",
                                      suggestion: "did you mean '\(singular):\(id)'?"))
            return "#"
        }
        if scheme == "analysis", let draft = AnalysisID(id), renderer.site.excludedDrafts.contains(draft) {
            diagnostics.append(.error(location, "'\(id)' is a draft analysis, left out of this build",
                                      suggestion: "publish it (remove 'draft: true'), remove the link, or build with --drafts"))
            return "#"
        }
        if scheme == "analysis", let later = AnalysisID(id).flatMap({ renderer.site.scheduled[$0] }) {
            diagnostics.append(.error(location, "'\(id)' is scheduled for \(later.date.display), left out of this build until then",
                                      suggestion: "remove the link until then, or build with --future"))
            return "#"
        }
        guard let key = renderer.key(scheme: scheme, id: id), renderer.site.contains(key) else {
            diagnostics.append(SiteResolver.unknown(scheme, id, at: location, candidates: renderer.candidates(for: scheme)))
            return "#"
        }
        note(key)
        linked.insert(key)
        var destination = renderer.links.page(key, from: root)
        if let fragment, !fragment.isEmpty {
            destination += "#" + String(fragment.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "<" && $0 != ">" })
        }
        return destination
    }

    package mutating func links(in text: String, line: Int) -> [InsertedLink] {
        guard detectMentions else { return [] }
        var inserted: [InsertedLink] = []
        for match in renderer.mentions(in: text) {
            note(match.target)
            guard !linked.contains(match.target) else { continue }
            linked.insert(match.target)
            inserted.append(InsertedLink(range: match.range, destination: renderer.links.page(match.target, from: root),
                                         title: nil))
        }
        return inserted
    }

    package mutating func imageWithoutAltText(line: Int, column: Int) {
        diagnostics.append(.warning(text.location(line: line, column: column), "an image without alt text",
                                    suggestion: "say what it shows, for readers who cannot see it: ![a map of the ports](map.png)"))
    }

    private static let sourceScheme = "source:"

    /// The analysis whose text this is, if it is one.
    private var ownerAnalysis: Analysis? {
        guard case .analysis(let id)? = owner else { return nil }
        return renderer.site.analysesByID[id]
    }

    /// `[text](source:id)`: a link to the source's entry in the analysis's reference list.
    private mutating func sourceDestination(_ url: String, line: Int, column: Int) -> String {
        let id = String(url.dropFirst(Self.sourceScheme.count))
        let location = text.location(line: line, column: column)
        guard let analysis = ownerAnalysis else {
            diagnostics.append(.error(location, "'source:' links cite an analysis's own sources, and this text is not an analysis",
                                      suggestion: "link to the source's address instead"))
            return "#"
        }
        guard analysis.sources.contains(where: { $0.id == id }) else {
            let known = analysis.sources.map(\.id)
            diagnostics.append(.error(location, "no source of this analysis has the id '\(id)'",
                                      suggestion: Suggestions.nearest(to: id, among: known).map { "did you mean '\($0)'?" }
                                        ?? (known.isEmpty ? "list it under 'sources:' in the front matter, with 'id: \(id)'"
                                                          : "its sources' ids: " + known.joined(separator: ", "))))
            return "#"
        }
        return "#" + Analysis.Source.anchor(of: id)
    }

    /// A link that stays inside the analysis's own folder (`map.png`, `data/figures.csv`) must name a file of its page
    /// bundle: anything else there is a broken link on the published page.
    private mutating func checkBundleFile(_ path: String, url: String, line: Int, column: Int) {
        guard let analysis = ownerAnalysis, !path.isEmpty, !Analysis.reservedFileNames.contains(path),
              !analysis.files.contains(path) else { return }
        let location = text.location(line: line, column: column)
        if let folder = analysis.bundleFolder {
            diagnostics.append(.error(location, "no file '\(path)' beside this analysis",
                                      suggestion: Suggestions.nearest(to: path, among: analysis.files).map { "did you mean '\($0)'?" }
                                        ?? "put the file in \(folder)/"))
        } else {
            // The bundle goes where the file is, in whatever sub-folder of Content/analyses that is.
            let bundle = ((text.origin.file as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent(analysis.id.rawValue)
            diagnostics.append(.error(location, "'\(url)' is not beside this analysis: only a page bundle publishes files of its own",
                                      suggestion: "make it a bundle: move the analysis to \(bundle)/index.md and put \(path) beside it"))
        }
    }

    /// The path of a link into the page's own folder, decoded, without `./`, query or fragment; nil for a link
    /// with a scheme, an absolute path, a fragment alone, or one that climbs out with `..`.
    package static func localPath(of url: String) -> String? {
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#"), !url.hasPrefix("?") else { return nil }
        var path = Substring(url)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        // A colon before the first slash is a scheme (`https:`, `mailto:`, `actor:`).
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return nil }
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        let decoded = String(path).removingPercentEncoding ?? String(path)
        if decoded == ".." || decoded.hasPrefix("../") || decoded.split(separator: "/").contains("..") { return nil }
        return decoded
    }

    private mutating func note(_ key: EntityKey) {
        if key != owner, !mentions.contains(key) { mentions.append(key) }
    }
}
