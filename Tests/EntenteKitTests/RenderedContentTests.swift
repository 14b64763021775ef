import Testing
@testable import EntenteMarkdown
@testable import EntenteModel
@testable import EntentePages
@testable import EntenteResolving

@Suite("RenderedContent")
struct RenderedContentTests {
    /// Seven analyses that mention actors, link to each other and one with a broken link, so that HTML,
    /// mentions and diagnostics all have something to compare.
    static func site() throws -> ResolvedSite {
        let analyses = (1...7).map { number in
            makeAnalysis("note-\(number)", "Note \(number)", date: "2024-07-\(10 + number)",
                         body: "India and **Russia** talk, number \(number). See [the next](analysis:note-\(number % 7 + 1))"
                             + (number == 4 ? " and [a gap](actor:atlantis)." : "."))
        }
        let (site, _) = SiteResolver.resolve(SiteContent(
            config: SiteConfig(title: "Test"),
            actors: [makeActor("india", "India"), makeActor("russia", "Russia")],
            treaties: [], analyses: analyses))
        return site
    }

    @Test("A one-off build's texts, taken out of the site and freed batch by batch, render as the site's own do, and each analysis's HTML is handed out once")
    func takenBodiesRenderTheSame() async throws {
        let site = try Self.site()
        let renderer = MarkdownRenderer(site: site, links: SiteLinks(pretty: false))
        var none: [MarkdownText]? = nil
        let kept = await RenderedContent.render(site: site, renderer: renderer, analysisBodies: &none)

        var emptied = site
        var bodies: [MarkdownText]? = emptied.takeAnalysisBodies()
        #expect(bodies?.map(\.source) == site.analyses.map(\.body.source))
        #expect(emptied.analyses.allSatisfy { $0.body.source.isEmpty })
        #expect(emptied.analysesByID.values.allSatisfy { $0.body.source.isEmpty })
        #expect(emptied.analyses.map(\.body.origin) == site.analyses.map(\.body.origin))
        // A batch of 3 over 7 analyses: two full batches and a short one.
        let taken = await RenderedContent.render(site: emptied, renderer: renderer, analysisBodies: &bodies, batchSize: 3)

        #expect(bodies?.count == 7)
        #expect(bodies?.allSatisfy { $0.source.isEmpty } == true)
        for analysis in site.analyses {
            let key = EntityKey.analysis(analysis.id)
            let html = taken.html(for: key)
            #expect(html != nil)
            #expect(html == kept.html(for: key))
            #expect(html?.contains("India") == true)
            // Handed out once, to the analysis's page, and freed: a one-off build holds none of it after.
            #expect(taken.html(for: key) == nil)
            // A build that keeps its content for rebuilds hands the same HTML out every time.
            #expect(kept.html(for: key) == html)
            #expect(taken.mentions(of: analysis.id) == kept.mentions(of: analysis.id))
        }
        #expect(!kept.diagnostics.isEmpty)
        #expect(taken.diagnostics == kept.diagnostics)
    }
}
