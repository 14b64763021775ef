import Testing
@testable import EntenteImporting
@testable import EntenteLoading
@testable import EntenteMarkdown
@testable import EntenteModel
@testable import EntentePages
@testable import EntentePictures
@testable import EntenteResolving

@Suite("MarkdownRenderer")
struct MarkdownRendererTests {
    static func site(autolinkMentions: Bool = true, unsafeHTML: Bool = false, prettyLinks: Bool = false) throws -> ResolvedSite {
        try resolvedSite(SiteContent(
            config: SiteConfig(title: "Test", autolinkMentions: autolinkMentions, unsafeHTML: unsafeHTML, prettyLinks: prettyLinks),
            actors: [
                makeActor("india", "India", aliases: ["Republic of India"]),
                makeActor("china", "China"),
                makeActor("russia", "Russia", aliases: ["Russian Federation"]),
                makeActor("north-korea", "North Korea", short: "DPRK"),
            ],
            treaties: [
                makeTreaty("relos", "Reciprocal Exchange of Logistics Agreement", short: "RELOS",
                           parties: [party("india"), party("russia")]),
            ],
            analyses: [makeAnalysis("first-look", "A First Look")]))
    }

    private let origin = Location(file: "Content/analyses/first-look.md", line: 10, column: 0)

    private func render(_ source: String, detectMentions: Bool = true, owner: EntityKey? = nil, root: String = "../../",
                        autolinkMentions: Bool = true, unsafeHTML: Bool = false, prettyLinks: Bool = false)
        throws -> RenderedMarkdown {
        let site = try Self.site(autolinkMentions: autolinkMentions, unsafeHTML: unsafeHTML, prettyLinks: prettyLinks)
        let renderer = MarkdownRenderer(site: site, links: SiteLinks(pretty: prettyLinks))
        return renderer.render(MarkdownText(source, origin: origin), root: root, detectMentions: detectMentions, owner: owner)
    }

    private func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    private let indiaHref = #"href="../../actors/india/index.html""#

    // MARK: Reference links

    @Test func actorLinkBecomesRelativePageLink() throws {
        let rendered = try render("See [the state](actor:india).", detectMentions: false)
        #expect(rendered.html == "<p>See <a href=\"../../actors/india/index.html\">the state</a>.</p>\n")
        #expect(rendered.diagnostics.isEmpty)
        #expect(rendered.mentions == [.actor(actorID("india"))])
    }

    @Test func linksFollowTheRootAndPrettySetting() throws {
        #expect(try render("[x](treaty:relos)", root: "").html.contains(#"href="treaties/relos/index.html""#))
        #expect(try render("[x](treaty:relos)", root: "../").html.contains(#"href="../treaties/relos/index.html""#))
        #expect(try render("[x](analysis:first-look)", prettyLinks: true).html.contains(#"href="../../analyses/first-look/""#))
    }

    @Test("an image without alt text is a warning at its line and column; one with alt text is not")
    func imageWithoutAltText() throws {
        let rendered = try render("Intro.\n\nThe ports: ![](ports.png) and ![The ports of Vladivostok](ports2.png).\n")
        #expect(rendered.diagnostics.count == 1)
        let warning = try #require(rendered.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "an image without alt text")
        #expect((warning.location.line, warning.location.column) == (12, 12))
        #expect(rendered.html.contains(#"<img src="ports.png" alt="" />"#))
    }

    @Test func fragmentIsKept() throws {
        let rendered = try render("[Article 4](treaty:relos#art-4)")
        #expect(rendered.html.contains(#"href="../../treaties/relos/index.html#art-4""#))
        #expect(rendered.diagnostics.isEmpty)
    }

    @Test func unknownActorIsAnErrorAtItsLine() throws {
        let rendered = try render("First paragraph.\n\nSee [the state](actor:inida) here.")
        let diagnostic = try #require(rendered.diagnostics.first)
        #expect(rendered.diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "unknown actor 'inida'")
        #expect(diagnostic.suggestion == "did you mean 'india'?")
        #expect(diagnostic.location.file == origin.file)
        #expect(diagnostic.location.line == 12, "body starts on line 10, the link is on its third line")
        #expect(diagnostic.location.column == 5)
        #expect(rendered.html.contains(##"<a href="#">the state</a>"##))
        #expect(!rendered.html.contains("inida"))
    }

    @Test func unknownReferenceOnALaterLineOfAParagraph() throws {
        let rendered = try render("One line,\nanother line,\nthen [x](treaty:relox).")
        let diagnostic = try #require(rendered.diagnostics.first)
        #expect(diagnostic.message == "unknown treaty 'relox'")
        #expect(diagnostic.suggestion == "did you mean 'relos'?")
        #expect(diagnostic.location.line == 12)
    }

    @Test func unknownReferenceInsideAList() throws {
        let rendered = try render("- one\n- two\n\n  more [x](analysis:frist-look)")
        let diagnostic = try #require(rendered.diagnostics.first)
        #expect(diagnostic.message == "unknown analysis 'frist-look'")
        #expect(diagnostic.suggestion == "did you mean 'first-look'?")
        #expect(diagnostic.location.line == 13)
    }

    @Test func referenceInFirstLineOfAnIndentedOriginAddsColumns() {
        let text = MarkdownText("x", origin: Location(file: "f.yaml", line: 4, column: 10))
        #expect(text.location(line: 1, column: 3) == Location(file: "f.yaml", line: 4, column: 12))
        #expect(text.location(line: 2, column: 3) == Location(file: "f.yaml", line: 5, column: 3))
    }

    @Test func pluralSchemeSuggestsSingular() throws {
        let rendered = try render("[x](actors:india) and [y](treaties:relos)")
        #expect(rendered.diagnostics.count == 2)
        let actor = try #require(rendered.diagnostics.first { $0.message.contains("actors:") })
        #expect(actor.severity == .error)
        #expect(actor.message == "unknown link scheme 'actors:' in 'actors:india'")
        #expect(actor.suggestion == "did you mean 'actor:india'?")
        #expect(actor.location.line == 10)
        #expect(rendered.diagnostics.contains { $0.suggestion == "did you mean 'treaty:relos'?" })
    }

    @Test func invalidIDInReferenceIsReported() throws {
        let rendered = try render("[x](actor:India)")
        #expect(rendered.diagnostics.count == 1)
        #expect(rendered.diagnostics.first?.message == "unknown actor 'India'")
    }

    @Test func ordinaryLinksAreLeftAlone() throws {
        let rendered = try render("[site](https://example.org/a?b=1) and [rel](../other.html) and [mail](mailto:x@example.org)")
        #expect(rendered.diagnostics.isEmpty)
        #expect(rendered.html.contains(#"href="https://example.org/a?b=1""#))
        #expect(rendered.html.contains(#"href="../other.html""#))
        #expect(rendered.html.contains(#"href="mailto:x@example.org""#))
    }

    // MARK: Mentions

    @Test func autolinksOnlyTheFirstPlainMention() throws {
        let rendered = try render("India and India again. India.")
        #expect(occurrences(of: indiaHref, in: rendered.html) == 1)
        #expect(rendered.html.hasPrefix(#"<p><a href="../../actors/india/index.html">India</a> and India again."#))
        #expect(rendered.mentions == [.actor(actorID("india"))])
    }

    @Test func explicitLinkCountsAsTheFirstLink() throws {
        let rendered = try render("[Delhi](actor:india) and India.")
        #expect(occurrences(of: indiaHref, in: rendered.html) == 1)
        #expect(rendered.html.contains(#">Delhi</a> and India.</p>"#))
    }

    @Test func notInsideCodeSpans() throws {
        let rendered = try render("`India` then India.")
        #expect(rendered.html == "<p><code>India</code> then <a href=\"../../actors/india/index.html\">India</a>.</p>\n")
    }

    @Test func notInsideCodeBlocks() throws {
        let rendered = try render("```\nIndia\n```\n\n    Russia indented\n")
        #expect(!rendered.html.contains("<a "))
        #expect(rendered.html.contains("India"))
        #expect(rendered.mentions.isEmpty)
    }

    @Test func notInsideHeadings() throws {
        let rendered = try render("## India\n\nText about China.")
        #expect(rendered.html.contains("<h2>India</h2>"))
        #expect(occurrences(of: "<a ", in: rendered.html) == 1)
        #expect(rendered.html.contains(#"<a href="../../actors/china/index.html">China</a>"#))
    }

    @Test func notInsideExistingLinks() throws {
        let rendered = try render("[India today](https://example.org/india) and ![China map](map.png)")
        #expect(occurrences(of: "<a ", in: rendered.html) == 1)
        #expect(!rendered.html.contains("actors/"))
    }

    @Test func mentionsListExplicitAndDetectedInOrder() throws {
        let rendered = try render("China first, then [x](actor:india), then the Russian Federation and the RELOS; China again.")
        #expect(rendered.mentions == [.actor(actorID("china")), .actor(actorID("india")), .actor(actorID("russia")),
                                      .treaty(treatyID("relos"))])
        #expect(rendered.html.contains(#"<a href="../../actors/russia/index.html">Russian Federation</a>"#))
        #expect(rendered.html.contains(#"<a href="../../treaties/relos/index.html">RELOS</a>"#))
    }

    @Test func mentionsInEmphasisAndListsAreLinked() throws {
        let rendered = try render("- *North Korea* signed\n- with DPRK")
        #expect(rendered.html.contains(#"<em><a href="../../actors/north-korea/index.html">North Korea</a></em>"#))
        #expect(occurrences(of: "actors/north-korea/", in: rendered.html) == 1)
    }

    @Test func ownerIsNeverLinkedOrMentioned() throws {
        let rendered = try render("India and China.", owner: .actor(actorID("india")))
        #expect(!rendered.html.contains("actors/india"))
        #expect(rendered.html.contains("actors/china"))
        #expect(rendered.mentions == [.actor(actorID("china"))])
    }

    @Test func noDetectionUnlessAsked() throws {
        let rendered = try render("India and [x](actor:china).", detectMentions: false)
        #expect(!rendered.html.contains("actors/india"))
        #expect(rendered.mentions == [.actor(actorID("china"))])
    }

    @Test func noDetectionWhenTheSiteTurnsItOff() throws {
        let rendered = try render("India and China.", autolinkMentions: false)
        #expect(!rendered.html.contains("<a "))
        #expect(rendered.mentions.isEmpty)
    }

    @Test func mentionsKeepSurroundingTextAndEscaping() throws {
        let rendered = try render("Before <b> & India & after")
        #expect(rendered.html == "<p>Before &lt;b&gt; &amp; <a href=\"../../actors/india/index.html\">India</a> &amp; after</p>\n"
                || rendered.html.contains(#"&amp; <a href="../../actors/india/index.html">India</a> &amp; after"#))
        #expect(!rendered.html.contains("<b>"))
    }

    @Test func nonASCIITextAroundMentions() throws {
        let rendered = try render("Ça va — India, déjà vu.")
        #expect(rendered.html == "<p>Ça va — <a href=\"../../actors/india/index.html\">India</a>, déjà vu.</p>\n")
    }

    // MARK: Safety

    @Test func rawHTMLIsNotPassedThrough() throws {
        let rendered = try render("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> here.")
        #expect(!rendered.html.contains("<script"))
        #expect(!rendered.html.contains("<img"))
        #expect(!rendered.html.contains("onerror=alert"))
    }

    @Test func javascriptLinksAreDropped() throws {
        for source in ["[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](vbscript:msgbox)",
                       "[x](data:text/html;base64,PHNjcmlwdD4=)", "<javascript:alert(1)>", "![i](javascript:alert(1))"] {
            let html = try render(source).html
            #expect(!html.lowercased().contains("href=\"javascript:"), "\(source) → \(html)")
            #expect(!html.lowercased().contains("src=\"javascript:"), "\(source) → \(html)")
            #expect(!html.lowercased().contains("vbscript:"), "\(source) → \(html)")
            #expect(!html.lowercased().contains("href=\"data:"), "\(source) → \(html)")
        }
    }

    @Test func fragmentCannotBreakOutOfTheAttribute() throws {
        let rendered = try render(#"[x](<treaty:relos#a"onmouseover="alert(1)>)"#)
        #expect(!rendered.html.contains(#"" onmouseover"#))
        #expect(!rendered.html.contains(#""onmouseover=""#))
        #expect(rendered.html.contains(#"href="../../treaties/relos/index.html#a"#))
    }

    @Test func unsafeHTMLPassesRawHTML() throws {
        let rendered = try render(#"<div class="note">Hi</div>"# + "\n\nText <kbd>Ctrl</kbd>.", unsafeHTML: true)
        #expect(rendered.html.contains(#"<div class="note">Hi</div>"#))
        #expect(rendered.html.contains("<kbd>Ctrl</kbd>"))
        let safe = try render(#"<div class="note">Hi</div>"#)
        #expect(!safe.html.contains("<div"))
    }

    // MARK: GitHub-flavoured Markdown

    @Test func footnotes() throws {
        let html = try render("Claim.[^1]\n\n[^1]: The source.").html
        #expect(html.contains("footnote-ref"))
        #expect(html.contains(#"class="footnotes""#))
        #expect(html.contains("The source."))
    }

    @Test func tables() throws {
        let html = try render("| Actor | Year |\n|---|---:|\n| India | 2024 |").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>Actor</th>"))
        #expect(html.contains(#"<td align="right">2024</td>"#))
        #expect(html.contains(#"<td><a href="../../actors/india/index.html">India</a></td>"#))
    }

    @Test func strikethrough() throws {
        #expect(try render("~~gone~~ and ~one~").html.contains("<del>gone</del>"))
    }

    @Test func taskLists() throws {
        let html = try render("- [ ] todo\n- [x] done").html
        #expect(occurrences(of: #"type="checkbox""#, in: html) == 2)
        #expect(occurrences(of: "checked", in: html) == 1)
    }

    @Test func bareURLsBecomeLinks() throws {
        let html = try render("Visit https://example.org and www.example.com/x today.").html
        #expect(html.contains(#"<a href="https://example.org">https://example.org</a>"#))
        #expect(html.contains(#"<a href="http://www.example.com/x">www.example.com/x</a>"#))
    }

    @Test func levelOneHeadingsAreDemoted() throws {
        let html = try render("# Title\n\n## Section\n\n###### Deepest").html
        #expect(!html.contains("<h1"))
        #expect(html.contains("<h2>Title</h2>"))
        #expect(html.contains("<h3>Section</h3>"))
        #expect(html.contains("<h6>Deepest</h6>"))
        let setext = try render("Title\n=====\n\nText").html
        #expect(setext.contains("<h2>Title</h2>"))
    }

    @Test func headingsStayWhenThereIsNoLevelOne() throws {
        let html = try render("## Section\n\n### Sub").html
        #expect(html.contains("<h2>Section</h2>"))
        #expect(html.contains("<h3>Sub</h3>"))
    }

    @Test func emptyText() throws {
        let rendered = try render("")
        #expect(rendered.html == "")
        #expect(rendered.mentions.isEmpty)
        #expect(rendered.diagnostics.isEmpty)
    }
}
