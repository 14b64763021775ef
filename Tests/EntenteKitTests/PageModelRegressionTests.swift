import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteModel
@testable import EntentePages

/// Bugs that the dynamic context of the former template engine hid: a name missing from an inner value was
/// looked up in the enclosing one, and any number, zero included, opened a section.
@Suite("Page model regressions")
struct PageModelRegressionTests {
    /// A treaty signed on a known day, with one dated and one undated source, and fewer agreements sharing its
    /// parties than a page lists.
    private func buildTreatyPage() async throws -> String {
        try await withTemporaryDirectory { dir in
            try dir.write("Content/site.yaml", "title: T\n")
            try dir.write("Content/actors/alpha.yaml", "name: Alpha\nkind: state\n")
            try dir.write("Content/actors/beta.yaml", "name: Beta\nkind: state\n")
            try dir.write("Content/treaties/pact.yaml", """
                name: Alpha–Beta Pact
                instrument: treaty
                kind: defence-pact
                parties:
                  - actor: alpha
                  - actor: beta
                events:
                  - date: "2000-02-09"
                    type: signed
                    source: undated
                sources:
                  - id: dated
                    title: Dated source
                    url: https://example.org/dated
                    date: "2024-12-05"
                  - id: undated
                    title: Undated source
                    url: https://example.org/undated
                """)
            try dir.write("Content/treaties/other.yaml", """
                name: Alpha–Beta Accord
                instrument: agreement
                parties:
                  - actor: alpha
                  - actor: beta
                """)
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: dir.path, outputDirectory: dir.path("out"))).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            return try dir.read("out/treaties/pact/index.html")
        }
    }

    @Test("a source without a date shows no date, not the treaty's")
    func undatedSourceShowsNoDate() async throws {
        let page = try await buildTreatyPage()
        let sources = try #require(page.range(of: #"<ol class="sources">"#).map { String(page[$0.lowerBound...]) })
        let undated = try #require(sources.components(separatedBy: "<li").first { $0.contains("Undated source") })
        #expect(!undated.contains("<time"), "\(undated)")
        #expect(!undated.contains("2000"))
        let dated = try #require(sources.components(separatedBy: "<li").first { $0.contains("Dated source") })
        #expect(dated.contains(#"<time datetime="2024-12-05">5 Dec 2024</time>"#))
    }

    @Test("a treaty page says 'and N more' only when there are more")
    func noAndZeroMore() async throws {
        let page = try await buildTreatyPage()
        #expect(page.contains("Alpha–Beta Accord"), "the other agreement is listed as sharing parties")
        #expect(!page.contains("and 0 more"))
        #expect(!page.contains("more: see each party"))
    }
}
