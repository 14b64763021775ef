import Foundation
import Testing
@testable import EntenteLoading
@testable import EntenteMarkdown
@testable import EntenteModel
@testable import EntenteResolving

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

    @Test("the input FuzzReferences found: every diagnostic of the analysis points at a line of its file")
    func fuzzReferencesInput() async throws {
        let url = try #require(Bundle.module.url(forResource: "references-lone-cr", withExtension: "md",
                                                 subdirectory: "Fixtures/fuzz"))
        // The fuzzer read the bytes as `String(decoding:)` does, replacing what is not UTF-8; its NUL bytes,
        // which the loader refuses, become spaces so that the file loads.
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
        try await withTemporaryDirectory { dir in
            try dir.write("Content/site.yaml", "title: T\n")
            try dir.write("Content/analyses/found.md", text)
            let (content, loadDiagnostics) = await SiteLoader(siteDirectory: dir.path).load()
            let analysis = try #require(content?.analyses.first, "\(loadDiagnostics)")
            let site = SiteResolver.resolve(try #require(content)).site
            let rendered = MarkdownRenderer(site: site, links: SiteLinks(pretty: false)).render(analysis.body, root: "../../")
            let lines = SiteLoader.normalizingLineEndings(text).split(
                separator: "\n", omittingEmptySubsequences: false).count
            #expect(!rendered.diagnostics.isEmpty, "the input links to actors this site lacks")
            for diagnostic in rendered.diagnostics + loadDiagnostics {
                #expect((1...lines).contains(diagnostic.location.line), "\(diagnostic) in a \(lines)-line file")
            }
        }
    }

    @Test("line endings are normalized without touching anything else", arguments: [
        ("a\r\nb\rc\n", "a\nb\nc\n"), ("no breaks", "no breaks"), ("\r\r\n\n", "\n\n\n"), ("é\rß", "é\nß"),
    ])
    func normalizingLineEndings(_ input: String, _ expected: String) {
        #expect(SiteLoader.normalizingLineEndings(input) == expected)
    }
}
