import Foundation
import Testing
@testable import EntenteKit

/// Inputs the fuzzers (`scripts/fuzz`) found, kept so that the bug they showed stays fixed.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// FuzzReferences: a body with lone CR line breaks (old Mac files) put a link's diagnostic at line 187 of a
    /// 96-line text by LF count: cmark counts a lone CR as a line break, the front-matter split did not, and a
    /// CR-only analysis had "no front matter" at all. The loader now turns CRLF and CR into LF.
    @Test("lone CR line breaks count as lines everywhere, and a CR-only analysis loads")
    func loneCarriageReturns() async throws {
        try await withTemporaryDirectory { dir in
            try dir.write("Content/site.yaml", "title: T\r")
            try dir.write("Content/actors/india.yaml", "name: India\r")
            try dir.write("Content/analyses/a.md",
                          "---\rtitle: A\rdate: \"2024\"\r---\rFirst.\r\rSecond, with [a link](actor:inida).\r")
            let (content, loadDiagnostics) = await SiteLoader(siteDirectory: dir.path).load()
            #expect(loadDiagnostics.isEmpty, "\(loadDiagnostics)")
            let site = try resolvedSite(try #require(content))
            let analysis = try #require(site.analyses.first)
            let rendered = MarkdownRenderer(site: site, links: SiteLinks(pretty: false)).render(analysis.body, root: "../../")
            try #require(rendered.diagnostics.count == 1)
            #expect(rendered.diagnostics[0].location.line == 7)
            #expect(rendered.diagnostics[0].message == "unknown actor 'inida'")
        }
    }

    @Test("line endings are normalized without touching anything else", arguments: [
        ("a\r\nb\rc\n", "a\nb\nc\n"), ("no breaks", "no breaks"), ("\r\r\n\n", "\n\n\n"), ("é\rß", "é\nß"),
    ])
    func normalizingLineEndings(_ input: String, _ expected: String) {
        #expect(SiteLoader.normalizingLineEndings(input) == expected)
    }
}
