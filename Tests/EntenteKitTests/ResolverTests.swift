import Testing
@testable import EntenteModel
@testable import EntentePages
@testable import EntenteResolving

@Suite("SiteResolver")
struct ResolverTests {
    private let config = SiteConfig(title: "Test")

    private var standardActors: [Actor] {
        [makeActor("india", "India"), makeActor("russia", "Russia"), makeActor("china", "China")]
    }

    private func resolve(actors: [Actor]? = nil, treaties: [Treaty] = [], analyses: [Analysis] = [])
        -> (site: ResolvedSite, diagnostics: [Diagnostic]) {
        SiteResolver.resolve(SiteContent(config: config, actors: actors ?? standardActors, treaties: treaties,
                                         analyses: analyses))
    }

    private func only(_ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> Diagnostic {
        try #require(diagnostics.count == 1, "expected one diagnostic, got \(diagnostics)", sourceLocation: sourceLocation)
        return diagnostics[0]
    }

    @Test func cleanSiteHasNoDiagnostics() {
        let (site, diagnostics) = resolve(treaties: [
            makeTreaty("pact", "Pact", parties: [party("india"), party("russia")], events: [event("2024", .signed, actor: "india")]),
        ], analyses: [makeAnalysis("a", "A", actors: ["china"], treaties: ["pact"])])
        #expect(diagnostics.isEmpty)
        #expect(site.actors.count == 3)
        #expect(site.treatiesByID[treatyID("pact")]?.name == "Pact")
    }

    @Test func unknownPartyWithSuggestion() throws {
        let (_, diagnostics) = resolve(treaties: [makeTreaty("pact", "Pact", parties: [party("india"), party("inida", line: 7)])])
        let diagnostic = try only(diagnostics)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "unknown actor 'inida'")
        #expect(diagnostic.suggestion == "did you mean 'india'?")
        #expect(diagnostic.location == loc(line: 7))
    }

    @Test func unknownActorWithoutCloseMatchHasNoSuggestion() throws {
        let (_, diagnostics) = resolve(treaties: [makeTreaty("pact", "Pact", parties: [party("united-kingdom")])])
        let diagnostic = try only(diagnostics)
        #expect(diagnostic.message == "unknown actor 'united-kingdom'")
        #expect(diagnostic.suggestion == nil)
    }

    @Test func unknownTreatyInRelatedAndSupersedes() {
        let (_, diagnostics) = resolve(treaties: [
            makeTreaty("pact-2024", "Pact", parties: [party("india")],
                       supersedes: treatyRef("pact-2000", line: 4), related: [treatyRef("other", line: 6), treatyRef("pact-2042", line: 7)]),
        ])
        #expect(diagnostics.count == 3)
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics.contains { $0.message == "unknown treaty 'pact-2000'" && $0.location.line == 4 })
        #expect(diagnostics.contains { $0.message == "unknown treaty 'other'" && $0.location.line == 6 })
        #expect(diagnostics.contains {
            $0.message == "unknown treaty 'pact-2042'" && $0.location.line == 7 && $0.suggestion == "did you mean 'pact-2024'?"
        })
    }

    @Test func treatyCannotSupersedeItself() {
        let (_, diagnostics) = resolve(treaties: [
            makeTreaty("pact", "Pact", parties: [party("india")], supersedes: treatyRef("pact", line: 3)),
        ])
        #expect(diagnostics.contains { $0.severity == .error && $0.message == "a treaty cannot supersede itself" && $0.location.line == 3 })
    }

    @Test func unknownReferencesInAnalyses() {
        let (_, diagnostics) = resolve(analyses: [makeAnalysis("a", "A", actors: ["chnia"], treaties: ["nope"])])
        #expect(diagnostics.count == 2)
        #expect(diagnostics.contains { $0.message == "unknown actor 'chnia'" && $0.suggestion == "did you mean 'china'?" })
        #expect(diagnostics.contains { $0.message == "unknown treaty 'nope'" })
    }

    @Test func unknownPartOf() throws {
        let actors = standardActors + [makeActor("faction", "Faction", kind: .faction, partOf: "rusia", partOfLine: 5)]
        let diagnostic = try only(resolve(actors: actors).diagnostics)
        #expect(diagnostic.message == "unknown actor 'rusia'")
        #expect(diagnostic.suggestion == "did you mean 'russia'?")
        #expect(diagnostic.location.line == 5)
    }

    @Test func partOfItself() throws {
        let actors = [makeActor("russia", "Russia", partOf: "russia", partOfLine: 3)]
        let diagnostic = try only(resolve(actors: actors).diagnostics)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "'russia' cannot be part of itself")
    }

    @Test func partOfTwoCycle() throws {
        let actors = [makeActor("a", "A", partOf: "b", partOfLine: 2), makeActor("b", "B", partOf: "a", partOfLine: 3)]
        let diagnostic = try only(resolve(actors: actors).diagnostics)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "'part_of' forms a cycle: a → b → a")
        #expect(diagnostic.location == loc("actors/a.yaml", line: 2))
    }

    @Test func partOfLongCycleIsReportedOnce() throws {
        let actors = [
            makeActor("c", "C", partOf: "a"), makeActor("a", "A", partOf: "b"), makeActor("b", "B", partOf: "c"),
            makeActor("d", "D", partOf: "a"), makeActor("e", "E", partOf: "d"), makeActor("root", "Root"),
            makeActor("leaf", "Leaf", partOf: "root"),
        ]
        let diagnostic = try only(resolve(actors: actors).diagnostics)
        #expect(diagnostic.message == "'part_of' forms a cycle: a → b → c → a")
    }

    @Test func partOfChainWithoutCycleIsFine() {
        let actors = [makeActor("a", "A", partOf: "b"), makeActor("b", "B", partOf: "c"), makeActor("c", "C")]
        #expect(resolve(actors: actors).diagnostics.isEmpty)
    }

    @Test func eventActorNotAPartyIsAWarning() throws {
        let (site, diagnostics) = resolve(treaties: [
            makeTreaty("pact", "Pact", parties: [party("india"), party("russia")],
                       events: [event("2024", .signed, actor: "china", line: 9)]),
        ])
        let diagnostic = try only(diagnostics)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message == "event actor 'china' is not a party to this treaty")
        #expect(diagnostic.location.line == 9)
        #expect(!diagnostics.hasErrors)
        #expect(site.treatiesByID[treatyID("pact")] != nil)
    }

    @Test func unknownEventActorIsAnError() throws {
        let (_, diagnostics) = resolve(treaties: [
            makeTreaty("pact", "Pact", parties: [party("india")], events: [event("2024", .signed, actor: "indai", line: 4)]),
        ])
        let diagnostic = try only(diagnostics)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "unknown actor 'indai'")
        #expect(diagnostic.suggestion == "did you mean 'india'?")
    }

    @Test func ratifiedBeforeSignedIsAWarning() throws {
        let (_, diagnostics) = resolve(treaties: [
            makeTreaty("pact", "Pact", parties: [party("india", line: 3, signed: "2024-02-10", ratified: "2024-01")]),
        ])
        let diagnostic = try only(diagnostics)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message == "india ratified (2024-01) before it signed (2024-02-10)")
        #expect(diagnostic.location.line == 3)
    }

    @Test func impreciseDatesAreNotCertainlyOutOfOrder() {
        let (_, diagnostics) = resolve(treaties: [
            makeTreaty("pact", "Pact", parties: [
                party("india", signed: "2024-03", ratified: "2024"),
                party("russia", signed: "2024-03-10", ratified: "2024-03"),
                party("china", signed: "2024-01-01", ratified: "2024-01-01"),
            ]),
        ])
        #expect(diagnostics.isEmpty)
    }

    @Test func duplicatePartyIsAWarning() throws {
        let (site, diagnostics) = resolve(treaties: [
            makeTreaty("pact", "Pact", parties: [party("india"), party("russia"), party("india", line: 5)]),
        ])
        let diagnostic = try only(diagnostics)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message == "'india' is listed as a party twice")
        #expect(diagnostic.location.line == 5)
        #expect(site.treatiesOfActor[actorID("india")] == [treatyID("pact")], "a treaty is listed once per actor")
    }

    @Test func everyProblemIsReportedInOneRun() {
        let (_, diagnostics) = resolve(
            actors: standardActors + [makeActor("x", "X", partOf: "nowhere")],
            treaties: [makeTreaty("pact", "Pact", parties: [party("inida"), party("chna")], related: [treatyRef("pakt")])],
            analyses: [makeAnalysis("a", "A", actors: ["rusia"])])
        #expect(diagnostics.count == 5)
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func declaredButUnloadedEntitiesAreNotUnknown() {
        // A treaty whose file failed to load must not also be reported as unknown wherever it is referenced.
        let content = SiteContent(config: config, actors: standardActors,
                                  treaties: [makeTreaty("pact", "Pact", parties: [party("india"), party("broken")])],
                                  analyses: [], declared: [.actor(actorID("broken"))])
        let (_, diagnostics) = SiteResolver.resolve(content)
        #expect(diagnostics.isEmpty)
    }

    // MARK: ResolvedSite

    @Test func treatiesOfActorAreSortedByName() throws {
        let site = try resolvedSite(SiteContent(config: config, actors: standardActors, treaties: [
            makeTreaty("zeta", "Zeta Accord", parties: [party("india"), party("russia")]),
            makeTreaty("alpha", "Alpha Treaty", parties: [party("russia")]),
            makeTreaty("mu", "Mu Pact", parties: [party("india"), party("china"), party("russia")]),
        ], analyses: []))
        #expect(site.treatiesOfActor[actorID("russia")] == ["alpha", "mu", "zeta"].map(treatyID))
        #expect(site.treatiesOfActor[actorID("india")] == ["mu", "zeta"].map(treatyID))
        #expect(site.treatiesOfActor[actorID("china")] == [treatyID("mu")])
        #expect(site.treaties.map(\.id.rawValue) == ["alpha", "mu", "zeta"])
        #expect(site.actors.map(\.name) == ["China", "India", "Russia"])
    }

    @Test func successors() throws {
        let site = try resolvedSite(SiteContent(config: config, actors: standardActors, treaties: [
            makeTreaty("old", "Old Treaty", parties: [party("india")]),
            makeTreaty("new-b", "B New", parties: [party("india")], supersedes: treatyRef("old")),
            makeTreaty("new-a", "A New", parties: [party("india")], supersedes: treatyRef("old")),
            makeTreaty("newest", "Newest", parties: [party("india")], supersedes: treatyRef("new-a")),
        ], analyses: []))
        #expect(site.successors[treatyID("old")] == [treatyID("new-a"), treatyID("new-b")])
        #expect(site.successors[treatyID("new-a")] == [treatyID("newest")])
        #expect(site.successors[treatyID("newest")] == nil)
    }

    @Test func analysesAreNewestFirstThenByTitle() throws {
        let site = try resolvedSite(SiteContent(config: config, actors: standardActors, treaties: [], analyses: [
            makeAnalysis("old", "Old", date: "2023-05"),
            makeAnalysis("b", "Beta", date: "2024-07-31"),
            makeAnalysis("a", "Alpha", date: "2024-07-31"),
            makeAnalysis("year", "Year only", date: "2024"),
        ]))
        #expect(site.analyses.map(\.id.rawValue) == ["a", "b", "year", "old"])
    }

    @Test func namesAndMentionPatterns() throws {
        let site = try resolvedSite(SiteContent(config: config, actors: [
            makeActor("russia", "Russia", short: "RF", aliases: ["Russian Federation"]),
        ], treaties: [
            makeTreaty("relos", "Reciprocal Exchange of Logistics Agreement", short: "RELOS", aliases: ["Logistics pact"],
                       parties: [party("russia")]),
        ], analyses: [makeAnalysis("a", "Analysis A")]))
        #expect(site.name(of: .actor(actorID("russia"))) == "Russia")
        #expect(site.name(of: .treaty(treatyID("relos"))) == "RELOS")
        #expect(site.name(of: .analysis(analysisID("a"))) == "Analysis A")
        #expect(site.contains(.actor(actorID("russia"))))
        #expect(!site.contains(.actor(actorID("india"))))
        let patterns = site.mentionPatterns.map { "\($0.name)=\($0.target.folder)" }
        #expect(patterns == [
            "Russia=actors/russia", "RF=actors/russia", "Russian Federation=actors/russia",
            "Reciprocal Exchange of Logistics Agreement=treaties/relos", "RELOS=treaties/relos",
            "Logistics pact=treaties/relos",
        ])
    }

    // MARK: Status

    @Test func statusComesFromTheLatestStatusChangingEvent() throws {
        let treaty = makeTreaty("pact", "Pact", parties: [party("india"), party("russia")], events: [
            event("2024-12-04", .inForce),
            event("2024-06-19", .signed),
            event("2024-11-09", .ratified),
            event("2025-01", .amended),
            event("2025-02", .approved, actor: "india"),
        ])
        #expect(treaty.status == .inForce)
        let statusEvent = try #require(treaty.statusEvent)
        #expect(statusEvent.type == .inForce)
        #expect(statusEvent.date == pd("2024-12-04"))
    }

    @Test func sameDayEventsFollowTheLifecycle() {
        let treaty = makeTreaty("pact", "Pact", parties: [party("india")], events: [
            event("2024-06-19", .inForce), event("2024-06-19", .signed), event("2024-06-19", .ratified),
        ])
        #expect(treaty.status == .inForce)
        let signedAndRatified = makeTreaty("pact", "Pact", parties: [party("india")], events: [
            event("2024-06-19", .ratified), event("2024-06-19", .signed),
        ])
        #expect(signedAndRatified.status == .ratified)
    }

    @Test func declaredStatusWins() {
        let treaty = makeTreaty("pact", "Pact", parties: [party("india")],
                                events: [event("2024", .signed), event("2025", .inForce)], declaredStatus: .terminated)
        #expect(treaty.status == .terminated)
        #expect(treaty.statusEvent == nil)
    }

    @Test func noEventsNoStatus() {
        let treaty = makeTreaty("pact", "Pact", parties: [party("india")])
        #expect(treaty.status == nil)
        #expect(treaty.statusEvent == nil)
        let onlyNeutral = makeTreaty("pact", "Pact", parties: [party("india")],
                                     events: [event("2024", .approved), event("2025", .amended), event("2025", .other)])
        #expect(onlyNeutral.status == nil)
    }

    @Test func onePartysWithdrawalDoesNotEndTheTreaty() {
        let treaty = makeTreaty("pact", "Pact", parties: [party("india"), party("russia")], events: [
            event("2020", .inForce), event("2023-05", .withdrawn, actor: "india"),
        ])
        #expect(treaty.status == .inForce)
        #expect(treaty.statusEvent?.date == pd("2020"))

        let terminated = makeTreaty("pact", "Pact", parties: [party("india"), party("russia")], events: [
            event("2020", .inForce), event("2023-05", .terminated),
        ])
        #expect(terminated.status == .terminated)
    }

    @Test func onePartysSignatureCounts() {
        let treaty = makeTreaty("pact", "Pact", parties: [party("india"), party("russia")], events: [
            event("2024-01", .negotiating), event("2024-06-19", .signed, actor: "india"),
        ])
        #expect(treaty.status == .signed)
    }

    @Test func ratificationByOnePartyOfTwoDoesNotMakeItRatified() {
        let half = makeTreaty("pact", "Pact", parties: [party("india"), party("russia")], events: [
            event("2024-06-19", .signed), event("2024-11-09", .ratified, actor: "russia"),
        ])
        #expect(half.status == .signed)

        let both = makeTreaty("pact", "Pact", parties: [party("india"), party("russia")], events: [
            event("2024-06-19", .signed), event("2024-11-09", .ratified, actor: "russia"),
            event("2024-11-11", .ratified, actor: "india"),
        ])
        #expect(both.status == .ratified)
        #expect(both.statusEvent?.date == pd("2024-11-11"))

        let partyDates = makeTreaty("pact", "Pact", parties: [party("india", ratified: "2024-10"), party("russia")], events: [
            event("2024-06-19", .signed), event("2024-11-09", .ratified, actor: "russia"),
        ])
        #expect(partyDates.status == .ratified, "a party's own ratification date counts")
    }

    @Test func statusTitlesAndActivity() {
        #expect(TreatyStatus.inForce.title == "In force")
        #expect(TreatyStatus.signed.title == "Signed")
        #expect(TreatyStatus.inForce.isActive)
        #expect(!TreatyStatus.terminated.isActive)
        #expect(TreatyEventType.approved.status == nil)
        #expect(TreatyEventType.inForce.status == .inForce)
    }
}
