import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteModel

/// Bugs found while writing the layer tests, each pinned by the input that showed it.
@Suite("Regressions")
struct RegressionTests {
    private func build(_ files: [String: String], in directory: TemporaryDirectory) async throws -> BuildReport {
        try directory.write("site/Content/site.yaml", "title: Test\n")
        for (path, text) in files { try directory.write("site/Content/" + path, text) }
        return await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"),
                                                       outputDirectory: directory.path("out"))).build()
    }

    @Test("a link to a draft that is left out is an error naming the draft, not a broken link")
    func linkToExcludedDraft() async throws {
        try await withTemporaryDirectory { directory in
            let report = try await build([
                "analyses/wip.md": "---\ntitle: WIP\ndate: 2024\ndraft: true\n---\nSoon.\n",
                "analyses/pub.md": "---\ntitle: Pub\ndate: 2024\n---\nSee [the draft](analysis:wip).\n",
            ], in: directory)
            #expect(!report.succeeded)
            let error = try #require(report.diagnostics.first { $0.severity == .error })
            #expect(error.message.contains("'wip' is a draft"))
            #expect(error.location.file.hasSuffix("analyses/pub.md"))
            #expect(error.location.line == 5)
            #expect(!directory.exists("out/analyses/pub/index.html"))
        }
    }

    @Test("problems in block-scalar provisions and summaries point at their own file line and column",
          arguments: [">-", "|", ">"])
    func blockScalarLines(_ indicator: String) async throws {
        try await withTemporaryDirectory { directory in
            let report = try await build([
                "actors/india.yaml": "name: India\n",
                "treaties/p.yaml": """
                    name: P
                    parties: [india]
                    provisions:
                      - \(indicator)
                        First line of text
                        See [x](actor:inida).
                    summary: \(indicator)
                      line a
                      line b
                      [x](actor:indai)
                    """,
            ], in: directory)
            let errors = report.diagnostics.filter { $0.severity == .error }.sorted()
            try #require(errors.count == 2, "\(errors)")
            #expect(errors[0].location.line == 6)
            #expect(errors[0].location.column == 9)
            #expect(errors[1].location.line == 10)
            #expect(errors[1].location.column == 3)
        }
    }

    @Test("a problem inside a quoted scalar points at its column, not at the quote")
    func quotedScalarColumn() async throws {
        try await withTemporaryDirectory { directory in
            let report = try await build([
                "actors/india.yaml": "name: India\nsummary: \"See [x](actor:inida).\"\n",
            ], in: directory)
            let error = try #require(report.diagnostics.first { $0.severity == .error })
            #expect(error.location.line == 2)
            #expect(error.location.column == 15)  // `summary: "See ` is 14 characters: the link starts at 15
        }
    }

    @Test("slugs are always valid ids", arguments: [
        String(repeating: "a", count: 119) + " b", "CON", "nul", "  Belt & Road  ", "--x--",
    ])
    func slugIsValid(_ text: String) {
        let slug = ActorID.slug(from: text)
        #expect(ActorID(slug) != nil, "'\(slug)' from '\(text)'")
    }

    @Test("an event's source number counts sources as written, even when one is rejected")
    func sourceNumbersCountRejectedSources() async throws {
        try await withTemporaryDirectory { directory in
            let report = try await build([
                "actors/india.yaml": "name: India\n",
                "treaties/t.yaml": """
                    name: T
                    parties: [india]
                    events: [{date: "2024", type: signed, source: good}]
                    sources:
                      - {id: bad, title: Bad, url: "javascript:alert(1)"}
                      - {id: good, title: Good, url: "https://example.org/"}
                    """,
            ], in: directory)
            let errors = report.diagnostics.filter { $0.severity == .error }
            #expect(errors.count == 1)
            #expect(errors.first?.message.contains("source url") == true)
        }
    }
}
