import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteModel
@testable import EntenteOutput
@testable import EntentePages

@Suite("SiteBuilder")
struct SiteBuilderTests {
    /// A small site exercising every kind of page.
    private func writeSite(in dir: TemporaryDirectory) throws {
        try dir.write("site/Content/site.yaml", """
            title: Test Site
            description: A site for tests.
            author: Tester
            """)
        try dir.write("site/Content/actors/india.yaml", """
            name: India
            aliases: [Republic of India]
            region: South Asia
            summary: A state in South Asia, partner of [Russia](actor:russia).
            """)
        try dir.write("site/Content/actors/russia.md", """
            ---
            name: Russia
            aliases: [Russian Federation]
            ---
            Russia signed the [RELOS](treaty:relos).
            """)
        try dir.write("site/Content/actors/russia-balancers.yaml", """
            name: Balancing faction
            kind: faction
            part_of: russia
            """)
        try dir.write("site/Content/treaties/relos.yaml", """
            name: Reciprocal Exchange of Logistics Agreement
            short: RELOS
            instrument: agreement
            kind: logistics
            parties:
              - actor: india
                signed: "2025-02-18"
              - actor: russia
                signed: "2025-02-18"
                ratified: "2025-06"
            events:
              - date: "2025-02-18"
                type: signed
                source: example
              - date: "2025-06"
                type: ratified
                actor: russia
            sources:
              - id: example
                title: Example source
                url: https://example.org/relos
            provisions:
              - Each party may use the other's **bases**.
            """)
        try dir.write("site/Content/analyses/first-look.md", """
            ---
            title: A First Look
            date: "2025-03-01"
            summary: What the RELOS means.
            actors: [india]
            treaties: [relos]
            tags: [Logistics, South Asia]
            ---
            # The agreement

            Russia and India signed the RELOS. See [Article 1](treaty:relos#art-1).
            """)
        try dir.write("site/Content/analyses/older.md", """
            ---
            title: An Older Note
            date: "2024"
            tags: [Logistics]
            ---
            A note about the Russian Federation.
            """)
        try dir.write("site/Content/analyses/unfinished.md", """
            ---
            title: Unfinished
            date: "2025-04"
            draft: true
            ---
            Work in progress.
            """)
    }

    private func build(_ dir: TemporaryDirectory, output: String = "out", includeDrafts: Bool = false,
                       baseURL: String? = nil) async -> BuildReport {
        await SiteBuilder(options: BuildOptions(siteDirectory: dir.path("site"), outputDirectory: dir.path(output),
                                                includeDrafts: includeDrafts, baseURL: baseURL)).build()
    }

    @Test func buildsEveryPage() async throws {
        try await withTemporaryDirectory { dir in
            try writeSite(in: dir)
            let report = await build(dir)
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
            for path in [
                "index.html", "404.html", "assets/style.css", OutputWriter.markerName,
                "analyses/index.html", "actors/index.html", "treaties/index.html", "timeline/index.html", "tags/index.html",
                "actors/india/index.html", "actors/russia/index.html", "actors/russia-balancers/index.html",
                "treaties/relos/index.html", "analyses/first-look/index.html", "analyses/older/index.html",
                "tags/logistics/index.html", "tags/south-asia/index.html",
                "network/index.html", "search/index.html", "search/index.js", "feed.xml",
                "actors/india/feed.xml", "actors/india/data.json", "treaties/relos/feed.xml", "treaties/relos/data.json",
                "data/actors.json", "data/treaties.json", "data/events.json",
                "data/actors.csv", "data/treaties.csv", "data/events.csv",
            ] {
                #expect(dir.exists("out/" + path), "missing \(path)")
            }
            #expect(!dir.exists("out/analyses/unfinished"), "drafts are left out")
            let files = try snapshot(of: dir.path("out"))
            // 15 pages, network and search, the search index, the site feed, 6 data files, a feed and a record for
            // each of 3 actors and 1 treaty (citations are in the pages, as data: URLs, not files), and the
            // watchlist with its feed, one network snapshot, at as_of (the data spans less than a decade), and the
            // page of the one pair of actors that share the treaty, the treaty's four facet values' pages (kind,
            // status, India's region, decade) and the facets' data; no sitemap or robots.txt without base_url.
            // Then the search index's shards and its one file of titles, a search text beside each of the 6 entities'
            // pages, and the actor index's facet pages (two kinds, one region).
            let shards = try FileManager.default.contentsOfDirectory(atPath: dir.path("out/search/terms")).count
            #expect(shards > 10 && dir.exists("out/search/docs/0.js") && !dir.exists("out/search/docs/1.js"))
            #expect(report.pagesWritten == 15 + 2 + 1 + 1 + 6 + 2 * 4 + 2 + 1 + 1 + 4 + 1 + shards + 1 + 6 + 3)
            for facet in ["kind/state", "kind/faction", "region/south-asia"] { #expect(dir.exists("out/actors/\(facet)/index.html")) }
            #expect(dir.exists("out/actors/india/with/russia/index.html"))
            for facet in ["kind/logistics", "status/signed", "region/south-asia", "decade/2020s"] {
                #expect(dir.exists("out/treaties/\(facet)/index.html"), "\(facet)")
            }
            #expect(dir.exists("out/treaties/facets.js"))
            #expect(!dir.exists("out/sitemap.xml"))
            #expect(report.filesWritten == files.count - 1, "every file but the marker is counted")
            #expect(files["assets/style.css"] == DefaultTheme.files["assets/style.css"].map { Data($0.utf8) })
        }
    }

    @Test func pagesLinkRelativelyAndRenderContent() async throws {
        try await withTemporaryDirectory { dir in
            try writeSite(in: dir)
            let report = await build(dir)
            #expect(report.succeeded)
            let analysis = try dir.read("out/analyses/first-look/index.html")
            #expect(analysis.contains(#"href="../../assets/style.css""#))
            #expect(analysis.contains(#"href="../../treaties/relos/index.html#art-1""#))
            #expect(analysis.contains(#"<a href="../../actors/russia/index.html">Russia</a>"#), "first mention is linked")
            #expect(analysis.contains("<h2>The agreement</h2>"), "the body's h1 is demoted")
            #expect(analysis.contains("<h1>A First Look</h1>"))
            #expect(analysis.contains(#"href="../../tags/south-asia/index.html""#))

            let home = try dir.read("out/index.html")
            #expect(home.contains(#"href="assets/style.css""#))
            #expect(home.contains(#"href="analyses/first-look/index.html""#))
            #expect(!home.contains("Unfinished"))

            let treaty = try dir.read("out/treaties/relos/index.html")
            #expect(treaty.contains("Each party may use the other's <strong>bases</strong>.")
                    || treaty.contains("Each party may use the other&#39;s <strong>bases</strong>.")
                    || treaty.contains("Each party may use the other’s <strong>bases</strong>."))
            #expect(treaty.contains(#"href="https://example.org/relos""#))
            #expect(treaty.contains(#"href="../../analyses/first-look/index.html""#), "backlink to the analysis about it")

            let india = try dir.read("out/actors/india/index.html")
            #expect(india.contains(#"<a href="../../actors/russia/index.html">Russia</a>"#))
            #expect(india.contains(#"href="../../treaties/relos/index.html""#))

            let russia = try dir.read("out/actors/russia/index.html")
            #expect(russia.contains(#"href="../../actors/russia-balancers/index.html""#), "lists its parts")
            #expect(russia.contains(#"href="../../analyses/older/index.html""#), "backlink from a mention by alias")

            let tag = try dir.read("out/tags/logistics/index.html")
            #expect(tag.contains(#"href="../../analyses/first-look/index.html""#))
            #expect(tag.contains(#"href="../../analyses/older/index.html""#))

            let timeline = try dir.read("out/timeline/index.html")
            #expect(timeline.contains(#"datetime="2025-02-18""#))
            #expect(timeline.contains(#"datetime="2025-06""#))
        }
    }

    @Test func draftsAreBuiltWhenAsked() async throws {
        try await withTemporaryDirectory { dir in
            try writeSite(in: dir)
            let report = await build(dir, includeDrafts: true)
            #expect(report.succeeded)
            #expect(dir.exists("out/analyses/unfinished/index.html"))
        }
    }

    @Test func baseURLOptionAddsCanonicalLinks() async throws {
        try await withTemporaryDirectory { dir in
            try writeSite(in: dir)
            let report = await build(dir, baseURL: "https://example.org/site")
            #expect(report.succeeded)
            let page = try dir.read("out/actors/india/index.html")
            #expect(page.contains(#"<link rel="canonical" href="https://example.org/site/actors/india/">"#))
        }
    }

    @Test func twoBuildsAreByteIdentical() async throws {
        try await withTemporaryDirectory { dir in
            try writeSite(in: dir)
            #expect(await build(dir, output: "first").succeeded)
            #expect(await build(dir, output: "second").succeeded)
            let first = try snapshot(of: dir.path("first"))
            let second = try snapshot(of: dir.path("second"))
            #expect(!first.isEmpty)
            #expect(Set(first.keys) == Set(second.keys))
            for (path, bytes) in first { #expect(second[path] == bytes, "\(path) differs between builds") }

            // Rebuilding into the same folder gives the same bytes too.
            #expect(await build(dir, output: "first").succeeded)
            #expect(try snapshot(of: dir.path("first")) == first)
        }
    }

    @Test func brokenReferenceFailsAndKeepsThePreviousOutput() async throws {
        try await withTemporaryDirectory { dir in
            try writeSite(in: dir)
            #expect(await build(dir).succeeded)
            let before = try snapshot(of: dir.path("out"))

            try dir.write("site/Content/treaties/relos.yaml", "name: RELOS\nparties: [inida, russia]\n")
            let report = await build(dir)
            #expect(!report.succeeded)
            #expect(report.pagesWritten == 0)
            let diagnostic = try #require(report.diagnostics.first { $0.severity == .error })
            #expect(diagnostic.message == "unknown actor 'inida'")
            #expect(diagnostic.suggestion == "did you mean 'india'?")
            #expect(diagnostic.location.file == dir.path("site/Content/treaties/relos.yaml"))
            #expect(diagnostic.location.line == 2)
            #expect(try snapshot(of: dir.path("out")) == before)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".out.") && !$0.hasSuffix(".entente-manifest") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test func brokenMarkdownReferenceFailsAndKeepsThePreviousOutput() async throws {
        try await withTemporaryDirectory { dir in
            try writeSite(in: dir)
            #expect(await build(dir).succeeded)
            let before = try snapshot(of: dir.path("out"))

            try dir.write("site/Content/analyses/older.md", "---\ntitle: Older\ndate: 2024\n---\nSee\n[x](actor:inida).\n")
            let report = await build(dir)
            #expect(!report.succeeded)
            let diagnostic = try #require(report.diagnostics.first { $0.severity == .error })
            #expect(diagnostic.message == "unknown actor 'inida'")
            #expect(diagnostic.location.file == dir.path("site/Content/analyses/older.md"))
            #expect(diagnostic.location.line == 6)
            #expect(try snapshot(of: dir.path("out")) == before)
        }
    }

    @Test func problemsInEveryStepAreReportedTogether() async throws {
        try await withTemporaryDirectory { dir in
            try writeSite(in: dir)
            try dir.write("site/Content/actors/china.yaml", "kind: state\n")        // load error
            try dir.write("site/Content/analyses/older.md",
                          "---\ntitle: Older\ndate: 2024\nactors: [rusia]\n---\n[x](treaty:rellos)\n") // resolve + Markdown errors
            try dir.write("site/Templates/home.mustache", "{{> nope}}\n")          // theme error
            let report = await build(dir)
            #expect(!report.succeeded)
            let errors = report.diagnostics.filter { $0.severity == .error }
            #expect(errors.count == 4, "\(errors)")
            #expect(errors.contains { $0.message == "missing required field 'name'" })
            #expect(errors.contains { $0.message == "unknown actor 'rusia'" })
            #expect(errors.contains { $0.message == "unknown treaty 'rellos'" })
            #expect(errors.contains { $0.message.contains("'nope'") })
            #expect(!dir.exists("out"))
        }
    }

    @Test func refusesAnOutputFolderItDidNotWrite() async throws {
        try await withTemporaryDirectory { dir in
            try writeSite(in: dir)
            try dir.write("out/precious.txt", "keep")
            let report = await build(dir)
            #expect(!report.succeeded)
            #expect(try dir.read("out/precious.txt") == "keep")
            #expect(!dir.exists("out/index.html"))
        }
    }

    @Test("check finds a broken link in an analysis's text, on the page read beside its Markdown, and nothing else")
    func checkFindsABrokenLinkInAnAnalysis() async throws {
        try await withTemporaryDirectory { dir in
            try writeSite(in: dir)
            try dir.write("site/Content/analyses/broken-link.md", """
                ---
                title: A broken link
                date: 2024-05-01
                ---
                See [the missing page](../nowhere/) and [a missing part](#no-such-part).
                """)
            let check = await SiteChecker(options: BuildOptions(siteDirectory: dir.path("site"), outputDirectory: dir.path("out"))).check()
            // (The test site's other analysis links to a provision its treaty does not have.)
            let messages = check.diagnostics.filter { $0.location.file.contains("broken-link") }
                .map { "\($0.location.file): \($0.message)" }
            #expect(messages == [
                dir.path("out") + "/analyses/broken-link/index.html: broken link '../nowhere/': no page at analyses/nowhere/index.html",
                dir.path("out") + "/analyses/broken-link/index.html: broken link '#no-such-part': analyses/broken-link/index.html has no id 'no-such-part'",
            ])
            // Every page was read, the analyses' among them.
            #expect(check.pagesChecked > 10)
            #expect(!dir.exists("out"))
        }
    }

    @Test func buildsTheFixtureSite() async throws {
        let site = try #require(Bundle.module.url(forResource: "minimal-site", withExtension: nil, subdirectory: "Fixtures"))
        try await withTemporaryDirectory { dir in
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: site.path, outputDirectory: dir.path("out"))).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(dir.exists("out/treaties/relos/index.html"))
            #expect(dir.exists("out/tags/logistics/index.html"))
            let analysis = try dir.read("out/analyses/first-look/index.html")
            #expect(analysis.contains(#"href="../../treaties/relos/index.html#source-1""#))
            // The browser suite falls back to this site when it is run without the site generator, and checks its links and anchors.
            let check = await SiteChecker(options: BuildOptions(siteDirectory: site.path, outputDirectory: dir.path("out"))).check()
            #expect(check.diagnostics.isEmpty, "\(check.diagnostics)")
            #expect(check.linksChecked > 0)
        }
    }
}
