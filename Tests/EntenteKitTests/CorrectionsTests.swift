import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteLoading
@testable import EntenteModel

/// `updated` and `corrections` on analyses: read and checked, shown under the title, and in the feed's `updated`.
@Suite("Updates and corrections")
struct CorrectionsTests {
    private static let analysis = """
        ---
        title: Revised
        date: "2024-07-31"
        updated: "2024-08-05"
        corrections:
          - {date: "2024-08-05", note: "Second <fix> & more."}
          - {date: "2024-08-02", note: "First fix."}
        ---
        Body.
        """

    @Test("read, oldest correction first; shown under the title, escaped; the feed entry takes the latest date")
    func shown() async throws {
        try await withTemporaryDirectory { directory in
            try directory.write("site/Content/site.yaml", "title: T\nbase_url: https://example.org/\n")
            try directory.write("site/Content/analyses/revised.md", Self.analysis)
            let (content, diagnostics) = await SiteLoader(siteDirectory: directory.path("site")).load()
            #expect(diagnostics.isEmpty)
            let loaded = try #require(content?.analyses.first)
            #expect(loaded.updated == PartialDate(parsing: "2024-08-05"))
            #expect(loaded.corrections.map(\.note) == ["First fix.", "Second <fix> & more."])
            #expect(loaded.lastChanged == PartialDate(parsing: "2024-08-05"))

            let report = await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out"))).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            let page = try String(contentsOfFile: directory.path("out/analyses/revised/index.html"), encoding: .utf8)
            #expect(page.contains(#"<meta property="article:modified_time" content="2024-08-05">"#))
            #expect(page.contains("updated <time datetime=\"2024-08-05\""))
            #expect(page.contains("<strong>Correction</strong>, <time datetime=\"2024-08-02\""))
            #expect(page.contains(": Second &lt;fix&gt; &amp; more.</p>"))
            #expect(page.components(separatedBy: "class=\"corrections\"").count == 2, "one box for all corrections")
            let feed = try String(contentsOfFile: directory.path("out/feed.xml"), encoding: .utf8)
            #expect(feed.contains("<updated>2024-08-05T00:00:00Z</updated>"))
        }
    }

    @Test("an update or correction before the analysis's date, and a correction without its note, are errors")
    func checked() async throws {
        try await withTemporaryDirectory { directory in
            try directory.write("Content/site.yaml", "title: T\n")
            try directory.write("Content/analyses/bad.md", """
                ---
                title: Bad
                date: "2024-07-31"
                updated: "2024-07-30"
                corrections:
                  - {date: "2024-06", note: "Too early."}
                  - {date: "2024-08-01"}
                ---
                Body.
                """)
            let (_, diagnostics) = await SiteLoader(siteDirectory: directory.path).load()
            #expect(diagnostics.map(\.message).sorted() == [
                "'updated' (2024-07-30) is before the analysis's date (2024-07-31)",
                "a correction (2024-06) cannot be earlier than the analysis (2024-07-31)",
                "missing required field 'note'",
            ])
            #expect(diagnostics.allSatisfy { $0.severity == .error })
        }
    }
}
