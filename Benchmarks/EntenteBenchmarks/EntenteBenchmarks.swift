import Benchmark
import EntenteKit
import EntenteMarkdown
import EntenteModel
import EntentePages
import EntenteResolving
import EntenteTestSupport
import Foundation
import Mustache
import TemplateEngine

/// The hot parts of a build, measured with ordo-one/benchmark: `swift package benchmark`.
///
/// The site benchmarks need a make-corpus site; set ENTENTE_BENCH_SITE to one, or let them make a
/// 1,000-analysis corpus with ../shared/bench/make-corpus.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(10), maxIterations: 50)

    Benchmark("Mention detection: 250 actors and 2,000 treaties over one analysis body") { benchmark in
        let corpus = try await BenchCorpus.shared()
        let matcher = MentionMatcher<EntityKey>(patterns: corpus.site.mentionPatterns)
        let bodies = corpus.site.analyses.prefix(100).map(\.body.source)
        benchmark.startMeasurement()
        for body in bodies { blackHole(matcher.matches(in: body)) }
    }

    Benchmark("Markdown rendering with reference resolution and mentions: 100 analyses") { benchmark in
        let corpus = try await BenchCorpus.shared()
        let renderer = MarkdownRenderer(site: corpus.site, links: SiteLinks(pretty: false))
        let analyses = Array(corpus.site.analyses.prefix(100))
        benchmark.startMeasurement()
        for analysis in analyses {
            blackHole(renderer.render(analysis.body, root: "../../", detectMentions: true, owner: .analysis(analysis.id)))
        }
    }

    Benchmark("Template rendering: 100 analysis pages and 10 actor pages") { benchmark in
        let corpus = try await BenchCorpus.shared()
        let pages = corpus.renderer.pages.filter {
            if case .analysis = $0 { return true }
            return false
        }.prefix(100) + corpus.renderer.pages.filter {
            if case .actor = $0 { return true }
            return false
        }.prefix(10)
        benchmark.startMeasurement()
        for page in pages { blackHole(corpus.renderer.render(page)) }
    }

    // Template rendering alone, both engines on the same templates and the same page values: every list page and
    // 100 analysis, 20 actor and 20 treaty pages, values made once before measuring.
    @Sendable func templateInputs(_ corpus: BenchCorpus.Prepared) -> [(template: String, value: TemplateValue)] {
        var counts: [String: Int] = [:]
        return corpus.renderer.pages.compactMap { page in
            guard let input = corpus.renderer.templateInput(of: page) else { return nil }
            counts[input.template, default: 0] += 1
            let limit = ["analysis": 100, "actor": 20, "treaty": 20, "tag": 5][input.template] ?? 1
            return counts[input.template]! <= limit ? input : nil
        }
    }
    Benchmark("Templates alone: Entente's engine, the sample pages") { benchmark in
        let corpus = try await BenchCorpus.shared()
        let inputs = templateInputs(corpus)
        benchmark.startMeasurement()
        for input in inputs { blackHole(corpus.renderer.renderTemplate(input.template, input.value)) }
    }
    Benchmark("Templates alone: swift-mustache, the sample pages") { benchmark in
        let corpus = try await BenchCorpus.shared()
        let inputs = templateInputs(corpus).map { (template: $0.template, context: $0.value.mustacheContext) }
        var library = MustacheLibrary()
        for (name, text) in Theme.builtInTemplates { library.register(try MustacheTemplate(string: text), named: name) }
        benchmark.startMeasurement()
        for input in inputs { blackHole(library.render(input.context, withTemplate: input.template)) }
    }

    // The template engine alone, on a context shaped like a page's: what one tag costs, whatever the theme.
    @Sendable func engineContext() -> [String: Any] {
        ["name": "India", "site": ["title": "Entente"] as [String: Any],
         "item": ["url": "../../actors/india/index.html", "first": true] as [String: Any]]
    }
    for (name, tag) in [("a plain variable {{name}}", "{{name}}"), ("a dotted variable {{site.title}}", "{{site.title}}"),
                        ("a section on a Bool inside an item", "{{#item}}{{#first}}x{{/first}}{{/item}}"),
                        ("a missing name inside an item", "{{#item}}{{#absent}}x{{/absent}}{{/item}}")] {
        Benchmark("swift-mustache: 100 × \(name)", configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal])) { benchmark in
            let template = try MustacheTemplate(string: String(repeating: tag, count: 100))
            let context = engineContext()
            benchmark.startMeasurement()
            blackHole(template.render(context))
        }
    }

    Benchmark("Full build of a 1,000-analysis corpus", configuration: .init(maxIterations: 5)) { benchmark in
        let corpus = try await BenchCorpus.shared()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("entente-bench-out").path
        benchmark.startMeasurement()
        let report = await SiteBuilder(options: BuildOptions(siteDirectory: corpus.directory, outputDirectory: output,
                                                             force: true)).build()
        benchmark.stopMeasurement()
        precondition(report.succeeded, "\(report.diagnostics.prefix(3))")
    }
}

/// A make-corpus site, loaded and prepared once for all benchmarks.
actor BenchCorpus {
    struct Prepared: Sendable {
        let directory: String
        let site: ResolvedSite
        let renderer: PageRenderer
    }

    private static let instance = BenchCorpus()
    private var prepared: Prepared?

    static func shared() async throws -> Prepared { try await instance.load() }

    private func load() async throws -> Prepared {
        if let prepared { return prepared }
        let directory = try Self.siteDirectory()
        var state = BuildState()
        // Tracking dependencies keeps each analysis's Markdown text in the site, which the benchmarks read
        // (a one-off build's rebuild takes the texts out once rendered).
        let rebuild = await SiteBuilder(options: BuildOptions(siteDirectory: directory, outputDirectory: directory + "/Output",
                                                              trackDependencies: true)).rebuild(&state)
        guard let renderer = rebuild.renderer else { throw CorpusError.doesNotBuild(rebuild.diagnostics.prefix(3).map(\.description)) }
        let result = Prepared(directory: directory, site: renderer.site, renderer: renderer)
        prepared = result
        return result
    }

    enum CorpusError: Error { case noGenerator(String), doesNotBuild([String]) }

    private static func siteDirectory() throws -> String {
        if let given = ProcessInfo.processInfo.environment["ENTENTE_BENCH_SITE"] { return given }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entente-bench-corpus-1000").path
        if FileManager.default.fileExists(atPath: directory + "/Content/site.yaml") { return directory }
        let generator = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/bench/make-corpus").path
        guard FileManager.default.fileExists(atPath: generator) else { throw CorpusError.noGenerator(generator) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generator, directory, "--analyses", "1000", "--treaties", "200", "--actors", "100", "--seed", "1"]
        try process.run()
        process.waitUntilExit()
        return directory
    }
}
