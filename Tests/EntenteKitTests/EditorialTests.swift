import Foundation
import Testing
import EntenteSearch
@testable import EntenteKit
@testable import EntenteLoading
@testable import EntenteModel
@testable import EntentePages

/// The editorial workflow: page bundles, authors, cited sources and "Cite this".
@Suite("Bundles, authors, sources and citations")
struct EditorialTests {
    /// The file a page's "Cite this" link offers under `name`, decoded from the link's `data:` URL.
    private func citation(_ directory: TemporaryDirectory, _ page: String, _ name: String) throws -> String {
        let html = try directory.read(page)
        let link = try #require(html.range(of: #"" download="\#(name)">"#), "no link saving \(name) in \(page)")
        let href = try #require(html[..<link.lowerBound].range(of: #"href=""#, options: .backwards))
        let url = String(html[href.upperBound..<link.lowerBound])
        let base64 = try #require(url.range(of: ";charset=utf-8;base64,"), "\(url)")
        let data = try #require(Data(base64Encoded: String(url[base64.upperBound...])))
        return String(decoding: data, as: UTF8.self)
    }

    /// A site with a bundle, two authors, an analysis citing its sources and a signed treaty.
    private func writeSite(in directory: TemporaryDirectory, baseURL: Bool = true) throws {
        try directory.write("site/Content/site.yaml", "title: Desk & Co\n" + (baseURL ? "base_url: https://example.org/desk/\n" : ""))
        try directory.write("site/Content/actors/india.yaml", "name: India\n")
        try directory.write("site/Content/actors/russia.yaml", "name: Russia\n")
        try directory.write("site/Content/treaties/relos.yaml", """
            name: Logistics {Agreement} & more
            parties: [russia, india]
            events:
              - {date: "2025-02-18", type: signed}
            """)
        try directory.write("site/Content/authors/ana.yaml", """
            name: Ana Ferreira
            role: Fellow
            bio: Writes on [RELOS](treaty:relos).
            links:
              - {title: Profile, url: "https://example.org/ana"}
            """)
        try directory.write("site/Content/authors/ben.yaml", "name: Ben Cho\n")
        try directory.write("site/Content/analyses/2024/ports/index.md", """
            ---
            title: Ports
            date: "2024-07-31"
            authors: [ana, ben]
            sources:
              - {id: tass, title: "Duma ratifies", publisher: TASS, url: "https://tass.com/politics/2052369", date: "2025-12-02"}
              - {id: memo, title: An unpublished memo}
            ---
            ![The ports on a map](map%20one.svg) and [the data](data/ports.csv), per [TASS](source:tass) and
            [a memo](source:memo).
            """)
        try directory.write("site/Content/analyses/2024/ports/map one.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try directory.write("site/Content/analyses/2024/ports/data/ports.csv", "port\nChennai\n")
        try directory.write("site/Content/analyses/2024/ports/.ports.md.swp", "editor swap file")
        try directory.write("site/Content/analyses/plain.md", """
            ---
            title: Plain
            date: "2024-08-01"
            author: A Writer
            ---
            No files.
            """)
    }

    private func build(_ directory: TemporaryDirectory) async -> BuildReport {
        var options = BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out"))
        options.today = PartialDate(parsing: "2026-01-15")
        return await SiteBuilder(options: options).build()
    }

    @Test("a bundle's files are published beside its page, hidden files left out, and its links checked")
    func bundle() async throws {
        try await withTemporaryDirectory { directory in
            try writeSite(in: directory)
            let report = await build(directory)
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
            #expect(directory.exists("out/analyses/ports/index.html"))
            #expect(try directory.read("out/analyses/ports/map one.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
            #expect(try directory.read("out/analyses/ports/data/ports.csv") == "port\nChennai\n")
            #expect(!directory.exists("out/analyses/ports/.ports.md.swp"))
            let page = try directory.read("out/analyses/ports/index.html")
            #expect(page.contains(#"<img src="map%20one.svg" alt="The ports on a map""#))

            let check = await SiteChecker(options: BuildOptions(siteDirectory: directory.path("site"),
                                                                outputDirectory: directory.path("out"))).check()
            #expect(!check.diagnostics.hasErrors, "\(check.diagnostics)")
        }
    }

    @Test("a link to a file the bundle lacks, or from an analysis that is no bundle, is an error at its place")
    func brokenBundleLinks() async throws {
        try await withTemporaryDirectory { directory in
            try writeSite(in: directory)
            try directory.write("site/Content/analyses/2024/ports/index.md", """
                ---
                title: Ports
                date: "2024-07-31"
                ---
                See ![the map](map-one.svg).
                """)
            try directory.write("site/Content/analyses/2024/ports/map-one.svgz", "x")
            try directory.write("site/Content/analyses/plain.md", """
                ---
                title: Plain
                date: "2024-08-01"
                ---
                A [chart](chart.png), [elsewhere](../../actors/india/index.html), [a site](https://example.org/x.png).
                """)
            try directory.write("site/Content/analyses/2024/ports/index.html", "<p>mine</p>")
            try directory.write("site/Content/analyses/2024/ports/\(SearchIndexFiles.textFile)", "mine too")
            let report = await build(directory)
            #expect(!report.succeeded)
            let errors = report.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message) | \($0.suggestion ?? "")" }
            #expect(errors.contains { $0.hasPrefix("5:5 no file 'map-one.svg' beside this analysis | did you mean") }, "\(errors)")
            #expect(errors.contains { $0.hasPrefix("5:3 'chart.png' is not beside this analysis") && $0.contains("Content/analyses/plain/index.md") }, "\(errors)")
            #expect(errors.contains { $0.contains("'index.html' beside an analysis would replace") }, "\(errors)")
            #expect(errors.contains { $0.contains("'text.js' beside an analysis would replace") }, "\(errors)")
            #expect(errors.count == 4, "\(errors)")
            #expect(!directory.exists("out"), "nothing is written")
        }
    }

    @Test("authors: pages, feeds, the byline and the navigation; an unknown author is an error with a suggestion")
    func authors() async throws {
        try await withTemporaryDirectory { directory in
            try writeSite(in: directory)
            let report = await build(directory)
            #expect(report.succeeded, "\(report.diagnostics)")
            let ana = try directory.read("out/authors/ana/index.html")
            #expect(ana.contains("<h1>Ana Ferreira</h1>"))
            #expect(ana.contains(#"<p class="lede">Fellow</p>"#))
            #expect(ana.contains(#"<a href="../../treaties/relos/index.html">RELOS</a>"#), "the bio's cross-reference")
            #expect(ana.contains(#"<a href="https://example.org/ana" rel="external">Profile</a>"#))
            #expect(ana.contains(#"href="../../analyses/ports/index.html""#))
            #expect(!ana.contains("analyses/plain/"))
            let list = try directory.read("out/authors/index.html")
            #expect(list.contains("Ana Ferreira") && list.contains("Ben Cho"))
            #expect(list.contains(#"<a href="../authors/index.html" aria-current="page">Authors</a>"#)
                    || list.contains(#"href="../authors/index.html""#), "the navigation links the authors")
            let feed = try directory.read("out/authors/ben/feed.xml")
            #expect(feed.contains("<title>Ports</title>"))
            #expect(feed.contains("<name>Ana Ferreira and Ben Cho</name>"))
            let page = try directory.read("out/analyses/ports/index.html")
            #expect(page.contains(#"<a href="../../authors/ana/index.html" rel="author">Ana Ferreira</a> and <a href="../../authors/ben/index.html" rel="author">Ben Cho</a>"#))
            let plain = try directory.read("out/analyses/plain/index.html")
            #expect(plain.contains(" · A Writer"), "a plain author string is still the byline")

            try directory.write("site/Content/analyses/plain.md", """
                ---
                title: Plain
                date: "2024-08-01"
                authors: [anna]
                ---
                Text.
                """)
            let failed = await build(directory)
            let error = try #require(failed.diagnostics.first { $0.severity == .error })
            #expect(error.message == "unknown author 'anna'")
            #expect(error.suggestion == "did you mean 'ana'?")
            #expect(error.location.file.hasSuffix("Content/analyses/plain.md") && error.location.line == 4)
        }
    }

    @Test("source: links point at the numbered reference list; an unknown source id is an error with a suggestion")
    func sources() async throws {
        try await withTemporaryDirectory { directory in
            try writeSite(in: directory)
            let report = await build(directory)
            #expect(report.succeeded, "\(report.diagnostics)")
            let page = try directory.read("out/analyses/ports/index.html")
            #expect(page.contains(##"per <a href="#source-tass">TASS</a>"##))
            #expect(page.contains(#"<li id="source-tass"><a href="https://tass.com/politics/2052369" rel="external nofollow">Duma ratifies</a>, TASS"#))
            #expect(page.contains(#"<li id="source-memo">An unpublished memo</li>"#))
            #expect(page.components(separatedBy: "<li id=\"source-").count == 3)

            try directory.write("site/Content/analyses/plain.md", """
                ---
                title: Plain
                date: "2024-08-01"
                sources:
                  - {id: kcna, title: KCNA}
                  - {id: kcna, title: Again}
                ---
                As [reported](source:kcnaa).
                """)
            try directory.write("site/Content/actors/india.yaml", "name: India\nsummary: See [this](source:kcna).\n")
            let failed = await build(directory)
            let errors = failed.diagnostics.filter { $0.severity == .error }
            #expect(errors.contains { $0.message == "no source of this analysis has the id 'kcnaa'" && $0.suggestion == "did you mean 'kcna'?" && $0.location.line == 8 })
            #expect(errors.contains { $0.message == "two sources have the id 'kcna' (sources 1 and 2)" })
            #expect(errors.contains { $0.message.hasPrefix("'source:' links cite an analysis's own sources") })
        }
    }

    @Test("cite this: BibTeX, RIS and CSL-JSON in analysis and treaty pages' links, escaped, with URL and access date")
    func citations() async throws {
        try await withTemporaryDirectory { directory in
            try writeSite(in: directory)
            let report = await build(directory)
            #expect(report.succeeded, "\(report.diagnostics)")
            let bib = try citation(directory, "out/analyses/ports/index.html", "ports.bib")
            #expect(bib == """
                @online{ports,
                  author = {Ana Ferreira and Ben Cho},
                  title = {{Ports}},
                  organization = {Desk \\& Co},
                  date = {2024-07-31},
                  year = {2024},
                  month = jul,
                  url = {https://example.org/desk/analyses/ports/},
                  urldate = {2026-01-15}
                }

                """)
            let ris = try citation(directory, "out/analyses/ports/index.html", "ports.ris")
            #expect(ris == "TY  - ELEC\r\nAU  - Ana Ferreira\r\nAU  - Ben Cho\r\nTI  - Ports\r\nT2  - Desk & Co\r\nPY  - 2024\r\n"
                    + "DA  - 2024/07/31/\r\nUR  - https://example.org/desk/analyses/ports/\r\nY2  - 2026/01/15/\r\nER  - \r\n")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(citation(directory, "out/treaties/relos/index.html", "relos.json").utf8)) as? [[String: Any]])
            let item = try #require(json.first)
            #expect(item["type"] as? String == "treaty")
            #expect(item["title"] as? String == "Logistics {Agreement} & more")
            #expect((item["author"] as? [[String: String]])?.compactMap { $0["literal"] } == ["Russia", "India"])
            #expect((item["issued"] as? [String: [[Int]]])?["date-parts"] == [[2025, 2, 18]])
            #expect((item["accessed"] as? [String: [[Int]]])?["date-parts"] == [[2026, 1, 15]])
            #expect(item["URL"] as? String == "https://example.org/desk/treaties/relos/")
            let treatyBib = try citation(directory, "out/treaties/relos/index.html", "relos.bib")
            #expect(treatyBib.contains("author = {{Russia} and {India}}"))
            #expect(treatyBib.contains(#"title = {{Logistics \{Agreement\} \& more}}"#))
            let page = try directory.read("out/treaties/relos/index.html")
            #expect(page.contains(#"Cite this: <a href="data:application/x-bibtex;charset=utf-8;base64,"#))
            #expect(page.contains(#"" download="relos.bib">BibTeX</a> · <a href="data:application/x-research-info-systems;"#))
            #expect(page.contains(#"" download="relos.json">CSL-JSON</a>"#))
            #expect(!directory.exists("out/treaties/relos/cite.bib"), "no file beside the page")
        }
    }

    @Test("a RIS value never spans lines, a BibTeX address has no braces, and a partial date leaves its unknown parts empty")
    func citationEdgeCases() async throws {
        try await withTemporaryDirectory { directory in
            try writeSite(in: directory)
            try directory.write("site/Content/site.yaml", "title: \"Desk\\r\\nand\\nCo\"\nbase_url: https://example.org/{desk}/\n")
            try directory.write("site/Content/treaties/relos.yaml", """
                name: Logistics
                parties: [russia, india]
                events:
                  - {date: "2025-02", type: signed}
                """)
            let report = await build(directory)
            #expect(report.succeeded, "\(report.diagnostics)")
            let ris = try citation(directory, "out/treaties/relos/index.html", "relos.ris")
            #expect(ris.contains("\r\nT2  - Desk  and Co\r\n"), "line breaks become spaces: \(ris)")
            #expect(ris.contains("\r\nDA  - 2025/02//\r\n"))
            #expect(ris.components(separatedBy: "\r\n").allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
            let bib = try citation(directory, "out/treaties/relos/index.html", "relos.bib")
            #expect(bib.contains("url = {https://example.org/%7Bdesk%7D/treaties/relos/}"), "\(bib)")
        }
    }

    @Test("without base_url a citation has no address and no access date; citations: false offers none")
    func citationsWithoutAddress() async throws {
        try await withTemporaryDirectory { directory in
            try writeSite(in: directory, baseURL: false)
            #expect(await build(directory).succeeded)
            let ris = try citation(directory, "out/analyses/plain/index.html", "plain.ris")
            #expect(!ris.contains("UR  -") && !ris.contains("Y2  -"))
            #expect(ris.contains("AU  - A Writer\r\n"))
            try directory.write("site/Content/site.yaml", "title: Desk\ncitations: false\n")
            #expect(await build(directory).succeeded)
            #expect(!(try directory.read("out/analyses/plain/index.html")).contains("Cite this"))
        }
    }
}
