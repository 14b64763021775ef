import Testing
@testable import EntenteMarkdown
@testable import EntenteModel
@testable import EntentePages
@testable import EntenteResolving
import EntenteSupport

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

    @Test("A rebuild's content keeps the analyses' Markdown and HTML in its spill, hands out the same HTML, and renders a set-aside text again when the names change")
    func spilledTextsRenderTheSame() async throws {
        let site = try Self.site()
        let renderer = MarkdownRenderer(site: site, links: SiteLinks(pretty: false))
        var none: [MarkdownText]? = nil
        let inMemory = await RenderedContent.render(site: site, renderer: renderer, analysisBodies: &none)
        let spill = try #require(TextSpill())
        let spilled = await RenderedContent.render(site: site, renderer: renderer, analysisBodies: &none, spill: spill)

        var setAside = site
        setAside.setAsideAnalysisBodies { spilled.setAsideBody(of: $0.id) }
        #expect(setAside.analyses.allSatisfy { $0.body.source.isEmpty && $0.body.setAside != nil })
        #expect(setAside.analysesByID.values.allSatisfy { $0.body.source.isEmpty && $0.body.setAside != nil })
        // Set aside, a text is still equal to itself in memory, and to no other.
        #expect(setAside.analyses.map(\.body) == site.analyses.map(\.body))
        #expect(setAside.analyses[0].body != site.analyses[1].body)
        for analysis in site.analyses {
            let key = EntityKey.analysis(analysis.id)
            #expect(spilled.html(for: key) == inMemory.html(for: key))
            #expect(spilled.plainText(of: key) == inMemory.plainText(of: key))
        }
        #expect(spilled.changedEntities(since: inMemory).isEmpty == false)
        #expect(spilled.changedEntities(since: spilled).isEmpty)

        // The same texts again reuse every output; with another name for India they are read back and rendered again.
        let again = await RenderedContent.render(site: setAside, renderer: renderer, previous: spilled, analysisBodies: &none, spill: spill)
        #expect(again.changedEntities(since: spilled).isEmpty)
        let (other, _) = SiteResolver.resolve(SiteContent(
            config: SiteConfig(title: "Test"), actors: [makeActor("india", "Bharat"), makeActor("russia", "Russia")],
            treaties: [], analyses: setAside.analyses))
        let otherRenderer = MarkdownRenderer(site: other, links: SiteLinks(pretty: false))
        let reread = await RenderedContent.render(site: other, renderer: otherRenderer, previous: again, analysisBodies: &none, spill: spill)
        let fresh = await RenderedContent.render(site: try Self.renamedSite(), renderer: otherRenderer, analysisBodies: &none)
        for analysis in site.analyses {
            let key = EntityKey.analysis(analysis.id)
            #expect(reread.html(for: key) == fresh.html(for: key))
            #expect(reread.mentions(of: analysis.id) == fresh.mentions(of: analysis.id))
        }
        #expect(reread.diagnostics == fresh.diagnostics)
    }

    @Test("After a rename, only the analyses whose text may name the old or the new name are rendered again, and all come out as a fresh render does")
    func renameRendersOnlyTextsThatMayNameIt() async throws {
        func site(india: String) -> ResolvedSite {
            SiteResolver.resolve(SiteContent(
                config: SiteConfig(title: "Test"), actors: [makeActor("india", india), makeActor("russia", "Russia")],
                treaties: [], analyses: [
                    makeAnalysis("old-name", "Old", body: "India and Russia talk."),
                    makeAnalysis("new-name", "New", body: "Bharat talks to Russia."),
                    makeAnalysis("neither", "Neither", body: "Russia talks alone."),
                    // `&#73;` is an I: a name may be written with character references.
                    makeAnalysis("reference", "Reference", body: "&#73;ndia, written oddly."),
                    makeAnalysis("lowercase", "Lowercase", body: "india in lower case is no mention."),
                ])).0
        }
        var none: [MarkdownText]? = nil
        let spill = try #require(TextSpill())
        let before = site(india: "India"), after = site(india: "Bharat")
        let first = await RenderedContent.render(site: before, renderer: MarkdownRenderer(site: before, links: SiteLinks(pretty: false)),
                                                 analysisBodies: &none, spill: spill)
        var setAside = after
        setAside.setAsideAnalysisBodies { first.setAsideBody(of: $0.id) }
        let renderer = MarkdownRenderer(site: after, links: SiteLinks(pretty: false))
        let rebuilt = await RenderedContent.render(site: setAside, renderer: renderer, previous: first, analysisBodies: &none, spill: spill)
        let fresh = await RenderedContent.render(site: after, renderer: renderer, analysisBodies: &none)
        // "old-name", "new-name" and "reference" (an `&`); not "neither", nor "lowercase" (names are case-sensitive).
        #expect(rebuilt.entitiesRendered == 3)
        for analysis in after.analyses {
            #expect(rebuilt.html(for: .analysis(analysis.id)) == fresh.html(for: .analysis(analysis.id)))
            #expect(rebuilt.mentions(of: analysis.id) == fresh.mentions(of: analysis.id))
        }
        #expect(rebuilt.mentions(of: AnalysisID("new-name")!) == [.actor(ActorID("india")!), .actor(ActorID("russia")!)])
        #expect(rebuilt.mentions(of: AnalysisID("old-name")!) == [.actor(ActorID("russia")!)])
        // The reference was a mention of India, and is none of Bharat.
        #expect(rebuilt.changedEntities(since: first) == Set(["old-name", "new-name", "reference"].map { .analysis(AnalysisID($0)!) }))
        // The same names again: nothing is rendered.
        let again = await RenderedContent.render(site: setAside, renderer: renderer, previous: rebuilt, analysisBodies: &none, spill: spill)
        #expect(again.entitiesRendered == 0)
    }

    /// `site()` with India called Bharat.
    static func renamedSite() throws -> ResolvedSite {
        let site = try Self.site()
        return SiteResolver.resolve(SiteContent(
            config: SiteConfig(title: "Test"), actors: [makeActor("india", "Bharat"), makeActor("russia", "Russia")],
            treaties: [], analyses: site.analyses)).0
    }
}

@Suite("TextSpill")
struct TextSpillTests {
    @Test("keeps each text once, reads every one back, and gives equal texts the same place")
    func storesOnce() throws {
        let spill = try #require(TextSpill())
        let texts = ["", "India and Russia", "Ελλάδα και Κύπρος 🇬🇷", String(repeating: "long line\n", count: 10_000),
                     "India and Russiб"]
        let slices = try texts.map { try #require(spill.store($0)) }
        for (text, slice) in zip(texts, slices) { #expect(spill.text(at: slice) == text) }
        #expect(Set(slices).count == texts.count)
        #expect(spill.store("India and Russia") == slices[1])
        #expect(spill.store(String(repeating: "long line\n", count: 10_000)) == slices[3])
        // Stored once: a new text goes after the last one, not after copies of the old.
        let next = try #require(spill.store("Pakistan"))
        #expect(next.offset == slices.map { $0.offset + $0.length }.max())
    }

    @Test("lends the bytes of every text stored, read or mapped, and none of a text stored after the mapping")
    func lendsBytes() throws {
        let spill = try #require(TextSpill())
        let texts = ["Ελλάδα και Κύπρος 🇬🇷", "", String(repeating: "long line\n", count: 10_000), "India & Russia"]
        let slices = try texts.map { try #require(spill.store($0)) }
        for (text, slice) in zip(texts, slices) {
            #expect(spill.withBytes(at: slice) { Array($0) } == Array(text.utf8))
        }
        let mapped = spill.withStoredTexts { stored in slices.map { stored.bytes(at: $0).map(Array.init) } }
        #expect(mapped == texts.map { Array($0.utf8) })
        let later = try #require(spill.withStoredTexts { stored in spill.store("stored after").map { (stored.bytes(at: $0), $0) } } ?? nil)
        #expect(later.0 == nil)
        #expect(spill.withBytes(at: later.1) { Array($0) } == Array("stored after".utf8))
    }
}
