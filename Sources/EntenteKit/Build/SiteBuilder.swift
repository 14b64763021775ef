/// The build pipeline, in named steps: load → resolve → render Markdown → index → render pages → write → swap.
///
/// Any error stops the build before the swap, so the previous output stays exactly as it was.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Everything a build produces before writing: the pages and the assets, ready to render.
    public struct Prepared: Sendable {
        public let renderer: PageRenderer
        public let diagnostics: [Diagnostic]
        public let timings: StepTimings
    }

    /// Runs every step up to rendering; nil (with the diagnostics) when the content has errors.
    public func prepare() async -> (prepared: Prepared?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var timings = StepTimings()
        let (theme, themeDiagnostics) = Theme.load(siteDirectory: options.siteDirectory)
        diagnostics += themeDiagnostics
        timings.finish("theme")
        let (loaded, loadDiagnostics) = await SiteLoader(siteDirectory: options.siteDirectory,
                                                         includeDrafts: options.includeDrafts).load()
        diagnostics += loadDiagnostics
        timings.finish("load")
        guard var content = loaded else { return (nil, diagnostics) }
        if let baseURL = options.baseURL { content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }

        // Later steps run even after errors, so that one run reports every problem in the site.
        let (site, resolveDiagnostics) = SiteResolver.resolve(content)
        diagnostics += resolveDiagnostics
        timings.finish("resolve")

        let markdown = await RenderedContent.render(site: site, renderer: MarkdownRenderer(site: site, links: SiteLinks(pretty: site.config.prettyLinks)))
        diagnostics += markdown.diagnostics
        timings.finish("markdown")
        guard !diagnostics.hasErrors, let theme else { return (nil, diagnostics) }

        let index = SiteIndex(site: site, mentions: markdown.allMentions)
        let renderer = PageRenderer(site: site, index: index, theme: theme, markdown: markdown)
        timings.finish("index")
        return (Prepared(renderer: renderer, diagnostics: diagnostics, timings: timings), diagnostics)
    }

    /// Builds the site into the output folder, or reports why not and leaves the output untouched.
    public func build() async -> BuildReport {
        let (prepared, diagnostics) = await prepare()
        guard let prepared else { return BuildReport(diagnostics: diagnostics, pagesWritten: 0, filesWritten: 0) }
        let writer: OutputWriter
        do {
            writer = try OutputWriter(outputDirectory: options.outputDirectory, siteDirectory: options.siteDirectory)
        } catch {
            return BuildReport(diagnostics: diagnostics + error.diagnostics, pagesWritten: 0, filesWritten: 0)
        }
        var timings = prepared.timings
        let renderer = prepared.renderer
        let pages = renderer.pages
        let failures = await ParallelMap.map(pages) { page -> Diagnostic? in
            do {
                try writer.write(renderer.render(page).utf8, to: page.path)
                return nil
            } catch {
                return .error(SourceLocation(file: options.outputDirectory + "/" + page.path), "cannot write the page: \(error)")
            }
        }.compactMap { $0 }
        var writeDiagnostics = failures
        for (path, bytes) in renderer.theme.assets.sorted(by: { $0.key < $1.key }) {
            do { try writer.write(bytes, to: path) } catch {
                writeDiagnostics.append(.error(SourceLocation(file: options.outputDirectory + "/" + path), "cannot write the file: \(error)"))
            }
        }
        timings.finish("render+write")
        guard writeDiagnostics.isEmpty else {
            writer.abandon()
            return BuildReport(diagnostics: diagnostics + writeDiagnostics, pagesWritten: 0, filesWritten: 0)
        }
        do {
            try writer.commit()
        } catch {
            return BuildReport(diagnostics: diagnostics + error.diagnostics, pagesWritten: 0, filesWritten: 0)
        }
        timings.finish("swap")
        return BuildReport(diagnostics: diagnostics, pagesWritten: pages.count,
                           filesWritten: pages.count + renderer.theme.assets.count, timings: timings)
    }
}
