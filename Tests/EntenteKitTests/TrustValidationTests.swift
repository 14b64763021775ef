import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteLoading
@testable import EntenteModel
@testable import EntentePages
@testable import EntenteResolving

/// The validations of issue #6 beyond references: dates out of order, a status that contradicts the events,
/// two pages claiming one URL, and template variables that no page provides.
@Suite("Trust validations")
struct TrustValidationTests {
    private let actors = [makeActor("india", "India"), makeActor("russia", "Russia")]

    private func warnings(_ treaty: Treaty) -> [Diagnostic] {
        let diagnostics = SiteResolver.resolve(SiteContent(config: SiteConfig(title: "T"), actors: actors,
                                                           treaties: [treaty], analyses: [])).diagnostics
        #expect(!diagnostics.hasErrors)
        return diagnostics
    }

    // MARK: Dates out of order

    @Test("a party's ratification event before its signature event is a warning at the event")
    func ratificationEventBeforeSignature() throws {
        let diagnostics = warnings(makeTreaty("pact", "Pact", parties: [party("india"), party("russia")], events: [
            event("2024-06-19", .signed, actor: "india", line: 4),
            event("2024-03", .ratified, actor: "india", line: 7),
        ]))
        try #require(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].message == "the 'ratified' event by 'india' (2024-03) is dated before the signature (2024-06-19)")
        #expect(diagnostics[0].location.line == 7)
    }

    @Test("entry into force before the first signature, and a withdrawal before joining, are warnings")
    func otherOrders() {
        let diagnostics = warnings(makeTreaty("pact", "Pact", parties: [
            Treaty.Party(actor: actorRef("india", line: 3), signed: pd("2020-05-01"), withdrawn: pd("2019")),
            party("russia"),
        ], events: [event("2020-05-01", .signed, line: 5), event("2020-04-30", .inForce, line: 6)]))
        #expect(diagnostics.map(\.message).sorted() == [
            "for india, 'withdrawn' (2019) is before 'signed' (2020-05-01)",
            "the 'in-force' event (2020-04-30) is dated before the signature (2020-05-01)",
        ])
    }

    @Test("dates that may be in order, and one party's ratification before another's signature, are fine")
    func notCertainlyOutOfOrder() {
        #expect(warnings(makeTreaty("pact", "Pact", parties: [party("india"), party("russia")], events: [
            event("2024-06-19", .signed, actor: "india"), event("2024", .ratified, actor: "india"),
            event("2024-07", .signed, actor: "russia"), event("2024-06-30", .ratified, actor: "india"),
        ])).isEmpty)
    }

    // MARK: Status against events

    private func treaty(status: TreatyStatus, events: [TreatyEvent], acceded: Bool = false) -> Treaty {
        var treaty = makeTreaty("pact", "Pact", parties: [
            Treaty.Party(actor: actorRef("india"), acceded: acceded ? pd("2001") : nil), party("russia"),
        ], events: events, declaredStatus: status)
        treaty.statusLocation = loc("treaties/pact.yaml", line: 12, column: 9)
        return treaty
    }

    @Test("'in-force' with no signature anywhere is a warning at the status")
    func inForceWithoutSignature() throws {
        let diagnostics = warnings(treaty(status: .inForce, events: [event("2001", .inForce)]))
        try #require(diagnostics.count == 1)
        #expect(diagnostics[0].message == "status 'in-force' but no event or party records a signature")
        #expect(diagnostics[0].location == loc("treaties/pact.yaml", line: 12, column: 9))
        #expect(diagnostics[0].suggestion?.contains("'signed'") == true)
        #expect(warnings(treaty(status: .inForce, events: [event("2000", .signed), event("2001", .inForce)])).isEmpty)
        #expect(warnings(treaty(status: .inForce, events: [], acceded: true)).isEmpty, "accession stands for signature")
    }

    @Test("an active status contradicting a later termination, or 'proposed' for a signed treaty, is a warning")
    func contradictions() {
        #expect(warnings(treaty(status: .inForce, events: [event("2000", .signed), event("2019-08-02", .terminated)]))
            .map(\.message) == ["status 'in-force' contradicts the 'terminated' event (2019-08-02)"])
        #expect(warnings(treaty(status: .proposed, events: [event("2000-03", .signed)]))
            .map(\.message) == ["status 'proposed' but the treaty was signed (2000-03)"])
        // A declared end without an event is allowed: when a treaty lapsed is often not recorded.
        #expect(warnings(treaty(status: .terminated, events: [event("2000", .signed)])).isEmpty)
    }

    @Test("the status warning points at the 'status' line of the file")
    func statusLocationFromFile() async throws {
        try await withTemporaryDirectory { dir in
            try dir.write("Content/site.yaml", "title: T\n")
            try dir.write("Content/actors/india.yaml", "name: India\n")
            try dir.write("Content/treaties/pact.yaml", "name: Pact\nparties: [india]\nkind: other\nstatus: in-force\n")
            let (content, loadDiagnostics) = await SiteLoader(siteDirectory: dir.path).load()
            #expect(loadDiagnostics.isEmpty)
            let diagnostics = SiteResolver.resolve(try #require(content)).diagnostics
            #expect(diagnostics.map(\.description) == [
                dir.path("Content/treaties/pact.yaml") + ":4:9: warning: status 'in-force' but no event or party records a signature; add a 'signed' event or the parties' 'signed' dates, or correct the status",
            ])
        }
    }

    // MARK: Duplicate URLs

    @Test("two spellings of a tag that make one page name are a warning naming the page")
    func tagPageCollision() throws {
        var newer = makeAnalysis("b", "B", date: "2024-08-01", tags: ["Belt & Road"])
        newer.tagsLocation = loc("analyses/b.md", line: 6, column: 7)
        var older = makeAnalysis("a", "A", date: "2024-01-01", tags: ["belt-road", "Belt & Road"])
        older.tagsLocation = loc("analyses/a.md", line: 5, column: 7)
        let diagnostics = SiteResolver.resolve(SiteContent(config: SiteConfig(title: "T"), actors: [], treaties: [],
                                                           analyses: [older, newer])).diagnostics
        try #require(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics[0].message == "the tag 'belt-road' and the tag 'Belt & Road' (in analyses/b.md) both make the page tags/belt-road/; it is titled 'Belt & Road'")
        #expect(diagnostics[0].location.line == 5)
        #expect(diagnostics[0].suggestion == "spell the tag 'Belt & Road' everywhere")
    }

    @Test("no two pages may claim one URL")
    func duplicatePagePaths() {
        let diagnostics = SiteChecker.duplicateURLs(["index.html", "tags/x/index.html", "tags/x/index.html", "tags/x/index.html"],
                                                    output: "Output")
        #expect(diagnostics.map(\.description) == ["Output/tags/x/index.html:1:1: error: two pages claim the URL 'tags/x/index.html'"])
        #expect(SiteChecker.duplicateURLs(["a", "b"], output: "Output").isEmpty)
    }

    @Test("an invalid file name whose fixed form is taken says so, instead of suggesting a clash")
    func invalidStemWhoseSlugIsTaken() async throws {
        try await withTemporaryDirectory { dir in
            try dir.write("Content/site.yaml", "title: T\n")
            try dir.write("Content/actors/india.yaml", "name: India\n")
            try dir.write("Content/actors/India.json", "{\"name\": \"India\"}\n")
            let (_, diagnostics) = await SiteLoader(siteDirectory: dir.path).load()
            try #require(diagnostics.count == 1)
            #expect(diagnostics[0].message.hasPrefix("'India' is not a valid id"))
            #expect(diagnostics[0].suggestion == "'india' is already the id of india.yaml; merge the two files or rename this one")
        }
    }

    // MARK: Template variables

    /// The errors of a site whose `Templates/` holds `templates`, with paths relative to the site.
    private func templateErrors(_ templates: [String: String]) throws -> [Diagnostic] {
        try withTemporaryDirectory { dir in
            for (name, text) in templates { try dir.write("Templates/\(name).mustache", text) }
            let (theme, diagnostics) = Theme.load(siteDirectory: dir.path)
            #expect(theme == nil)
            return diagnostics.map { diagnostic in
                var relative = diagnostic
                relative.location.file = String(diagnostic.location.file.dropFirst(dir.path.count + 1))
                return relative
            }
        }
    }

    @Test("the built-in theme checks against every page's model")
    func builtInThemeIsClean() throws {
        try withTemporaryDirectory { dir in
            let (theme, diagnostics) = Theme.load(siteDirectory: dir.path)
            #expect(theme != nil)
            #expect(diagnostics.isEmpty, "\(diagnostics)")
        }
    }

    @Test("a misspelt variable in a site's template is an error at its line and column, with the name it meant")
    func misspeltVariable() throws {
        let diagnostics = try templateErrors([
            "treaty": "{{<layout}}{{$main}}\n<h1>{{treaty.name}}</h1>\n  <p>{{treaty.nmae}}</p>\n"
                + "{{#treaty.parties}}{{nmae}} {{kind_title}} {{signed.display}}{{/treaty.parties}}\n"
                + "{{#treaty.status}}{{title}} {{ page.title }}{{/treaty.status}}{{{treaty.body}}}{{/main}}{{/layout}}\n",
        ])
        #expect(diagnostics.map(\.description) == [
            "Templates/treaty.mustache:3:6: error: a treaty has no field 'nmae'; did you mean 'name'?",
            "Templates/treaty.mustache:4:20: error: a party has no field 'nmae'; did you mean 'name'?",
        ])
    }

    @Test("the issue's example: a source's misspelt date")
    func misspeltSourceDate() throws {
        let diagnostics = try templateErrors([
            "treaty": "{{<layout}}{{$main}}{{#treaty}}\n<ol>{{#sources}}<li>{{title}}{{#date}}{{display}}{{/date}}</li>\n"
                + "    {{dat}}{{/sources}}</ol>{{/treaty}}{{/main}}{{/layout}}\n",
        ])
        #expect(diagnostics.map(\.description) == [
            "Templates/treaty.mustache:3:5: error: a source has no field 'dat'; did you mean 'date'?",
        ])
    }

    @Test("a partial is checked where it is included")
    func partialVariables() throws {
        let diagnostics = try templateErrors([
            "analysis-item": "<li>{{title}} {{date.display}} {{datee.iso}}</li>\n",
        ])
        #expect(diagnostics.map(\.description) == [
            "Templates/analysis-item.mustache:1:32: error: an analysis has no field 'datee'; did you mean 'date'?",
        ])
    }

    @Test("an unknown section is an error, and so is a name behind changed delimiters")
    func unknownSectionAndDelimiters() throws {
        let diagnostics = try templateErrors([
            "tag": "{{<layout}}{{$main}}{{#tagg}}{{name}} {{count}}{{/tagg}}{{/main}}{{/layout}}",
            "tags": "{{=<% %>=}}<%<layout%><%$main%><%nothing%><%/main%><%/layout%>",
        ])
        #expect(diagnostics.map(\.message) == ["a tag page has no field 'tagg'", "a tags page has no field 'nothing'"])
        #expect(diagnostics.first?.suggestion == "did you mean 'tag'?")
    }

    @Test("a section over text is an error: it is neither a list nor a condition")
    func sectionOverText() throws {
        let diagnostics = try templateErrors([
            "tag": "{{<layout}}{{$main}}{{#tag}}{{#name}}x{{/name}}{{/tag}}{{/main}}{{/layout}}",
        ])
        #expect(diagnostics.map(\.message) == ["'name' is text, not a list or a condition"])
    }
}

@Suite("Trust regressions")
struct TrustRegressionTests {
    @Test("a treaty's related treaties get their heading and list (the template variable check found the missing flags)")
    func relatedTreatiesHaveTheirHeading() async throws {
        try await withTemporaryDirectory { dir in
            let site = try AtopImportTests.copyExampleSite(into: dir)
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: site, outputDirectory: dir.path("out"))).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            let page = try dir.read("out/treaties/russia-north-korea-csp-2024/index.html")
            #expect(page.contains("<h3>Related</h3><ul><li>"))
        }
    }
}
