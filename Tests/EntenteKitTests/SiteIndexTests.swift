import Testing
@testable import EntenteModel
@testable import EntenteResolving

@Suite("SiteIndex")
struct SiteIndexTests {
    private func site() throws -> ResolvedSite {
        try resolvedSite(SiteContent(config: SiteConfig(title: "T"), actors: [
            makeActor("india", "India"), makeActor("russia", "Russia"), makeActor("china", "China"),
            makeActor("balancers", "Balancers", kind: .faction, partOf: "russia"),
            makeActor("bri", "BRI camp", kind: .faction, partOf: "russia"),
        ], treaties: [
            makeTreaty("relos", "RELOS", parties: [party("india"), party("russia")], events: [
                event("2025-02-18", .signed), event("2025-06", .ratified, actor: "russia"),
            ]),
            makeTreaty("sco", "SCO Charter", parties: [party("india"), party("russia"), party("china")], events: [
                event("2002-06-07", .signed), event("2003-09-19", .inForce), event("2003-09-19", .ratified),
            ]),
            makeTreaty("friendship", "Friendship Treaty", parties: [party("russia"), party("china")]),
        ], analyses: [
            makeAnalysis("old", "Old", date: "2023", actors: ["india"], tags: ["Logistics"]),
            makeAnalysis("new", "New", date: "2025-03", actors: ["india", "india"], treaties: ["relos"],
                         tags: ["South Asia", "Logistics"]),
        ]))
    }

    @Test func backlinksSeparateAboutFromMentions() throws {
        let site = try site()
        let index = SiteIndex(site: site, mentions: [
            analysisID("new"): [.actor(actorID("india")), .actor(actorID("china")), .analysis(analysisID("old"))],
            analysisID("old"): [.actor(actorID("china")), .treaty(treatyID("relos"))],
        ])
        let india = index.backlinks[.actor(actorID("india"))] ?? []
        #expect(india.map(\.analysis.rawValue) == ["new", "old"], "newest first, each analysis once")
        #expect(india.allSatisfy { $0.relation == .about })
        let china = index.backlinks[.actor(actorID("china"))] ?? []
        #expect(china.map(\.analysis.rawValue) == ["new", "old"])
        #expect(china.allSatisfy { $0.relation == .mentions })
        let relos = index.backlinks[.treaty(treatyID("relos"))] ?? []
        #expect(relos.map { "\($0.analysis.rawValue):\($0.relation.rawValue)" } == ["new:about", "old:mentions"])
        #expect(index.backlinks[.analysis(analysisID("old"))] == nil, "analyses get no backlinks")
        #expect(index.backlinks[.actor(actorID("russia"))] == nil)
    }

    @Test func counterpartsAreMostSharedFirst() throws {
        let index = SiteIndex(site: try site(), mentions: [:])
        let russia = (index.counterparts[actorID("russia")] ?? []).map { "\($0.actor.rawValue)=\($0.count)" }
        #expect(russia == ["china=2", "india=2"])
        let india = (index.counterparts[actorID("india")] ?? []).map { "\($0.actor.rawValue)=\($0.count)" }
        #expect(india == ["russia=2", "china=1"])
    }

    @Test func partsOfAnActor() throws {
        let index = SiteIndex(site: try site(), mentions: [:])
        #expect(Set(index.parts[actorID("russia")] ?? []) == [actorID("balancers"), actorID("bri")])
        #expect(index.parts[actorID("india")] == nil)
    }

    @Test func tagsBySlug() throws {
        let index = SiteIndex(site: try site(), mentions: [:])
        #expect(index.tags.map(\.slug) == ["logistics", "south-asia"])
        #expect(index.tags.map(\.name) == ["Logistics", "South Asia"])
        #expect(index.tags[0].analyses.map(\.rawValue) == ["new", "old"])
        #expect(index.tagSlugs["South Asia"] == "south-asia")
    }

    @Test func timelineIsNewestFirst() throws {
        let index = SiteIndex(site: try site(), mentions: [:])
        let entries = index.timeline.map { "\($0.event.date) \($0.event.type.rawValue) \($0.treaty.rawValue)" }
        #expect(entries == [
            "2025-06 ratified relos", "2025-02-18 signed relos",
            "2003-09-19 in-force sco", "2003-09-19 ratified sco", "2002-06-07 signed sco",
        ])
    }

    @Test func treatiesSharingParties() throws {
        let site = try site()
        let index = SiteIndex(site: site, mentions: [:])
        let sharing = index.treatiesSharingParties(with: site.treatiesByID[treatyID("sco")]!, in: site)
        #expect(sharing.map { "\($0.treaty.rawValue)=\($0.shared)" } == ["friendship=2", "relos=2"])
    }
}
