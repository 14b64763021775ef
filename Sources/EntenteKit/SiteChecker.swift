import EntenteModel
import EntenteSupport
import EntenteLoading
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import EntentePages
import EntenteOutput
import Foundation
import Synchronization

/// `entente check`: every validation of a build, plus what only a finished site shows (links that resolve,
/// anchors that exist), without writing anything.
public struct SiteChecker: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// What the check found, and how many links it followed.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var pagesChecked: Int
        public var linksChecked: Int
        /// Analyses left out until their date, soonest first.
        public var scheduled: [ScheduledAnalysis] = []
    }

    public func check() async -> Report {
        var state = BuildState()
        // Analysis pages are read batch by batch beside their Markdown, as a build writes them.
        let early = Mutex<[PageLinks]>([])
        let rebuild = await SiteBuilder(options: options).rebuild(&state) { batchRenderer, pages in
            let read = await PageRendering.render(pages, with: batchRenderer, deliver: PageLinks.init(page:html:))
            early.withLock { $0 += read }
        }
        guard let renderer = rebuild.renderer else {
            return Report(diagnostics: rebuild.diagnostics, pagesChecked: 0, linksChecked: 0)
        }
        let scheduled = renderer.site.scheduled.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let pages = renderer.pages
        // Each page is read for its links and ids as it is rendered, and its HTML let go: held until every page was
        // rendered, the pages of a 10,000-analysis site took 900 MB.
        var read = early.withLock { $0 }
        read += await PageRendering.render(rebuild.pagesToRender, with: renderer, deliver: PageLinks.init(page:html:))
        // In the site's order of pages, as every problem is reported.
        let paths = pages.map(\.path)
        var order: [String: Int] = [:]
        for (index, path) in paths.enumerated() where order[path] == nil { order[path] = index }
        read.sort { (order[$0.path] ?? .max, $0.path) < (order[$1.path] ?? .max, $1.path) }
        var files = Set(read.map(\.path))
        files.formUnion(renderer.theme.assets.keys)
        files.formUnion(renderer.bundleFiles.map(\.path))
        var anchors: [String: Set<String>] = [:]
        for page in read where page.isHTML { anchors[page.path] = page.ids }
        let (allFiles, allAnchors, output) = (files, anchors, options.outputDirectory)
        let results = await ParallelMap.map(read.filter(\.isHTML)) { page in
            Self.checkLinks(page.links, of: page.path, files: allFiles, anchors: allAnchors, output: output)
        }
        var diagnostics = rebuild.diagnostics + Self.duplicateURLs(paths, output: output)
        var links = 0
        for result in results {
            diagnostics += result.diagnostics
            links += result.count
        }
        return Report(diagnostics: diagnostics, pagesChecked: read.count, linksChecked: links, scheduled: scheduled)
    }

    /// What the check needs of one rendered page: the links it makes and the ids it has (HTML pages only).
    private struct PageLinks: Sendable {
        let path: String
        let isHTML: Bool
        let links: [String]
        let ids: Set<String>

        /// An HTML page's links and ids; nothing of another file but its path.
        init(page: PageRenderer.Page, html: String) {
            path = page.path
            isHTML = path.hasSuffix(".html")
            links = isHTML ? SiteChecker.attributeValues(in: html, names: ["href", "src"]) : []
            ids = isHTML ? SiteChecker.ids(in: html) : []
        }
    }

    /// No two pages may claim one URL: the second would silently replace the first.
    package static func duplicateURLs(_ paths: [String], output: String) -> [Diagnostic] {
        var seen: Set<String> = []
        var reported: Set<String> = []
        return paths.compactMap { path in
            guard !seen.insert(path).inserted, reported.insert(path).inserted else { return nil }
            return .error(SourceLocation(file: output + "/" + path), "two pages claim the URL '\(path)'")
        }
    }

    /// Every `href` and `src` of one page that stays inside the site must name a file the build writes,
    /// and every `#fragment` an `id` on the page it names.
    package static func checkLinks(in html: String, of path: String, files: Set<String>, anchors: [String: Set<String>],
                           output: String) -> (diagnostics: [Diagnostic], count: Int) {
        checkLinks(attributeValues(in: html, names: ["href", "src"]), of: path, files: files, anchors: anchors, output: output)
    }

    /// `checkLinks(in:of:files:anchors:output:)` over the `href` and `src` values of a page, in its order.
    package static func checkLinks(_ links: [String], of path: String, files: Set<String>, anchors: [String: Set<String>],
                           output: String) -> (diagnostics: [Diagnostic], count: Int) {
        var diagnostics: [Diagnostic] = []
        var count = 0
        let folder = path.split(separator: "/").dropLast().map(String.init)
        for value in links {
            if value.isEmpty || value.contains(":") && !value.hasPrefix("#") { continue }  // external or a scheme
            count += 1
            let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            // cmark-gfm percent-encodes what a link needs encoded (`my%20map.png`); files have their own names.
            let target = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let fragment = parts.count > 1 ? String(parts[1]) : nil
            var resolved = path
            if !target.isEmpty {
                guard !target.hasPrefix("/") else {
                    diagnostics.append(.warning(SourceLocation(file: output + "/" + path),
                                                "link '\(value)' is absolute; it breaks under a sub-path or opened from disk"))
                    continue
                }
                var segments = folder
                var escaped = false
                for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
                    if segment == "." { continue }
                    if segment == ".." {
                        if segments.isEmpty { escaped = true } else { segments.removeLast() }
                    } else {
                        segments.append(String(segment))
                    }
                }
                resolved = segments.joined(separator: "/")
                if target.hasSuffix("/") || resolved.isEmpty { resolved += resolved.isEmpty ? "index.html" : "/index.html" }
                if escaped || !files.contains(resolved) {
                    diagnostics.append(.error(SourceLocation(file: output + "/" + path), "broken link '\(value)': no page at \(resolved)"))
                    continue
                }
            }
            if let fragment, !fragment.isEmpty, resolved.hasSuffix(".html"), !(anchors[resolved]?.contains(fragment) ?? false) {
                diagnostics.append(.error(SourceLocation(file: output + "/" + path), "broken link '\(value)': \(resolved) has no id '\(fragment)'"))
            }
        }
        return (diagnostics, count)
    }

    package static func ids(in html: String) -> Set<String> { Set(attributeValues(in: html, names: ["id"])) }

    /// The values of double-quoted attributes with these names. Entente's own output quotes every attribute.
    package static func attributeValues(in html: String, names: [String]) -> [String] {
        var values: [String] = []
        let bytes = Array(html.utf8)
        let patterns = names.map { Array(" \($0)=\"".utf8) }
        var index = 0
        while index < bytes.count {
            for pattern in patterns where bytes[index] == 0x20 && index + pattern.count <= bytes.count
                && bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                let start = index + pattern.count
                var end = start
                while end < bytes.count, bytes[end] != 0x22 { end += 1 }
                values.append(decodeEntities(String(decoding: bytes[start..<end], as: UTF8.self)))
                index = end
                break
            }
            index += 1
        }
        return values
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
    }
}
