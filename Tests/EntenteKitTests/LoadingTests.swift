import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteLoading
@testable import EntenteModel
@testable import EntentePages
@testable import EntenteSupport

@Suite("Loading")
struct LoadingTests {
    /// Writes `files` (paths relative to `Content/`) plus a site.yaml, loads the site and returns the result.
    private func load(_ files: [String: String], includeDrafts: Bool = false,
                      siteYAML: String = "title: Test site\n",
                      in directory: TemporaryDirectory) async throws -> (content: SiteContent?, diagnostics: [Diagnostic]) {
        try directory.write("Content/site.yaml", siteYAML)
        for (path, text) in files { try directory.write("Content/" + path, text) }
        return await SiteLoader(siteDirectory: directory.path, includeDrafts: includeDrafts).load()
    }

    private func only(_ diagnostics: [Diagnostic], file: String? = nil,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let matching = diagnostics.filter { file == nil || $0.location.file == file }
        try #require(matching.count == 1, "expected one diagnostic, got \(matching)", sourceLocation: sourceLocation)
        return matching[0]
    }

    // MARK: Actors

    @Test func loadsActorFromYAML() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load(["actors/india.yaml": """
                name: India
                kind: state
                short: IN
                aliases: [Republic of India, Bharat]
                region: South Asia
                iso3: IND
                cow: 750
                wikidata: Q668
                summary: A *large* state.
                imported_from: atop
                """], in: dir)
            #expect(diagnostics.isEmpty)
            let actor = try #require(content?.actors.first)
            #expect(content?.actors.count == 1)
            #expect(actor.id.rawValue == "india")
            #expect(actor.name == "India")
            #expect(actor.kind == .state)
            #expect(actor.short == "IN")
            #expect(actor.aliases == ["Republic of India", "Bharat"])
            #expect(actor.region == "South Asia")
            #expect(actor.iso3 == "IND")
            #expect(actor.cow == 750)
            #expect(actor.wikidata == "Q668")
            #expect(actor.summary?.source == "A *large* state.")
            #expect(actor.summary?.origin.line == 9)
            #expect(actor.profile == nil)
            #expect(actor.location.file == dir.path("Content/actors/india.yaml"))
            #expect(actor.location.line == 1)
        }
    }

    @Test func loadsActorFromJSON() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load(["actors/china.json": """
                {
                  "name": "China",
                  "kind": "state",
                  "aliases": ["PRC", "People's Republic of China"],
                  "cow": 710
                }
                """], in: dir)
            #expect(diagnostics.isEmpty)
            let actor = try #require(content?.actors.first)
            #expect(actor.id.rawValue == "china")
            #expect(actor.name == "China")
            #expect(actor.aliases == ["PRC", "People's Republic of China"])
            #expect(actor.cow == 710)
        }
    }

    @Test func actorMarkdownBodyBecomesProfile() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load([
                "actors/vietnam.md": "---\nname: Vietnam\nkind: state\n---\nVietnam is a *state*.\n",
                "actors/laos.md": "---\nname: Laos\n---\n\n   \n",
            ], in: dir)
            #expect(diagnostics.isEmpty)
            let vietnam = try #require(content?.actors.first { $0.id.rawValue == "vietnam" })
            #expect(vietnam.name == "Vietnam")
            #expect(vietnam.profile?.source == "Vietnam is a *state*.\n")
            #expect(vietnam.profile?.origin.line == 5)
            #expect(vietnam.profile?.origin.file == dir.path("Content/actors/vietnam.md"))
            let laos = try #require(content?.actors.first { $0.id.rawValue == "laos" })
            #expect(laos.profile == nil, "a blank body is no profile")
        }
    }

    @Test func actorFieldChecks() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["actors/india.yaml": """
                name: India
                iso3: ind
                cow: -3
                wikidata: 668
                """], in: dir)
            #expect(diagnostics.count == 3)
            #expect(diagnostics.allSatisfy { $0.severity == .error })
            #expect(diagnostics.contains { $0.message.contains("'iso3'") && $0.location.line == 2 })
            #expect(diagnostics.contains { $0.message.contains("'cow'") && $0.location.line == 3 })
            #expect(diagnostics.contains { $0.message.contains("'wikidata'") && $0.location.line == 4 })
        }
    }

    // MARK: Treaties

    @Test func loadsTreatyWithStringParties() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load(["treaties/pact.yaml": """
                name: Test Pact
                parties: [india, russia]
                """], in: dir)
            #expect(diagnostics.isEmpty)
            let treaty = try #require(content?.treaties.first)
            #expect(treaty.id.rawValue == "pact")
            #expect(treaty.name == "Test Pact")
            #expect(treaty.instrument == .treaty)
            #expect(treaty.parties.map(\.actor.id.rawValue) == ["india", "russia"])
            #expect(treaty.parties.allSatisfy { $0.signed == nil && $0.ratified == nil })
            #expect(treaty.parties[1].actor.location.line == 2)
            #expect(treaty.parties[1].actor.location.file == dir.path("Content/treaties/pact.yaml"))
        }
    }

    @Test func loadsTreatyWithMappingPartiesEventsAndSources() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load(["treaties/relos.yaml": """
                name: Reciprocal Exchange of Logistics Agreement
                short: RELOS
                aliases: [Logistics pact]
                instrument: agreement
                kind: logistics
                obligations: [consultation, defence, consultation]
                status: signed
                parties:
                  - actor: india
                    signed: 2024-06-19
                    ratified: "2024-11"
                    note: Cabinet approval.
                  - russia
                events:
                  - date: "2024-06-19"
                    type: signed
                    source: text
                  - date: "2024-12"
                    type: in-force
                    actor: india
                    note: Enters into force.
                    source: report
                sources:
                  - id: text
                    title: Text
                    url: https://example.org/text
                    date: "2024-06-20"
                  - id: report
                    title: Report
                    url: http://example.com/report?id=1
                supersedes: old-pact
                related: [other-pact]
                provisions:
                  - First *provision*.
                  - Second provision.
                """], in: dir)
            #expect(diagnostics.isEmpty)
            let treaty = try #require(content?.treaties.first)
            #expect(treaty.short == "RELOS")
            #expect(treaty.aliases == ["Logistics pact"])
            #expect(treaty.instrument == .agreement)
            #expect(treaty.kind == .logistics)
            #expect(treaty.obligations == [.consultation, .defence])
            #expect(treaty.declaredStatus == .signed)
            #expect(treaty.parties.count == 2)
            #expect(treaty.parties[0].actor.id.rawValue == "india")
            #expect(treaty.parties[0].signed == pd("2024-06-19"))
            #expect(treaty.parties[0].ratified == pd("2024-11"))
            #expect(treaty.parties[0].note == "Cabinet approval.")
            #expect(treaty.parties[0].actor.location.line == 9)
            #expect(treaty.parties[1].actor.id.rawValue == "russia")
            #expect(treaty.events.count == 2)
            #expect(treaty.events[0].date == pd("2024-06-19"))
            #expect(treaty.events[0].type == .signed)
            #expect(treaty.events[0].source == 1)
            #expect(treaty.events[0].location.line == 15)
            #expect(treaty.events[1].type == .inForce)
            #expect(treaty.events[1].actor?.id.rawValue == "india")
            #expect(treaty.events[1].note == "Enters into force.")
            #expect(treaty.events[1].location.line == 18)
            #expect(treaty.sources == [
                Treaty.Source(id: "text", title: "Text", url: "https://example.org/text", date: pd("2024-06-20")),
                Treaty.Source(id: "report", title: "Report", url: "http://example.com/report?id=1"),
            ])
            #expect(treaty.supersedes?.id.rawValue == "old-pact")
            #expect(treaty.supersedes?.location.line == 31)
            #expect(treaty.related.map(\.id.rawValue) == ["other-pact"])
            #expect(treaty.provisions.map(\.source) == ["First *provision*.", "Second provision."])
            #expect(treaty.provisions.map(\.origin.line) == [34, 35])
        }
    }

    @Test func loadsTreatyFromMarkdownWithBody() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load(["treaties/pact.md": """
                ---
                name: Pact
                parties: [india]
                ---
                The body.
                """], in: dir)
            #expect(diagnostics.isEmpty)
            let treaty = try #require(content?.treaties.first)
            #expect(treaty.body?.source == "The body.")
            #expect(treaty.body?.origin.line == 5)
        }
    }

    // MARK: Analyses

    @Test func loadsAnalysisWithFrontMatter() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load(["analyses/first-look.md": """
                ---
                title: A First Look
                date: "2024-07-31"
                author: Editor
                summary: In short.
                actors: [india, russia]
                treaties: [relos]
                tags: [Russia, Asia, Russia]
                ---
                # Heading

                Text about India.
                """], in: dir)
            #expect(diagnostics.isEmpty)
            let analysis = try #require(content?.analyses.first)
            #expect(analysis.id.rawValue == "first-look")
            #expect(analysis.title == "A First Look")
            #expect(analysis.date == pd("2024-07-31"))
            #expect(analysis.author == "Editor")
            #expect(analysis.summary == "In short.")
            #expect(analysis.actors.map(\.id.rawValue) == ["india", "russia"])
            #expect(analysis.actors.map(\.location.line) == [6, 6])
            #expect(analysis.treaties.map(\.id.rawValue) == ["relos"])
            #expect(analysis.tags == ["Russia", "Asia"], "repeated tags are kept once")
            #expect(analysis.draft == false)
            #expect(analysis.body.source == "# Heading\n\nText about India.")
            #expect(analysis.body.origin == Location(file: dir.path("Content/analyses/first-look.md"), line: 10, column: 0))
        }
    }

    @Test func draftsAreExcludedUnlessAsked() async throws {
        try await withTemporaryDirectory { dir in
            let files = [
                "analyses/draft.md": "---\ntitle: Draft\ndate: 2024\ndraft: true\n---\nBody\n",
                "analyses/published.md": "---\ntitle: Published\ndate: 2024\ndraft: false\n---\nBody\n",
            ]
            let (content, diagnostics) = try await load(files, in: dir)
            #expect(diagnostics.isEmpty)
            #expect(content?.analyses.map(\.id.rawValue) == ["published"])

            let (withDrafts, _) = try await load(files, includeDrafts: true, in: dir)
            #expect(Set(withDrafts?.analyses.map(\.id.rawValue) ?? []) == ["draft", "published"])
            #expect(withDrafts?.analyses.first { $0.id.rawValue == "draft" }?.draft == true)
        }
    }

    @Test func analysesMustBeMarkdown() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load(["analyses/notes.yaml": "title: x\ndate: 2024\n"], in: dir)
            #expect(content?.analyses.isEmpty == true)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .warning)
            #expect(diagnostic.location.file == dir.path("Content/analyses/notes.yaml"))
            #expect(diagnostic.message.contains(".md"))
        }
    }

    @Test("a one-off build's loader sets each analysis's Markdown aside as it reads it, and gets the same text back")
    func analysisBodiesSetAside() async throws {
        try await withTemporaryDirectory { dir in
            let files = [
                "analyses/one.md": "---\ntitle: One\ndate: 2024-01-02\n---\nFirst *text*, with é and 中文.\n",
                "analyses/two.md": "---\ntitle: Two\ndate: 2024-01-03\n---\n\nSecond text.\n",
            ]
            let (inMemory, _) = try await load(files, in: dir)
            var loader = SiteLoader(siteDirectory: dir.path)
            let store = try #require(TextSpill())
            loader.analysisBodies = store
            let (setAside, diagnostics) = await loader.load()
            #expect(diagnostics.isEmpty)
            let expected = try #require(inMemory?.analyses.sorted { $0.id < $1.id })
            let loaded = try #require(setAside?.analyses.sorted { $0.id < $1.id })
            #expect(loaded.count == 2)
            for (held, aside) in zip(expected, loaded) {
                let place = try #require(aside.body.setAside)
                #expect(aside.body.source.isEmpty)
                #expect(store.text(at: .init(offset: place.offset, length: place.length)) == held.body.source)
                // Equal to the text held in memory, and where it was in the file.
                #expect(aside.body == held.body)
                #expect(aside.body.origin == held.body.origin)
            }
        }
    }

    // MARK: Site configuration

    @Test func loadsSiteConfig() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load([:], siteYAML: """
                title: My Site
                description: About things.
                language: pt-BR
                base_url: https://example.org/reports
                author: Me
                autolink_mentions: no
                unsafe_html: yes
                pretty_links: true
                credits: Data from ATOP.
                """, in: dir)
            #expect(diagnostics.isEmpty)
            let config = try #require(content?.config)
            #expect(config.title == "My Site")
            #expect(config.description == "About things.")
            #expect(config.language == "pt-BR")
            #expect(config.baseURL == "https://example.org/reports/")
            #expect(config.author == "Me")
            #expect(config.autolinkMentions == false)
            #expect(config.unsafeHTML == true)
            #expect(config.prettyLinks == true)
            #expect(config.credits == "Data from ATOP.")
        }
    }

    @Test func siteConfigDefaults() async throws {
        try await withTemporaryDirectory { dir in
            let (content, _) = try await load([:], in: dir)
            let config = try #require(content?.config)
            #expect(config.language == "en")
            #expect(config.autolinkMentions == true)
            #expect(config.unsafeHTML == false)
            #expect(config.prettyLinks == false)
            #expect(config.baseURL == nil)
        }
    }

    @Test func missingContentFolderOrSiteYAML() async throws {
        try await withTemporaryDirectory { dir in
            let (none, noContent) = await SiteLoader(siteDirectory: dir.path).load()
            #expect(none == nil)
            #expect(noContent.count == 1 && noContent[0].message.contains("Content/"))

            try dir.createFolder("Content/actors")
            let (_, diagnostics) = await SiteLoader(siteDirectory: dir.path).load()
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.location.file == dir.path("Content/site.yaml"))
        }
    }

    @Test func badBaseURL() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load([:], siteYAML: "title: T\nbase_url: example.org\n", in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.location.line == 2)
            #expect(diagnostic.message.contains("base_url"))
        }
    }

    // MARK: Diagnostics

    @Test func missingRequiredField() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load(["actors/india.yaml": "kind: state\nregion: Asia\n"], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message == "missing required field 'name'")
            #expect(diagnostic.location.file == dir.path("Content/actors/india.yaml"))
            #expect(diagnostic.location.line == 1)
            #expect(content?.actors.isEmpty == true)
        }
    }

    @Test func missingPartiesAndEmptyParties() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load([
                "treaties/a.yaml": "name: A\n",
                "treaties/b.yaml": "name: B\nparties: []\n",
            ], in: dir)
            let missing = try only(diagnostics, file: dir.path("Content/treaties/a.yaml"))
            #expect(missing.severity == .error)
            #expect(missing.message == "missing required field 'parties'")
            let empty = try only(diagnostics, file: dir.path("Content/treaties/b.yaml"))
            #expect(empty.severity == .error)
            #expect(empty.location.line == 2)
            #expect(empty.message.contains("at least one actor"))
        }
    }

    @Test func wrongTypeForParties() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["treaties/pact.yaml": "name: Pact\nparties: india\n"], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message == "'parties' must be a list, not a single value")
            #expect(diagnostic.suggestion == "write it as a list: parties: [india]")
            #expect(diagnostic.location == Location(file: dir.path("Content/treaties/pact.yaml"), line: 2, column: 10))
        }
    }

    @Test func wrongTypeForScalarField() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["actors/india.yaml": "name:\n  - India\n  - Bharat\n"], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message == "'name' must be a single value, not a list")
            #expect(diagnostic.location.line == 2)
        }
    }

    @Test func unknownFieldIsAWarningWithSuggestion() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load(["treaties/pact.yaml": """
                name: Pact
                parties: [india]
                partys: [russia]
                """], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .warning)
            #expect(diagnostic.message == "unknown field 'partys' is ignored")
            #expect(diagnostic.suggestion == "did you mean 'parties'?")
            #expect(diagnostic.location == Location(file: dir.path("Content/treaties/pact.yaml"), line: 3, column: 1))
            #expect(content?.treaties.count == 1, "a warning does not drop the treaty")
        }
    }

    @Test func unknownFieldInsideNestedMapping() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["treaties/pact.yaml": """
                name: Pact
                parties:
                  - actor: india
                    sigend: "2024"
                """], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .warning)
            #expect(diagnostic.message == "unknown field 'sigend' is ignored")
            #expect(diagnostic.suggestion == "did you mean 'signed'?")
            #expect(diagnostic.location.line == 4)
        }
    }

    @Test func invalidDate() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["treaties/pact.yaml": """
                name: Pact
                parties: [india]
                events:
                  - date: "2024-02-30"
                    type: signed
                """], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message == "'date' is not a valid date: '2024-02-30'")
            #expect(diagnostic.suggestion?.contains("day exists") == true)
            #expect(diagnostic.location == Location(file: dir.path("Content/treaties/pact.yaml"), line: 4, column: 11))
        }
    }

    @Test func badlyWrittenDate() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["analyses/a.md": "---\ntitle: A\ndate: 31/07/2024\n---\nBody\n"], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.message == "'date' is not a valid date: '31/07/2024'")
            #expect(diagnostic.suggestion == "write dates as YYYY, YYYY-MM or YYYY-MM-DD")
            #expect(diagnostic.location.line == 3, "front matter lines count from the file's first line")
        }
    }

    @Test func unknownEnumValueWithSuggestion() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["treaties/pact.yaml": """
                name: Pact
                kind: defense-pact
                instrument: tready
                parties: [india]
                """], in: dir)
            #expect(diagnostics.count == 2)
            let kind = try #require(diagnostics.first { $0.message.contains("kind") })
            #expect(kind.severity == .error)
            #expect(kind.message == "unknown kind 'defense-pact'")
            #expect(kind.suggestion == "did you mean 'defence-pact'?")
            #expect(kind.location.line == 2)
            let instrument = try #require(diagnostics.first { $0.message.contains("instrument") })
            #expect(instrument.suggestion == "did you mean 'treaty'?")
            #expect(instrument.location.line == 3)
        }
    }

    @Test func unknownEnumValueWithoutCloseMatchListsChoices() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["actors/x.yaml": "name: X\nkind: planet-of-the-apes\n"], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.message == "unknown kind 'planet-of-the-apes'")
            #expect(diagnostic.suggestion == "use one of state, organization, alliance, faction, person, other")
        }
    }

    @Test func invalidFileStem() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load(["actors/India.yaml": "name: India\n"], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.location.file == dir.path("Content/actors/India.yaml"))
            #expect(diagnostic.message.hasPrefix("'India' is not a valid id"))
            #expect(diagnostic.suggestion == "rename the file to 'india.yaml'")
            #expect(content?.actors.isEmpty == true)
        }
    }

    @Test func duplicateID() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load([
                "actors/india.yaml": "name: India\n",
                "actors/india.json": #"{"name": "India (JSON)"}"#,
            ], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message == "the id 'india' is defined twice")
            #expect(diagnostic.location.file == dir.path("Content/actors/india.yaml"))
            #expect(diagnostic.suggestion?.contains(dir.path("Content/actors/india.json")) == true)
            #expect(content?.actors.count == 1)
        }
    }

    @Test func malformedYAMLReportsItsLine() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["actors/india.yaml": """
                name: India
                region: South Asia
                aliases: [Bharat
                cow: 750
                """], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message.hasPrefix("invalid YAML"))
            #expect(diagnostic.location.file == dir.path("Content/actors/india.yaml"))
            #expect((3...5).contains(diagnostic.location.line), "got line \(diagnostic.location.line)")
        }
    }

    @Test func malformedYAMLOnAKnownLine() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["actors/india.yaml": "name: India\nregion: Asia\nshort: \"IN\n"], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.message.hasPrefix("invalid YAML"))
            #expect(diagnostic.location.line >= 3)
        }
    }

    @Test func malformedFrontMatterLineIsAFileLine() async throws {
        try await withTemporaryDirectory { dir in
            // Line 4 of the file (line 3 of the YAML) puts a mapping value inside a plain scalar.
            let (_, diagnostics) = try await load(["analyses/a.md": "---\ntitle: A\ndate: 2024\n  bad: - x: y\n---\nBody\n"],
                                                  in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.message.hasPrefix("invalid YAML"))
            #expect(diagnostic.location.line == 4, "got \(diagnostic)")
        }
    }

    @Test func duplicateKeysAreReported() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["actors/india.yaml": "name: India\nregion: A\nname: Bharat\n"], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message.contains("'name'"))
        }
    }

    @Test func unterminatedFrontMatter() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load(["analyses/a.md": "---\ntitle: A\ndate: 2024\n\nBody\n"], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message == "the front matter is not closed")
            #expect(diagnostic.location == Location(file: dir.path("Content/analyses/a.md"), line: 1, column: 1))
            #expect(content?.analyses.isEmpty == true)
        }
    }

    @Test func missingFrontMatter() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["analyses/a.md": "# Just a body\n"], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.message == "an analysis has no front matter")
        }
    }

    @Test func invalidUTF8() async throws {
        try await withTemporaryDirectory { dir in
            try dir.write("Content/actors/india.yaml", bytes: Array("name: Ind".utf8) + [0xFF, 0xFE] + Array("ia\n".utf8))
            let (content, diagnostics) = try await load([:], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message == "the file is not valid UTF-8 text")
            #expect(diagnostic.location.file == dir.path("Content/actors/india.yaml"))
            #expect(content?.actors.isEmpty == true)
        }
    }

    @Test func binaryFile() async throws {
        try await withTemporaryDirectory { dir in
            try dir.write("Content/actors/india.yaml", bytes: [0x6E, 0x00, 0x01])
            let (_, diagnostics) = try await load([:], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.message == "this is a binary file, not text")
        }
    }

    @Test func byteOrderMarkIsAccepted() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load([
                "actors/india.yaml": "\u{FEFF}name: India\n",
                "actors/china.md": "\u{FEFF}---\nname: China\n---\n",
            ], in: dir)
            #expect(diagnostics.isEmpty)
            #expect(Set(content?.actors.map(\.name) ?? []) == ["India", "China"])
        }
    }

    @Test func eventSourceIndexOutOfRange() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load([
                "treaties/pact.yaml": """
                    name: Pact
                    parties: [india]
                    events:
                      - date: "2024"
                        type: signed
                        source: 1
                      - date: "2025"
                        type: ratified
                        source: 2
                    sources:
                      - title: Text
                        url: https://example.org/text
                    """,
                "treaties/nosource.yaml": """
                    name: No source
                    parties: [india]
                    events:
                      - date: "2024"
                        type: signed
                        source: 1
                    """,
                "treaties/zero.yaml": """
                    name: Zero
                    parties: [india]
                    events:
                      - date: "2024"
                        type: signed
                        source: 0
                    sources:
                      - title: Text
                        url: https://example.org/text
                    """,
            ], in: dir)
            let errors = diagnostics.filter { $0.severity == .error }
            let pact = try only(errors, file: dir.path("Content/treaties/pact.yaml"))
            #expect(pact.message == "event source 2 does not exist; this treaty has 1 source(s)")
            #expect(pact.location.line == 9)
            let positional = try only(diagnostics.filter { $0.severity == .warning }, file: dir.path("Content/treaties/pact.yaml"))
            #expect(positional.message == "citing a source by position: it points elsewhere once a source is inserted above it")
            #expect(positional.location.line == 6)
            let noSource = try only(errors, file: dir.path("Content/treaties/nosource.yaml"))
            #expect(noSource.message == "event source 1 does not exist; this treaty has 0 source(s)")
            #expect(noSource.location.line == 6)
            let zero = try only(errors, file: dir.path("Content/treaties/zero.yaml"))
            #expect(zero.message.hasPrefix("event source 0 does not exist"))
        }
    }

    @Test("events cite sources by id; an unknown id is an error with a suggestion; two sources may not share an id")
    func eventsCiteSourcesByID() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load([
                "actors/india.yaml": "name: India\n",
                "treaties/pact.yaml": """
                    name: Pact
                    parties: [india]
                    events:
                      - date: "2024"
                        type: signed
                        source: kcna-2024-06-19
                      - date: "2025"
                        type: ratified
                        source: kcna-2024-06-91
                    sources:
                      - id: tass-2024-06-20
                        title: First
                        url: https://example.org/1
                      - id: kcna-2024-06-19
                        title: Second
                        url: https://example.org/2
                      - id: tass-2024-06-20
                        title: Third
                        url: https://example.org/3
                      - id: Not An Id
                        title: Fourth
                        url: https://example.org/4
                    """,
            ], in: dir)
            let treaty = try #require(content?.treaties.first)
            #expect(treaty.events.map(\.source) == [2, nil], "the id resolves to the source's position")
            #expect(treaty.sources.map(\.id) == ["tass-2024-06-20", "kcna-2024-06-19", "tass-2024-06-20", nil])
            let messages = diagnostics.map { $0.message + ($0.suggestion.map { "; " + $0 } ?? "") }.sorted()
            #expect(messages == [
                "'Not An Id' is not a valid source id: ids use only lowercase letters a-z, digits 0-9 and '-'; write 'not-an-id'",
                "no source of this treaty has the id 'kcna-2024-06-91'; did you mean 'kcna-2024-06-19'?",
                "two sources have the id 'tass-2024-06-20' (sources 1 and 3); give each source an id of its own",
            ])
        }
    }

    @Test(arguments: ["javascript:alert(1)", "ftp://example.org/x", "//example.org/x", "https://", "https:///path",
                      "example.org", "https://exa mple.org", #"https://example.org/"onmouseover"#])
    func unsafeSourceURLIsRejected(_ url: String) async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load(["treaties/pact.yaml": """
                name: Pact
                parties: [india]
                sources:
                  - title: Text
                    url: '\(url)'
                """], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message == "a source url must be an http:// or https:// address, not '\(url)'")
            #expect(diagnostic.location.line == 5)
            #expect(content?.treaties.first?.sources.isEmpty == true)
        }
    }

    @Test func invalidReferenceIDSuggestsSlug() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["treaties/pact.yaml": "name: Pact\nparties: [North Korea]\n"], in: dir)
            let diagnostic = try only(diagnostics)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message.hasPrefix("'North Korea' is not a valid id in 'parties'"))
            #expect(diagnostic.suggestion == "did you mean 'north-korea'?")
            #expect(diagnostic.location.line == 2)
        }
    }

    @Test func everyProblemInAFileIsReported() async throws {
        try await withTemporaryDirectory { dir in
            let (_, diagnostics) = try await load(["treaties/pact.yaml": """
                kind: defense-pact
                parties: [india]
                events:
                  - date: "2024-13"
                    type: signed
                sources:
                  - title: Text
                    url: javascript:alert(1)
                """], in: dir)
            #expect(diagnostics.count == 4, "\(diagnostics)")
            #expect(diagnostics.allSatisfy { $0.severity == .error })
            #expect(diagnostics.contains { $0.message == "missing required field 'name'" })
            #expect(diagnostics.contains { $0.message == "unknown kind 'defense-pact'" && $0.location.line == 1 })
            #expect(diagnostics.contains { $0.message.contains("'2024-13'") && $0.location.line == 4 })
            #expect(diagnostics.contains { $0.message.contains("javascript:alert(1)") && $0.location.line == 8 })
        }
    }

    @Test func everyFileIsReportedInOneRun() async throws {
        try await withTemporaryDirectory { dir in
            let (content, diagnostics) = try await load([
                "actors/india.yaml": "kind: state\n",
                "treaties/pact.yaml": "name: Pact\nparties: india\n",
                "analyses/a.md": "---\ntitle: A\ndate: 2024-02-30\n---\nBody\n",
                "actors/china.yaml": "name: China\n",
            ], in: dir)
            #expect(diagnostics.count == 3, "\(diagnostics)")
            #expect(diagnostics.allSatisfy { $0.severity == .error })
            #expect(Set(diagnostics.map(\.location.file)) == [
                dir.path("Content/actors/india.yaml"), dir.path("Content/treaties/pact.yaml"),
                dir.path("Content/analyses/a.md"),
            ])
            #expect(content?.actors.map(\.id.rawValue) == ["china"], "files without errors still load")
        }
    }

    @Test func loadingIsDeterministicAcrossManyFiles() async throws {
        try await withTemporaryDirectory { dir in
            var files: [String: String] = [:]
            for number in 0..<150 {
                files["actors/actor-\(number).yaml"] = number % 10 == 0 ? "kind: state\n" : "name: Actor \(number)\n"
            }
            let (first, firstDiagnostics) = try await load(files, in: dir)
            let (second, secondDiagnostics) = await SiteLoader(siteDirectory: dir.path).load()
            #expect(first?.actors.map(\.id) == second?.actors.map(\.id))
            #expect(first?.actors.map(\.id.rawValue) == first?.actors.map(\.id.rawValue).sorted())
            #expect(first?.actors.count == 135)
            #expect(firstDiagnostics == secondDiagnostics)
            #expect(firstDiagnostics.count == 15)
        }
    }

    @Test func loadsTheFixtureSite() async throws {
        let site = try #require(Bundle.module.url(forResource: "minimal-site", withExtension: nil,
                                                  subdirectory: "Fixtures"))
        let (content, diagnostics) = await SiteLoader(siteDirectory: site.path).load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let loaded = try #require(content)
        #expect(loaded.config.title == "Minimal site")
        #expect(loaded.actors.map(\.id.rawValue).sorted() == ["india", "russia"])
        #expect(loaded.treaties.map(\.id.rawValue) == ["relos"])
        #expect(loaded.analyses.map(\.id.rawValue) == ["first-look"])
    }
}
