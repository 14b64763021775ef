import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteModel

/// Bounded pages: an actor's, agreement's or pair's page lists the latest 20 analyses and links to the whole list;
/// long lists are cut into pages of 50.
@Suite("Pagination")
struct PaginationTests {
    /// 55 analyses about two actors and their treaty, all tagged "t", newest numbered 55.
    private func writeSite(in directory: TemporaryDirectory) throws {
        try directory.write("site/Content/site.yaml", "title: T\n")
        try directory.write("site/Content/actors/a.yaml", "name: A\n")
        try directory.write("site/Content/actors/b.yaml", "name: B\n")
        try directory.write("site/Content/treaties/t.yaml", """
            name: The Treaty
            parties: [a, b]
            events:
              - {date: "2001-01-01", type: signed}
            """)
        for n in 1...55 {
            let day = String(format: "2020-%02d-%02d", (n - 1) / 28 + 1, (n - 1) % 28 + 1)
            try directory.write(String(format: "site/Content/analyses/note-%02d.md", n), """
                ---
                title: "Note \(n)"
                date: "\(day)"
                actors: [a, b]
                treaties: [t]
                tags: [t]
                ---
                Text \(n).
                """)
        }
    }

    @Test("entity and pair pages list 20 and link to the whole list; the lists have pages of 50 with links between them")
    func pages() async throws {
        try await withTemporaryDirectory { directory in
            try writeSite(in: directory)
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out"))).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            func items(_ path: String) throws -> Int { try directory.read("out/" + path).components(separatedBy: "<li class=\"item").count - 1 }

            for (page, list) in [("actors/a", "actors/a/analyses"), ("treaties/t", "treaties/t/analyses"),
                                 ("actors/a/with/b", "actors/a/with/b/analyses")] {
                let text = try directory.read("out/\(page)/index.html")
                #expect(try items("\(page)/index.html") == 20, "\(page)")
                #expect(text.contains("Note 55") && !text.contains("Note 35<"), "the latest 20: \(page)")
                #expect(text.contains(">All 55 analyses</a>"), "\(page)")
                #expect(try items("\(list)/index.html") == 50 && (try items("\(list)/page/2/index.html")) == 5, "\(list)")
                #expect(try directory.read("out/\(list)/page/2/index.html").contains("Note 1<"), "the oldest on the last page")
            }
            // The site's list and the tag's: the first page is the usual one, the rest under page/.
            #expect(try items("analyses/index.html") == 50 && (try items("analyses/page/2/index.html")) == 5)
            #expect(try items("tags/t/index.html") == 50 && (try items("tags/t/page/2/index.html")) == 5)
            let second = try directory.read("out/analyses/page/2/index.html")
            #expect(second.contains(#"<a href="../../../analyses/index.html" rel="prev">Newer</a>"#))
            #expect(second.contains(#"<strong aria-current="page">2</strong>"#) && !second.contains("rel=\"next\""))
            #expect(!directory.exists("out/analyses/page/3"))
        }
    }

    @Test("'page' cannot be an analysis id: its folder holds the list's further pages")
    func reservedID() async throws {
        try await withTemporaryDirectory { directory in
            try directory.write("site/Content/site.yaml", "title: T\n")
            try directory.write("site/Content/analyses/page.md", "---\ntitle: P\ndate: \"2020-01-01\"\n---\nText.\n")
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out"))).build()
            #expect(!report.succeeded)
            #expect(report.diagnostics.contains { $0.message.contains("'page' cannot be an analysis id") && $0.suggestion?.contains("page-1.md") == true },
                    "\(report.diagnostics)")
        }
    }
}
