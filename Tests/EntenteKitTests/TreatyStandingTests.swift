import Foundation
import Testing
@testable import EntenteLoading
@testable import EntenteModel

/// Where a treaty stood on a chosen day: partial dates, per-party ratification, terms and renewals.
@Suite("Status at a date")
struct TreatyStandingTests {
    private static let here = SourceLocation(file: "t.yaml")

    private func date(_ text: String) -> PartialDate { PartialDate(parsing: text)! }

    private func event(_ day: String, _ type: TreatyEventType, _ actor: String? = nil) -> TreatyEvent {
        TreatyEvent(date: date(day), type: type, actor: actor.map { Reference(ActorID($0)!, at: Self.here) }, location: Self.here)
    }

    private func treaty(_ events: [TreatyEvent], parties: [String] = ["russia", "china"]) -> Treaty {
        Treaty(id: TreatyID("t")!, name: "T", parties: parties.map { Treaty.Party(actor: Reference(ActorID($0)!, at: Self.here)) },
               events: events, location: Self.here)
    }

    @Test("lengths parse and add at the date's own precision, never inventing a day")
    func lengths() {
        #expect(TermLength(parsing: "20 years") == TermLength(count: 20, unit: .years))
        #expect(TermLength(parsing: "1 year")?.description == "1 year")
        #expect(TermLength(parsing: "6 Months") == TermLength(count: 6, unit: .months))
        for bad in ["", "years", "0 years", "-5 years", "5 decades", "5 years ago", "1.5 years"] {
            #expect(TermLength(parsing: bad) == nil, "\(bad)")
        }
        #expect(TermLength(count: 20, unit: .years).added(to: date("2002-02-28")) == date("2022-02-28"))
        #expect(TermLength(count: 1, unit: .years).added(to: date("2024-02-29")) == date("2025-02-28"))
        #expect(TermLength(count: 20, unit: .years).added(to: date("2002-02")) == date("2022-02"))
        #expect(TermLength(count: 14, unit: .months).added(to: date("2024-11-30")) == date("2026-01-30"))
        #expect(TermLength(count: 3, unit: .months).added(to: date("2024-11-30")) == date("2025-02-28"))
        #expect(TermLength(count: 90, unit: .days).added(to: date("2024-12-04")) == date("2025-03-04"))
        #expect(TermLength(count: 366, unit: .days).added(to: date("2024-01-01")) == date("2025-01-01"))
        #expect(TermLength(count: 6, unit: .months).added(to: date("2024")) == nil, "a year plus months has no month")
        #expect(TermLength(count: 10, unit: .days).added(to: date("2024-06")) == nil)
    }

    @Test("the status on a day counts only what had certainly happened; a month-only event is uncertain inside it")
    func partialDates() {
        let pact = treaty([event("2024-06-19", .signed), event("2024-11", .ratified, "russia"), event("2024-11-11", .ratified, "china"),
                           event("2024-12-04", .inForce)])
        #expect(pact.standing(at: date("2024-06-18")).status == nil)
        #expect(pact.standing(at: date("2024-06-19")).status == .signed)
        let midNovember = pact.standing(at: date("2024-11-15"))
        #expect(midNovember.status == .signed, "Russia's ratification, known to the month, may not have happened by the 15th")
        #expect(midNovember.uncertain.map(\.type) == [.ratified])
        let endOfNovember = pact.standing(at: date("2024-11-30"))
        #expect(endOfNovember.status == .ratified && endOfNovember.uncertain.isEmpty)
        #expect(pact.standing(at: date("2024-12-04")).status == .inForce)
        #expect(pact.standing(at: date("2024-12-04")).since == date("2024-12-04"))
        #expect(pact.standing(at: date("2024")).status == .inForce, "a year means its end")
        // One party's withdrawal does not end the treaty.
        var left = pact
        left.events.append(event("2030-01-01", .withdrawn, "china"))
        #expect(left.standing(at: date("2031")).status == .inForce)
        left.events.append(event("2031-01-01", .terminated))
        #expect(left.standing(at: date("2031")).status == .terminated)
    }

    @Test("a term runs out without an event; an automatic renewal keeps it going period after period")
    func termsAndRenewals() {
        var friendship = treaty([event("2001-07-16", .signed), event("2002-02-28", .inForce)])
        friendship.term = .fixed(TermLength(count: 20, unit: .years))
        #expect(friendship.firstExpiry == date("2022-02-28"))
        #expect(friendship.standing(at: date("2022-02-27")).status == .inForce)
        #expect(friendship.standing(at: date("2022-02-27")).termEnds == date("2022-02-28"))
        let lapsed = friendship.standing(at: date("2022-03-01"))
        #expect(lapsed.status == .expired && lapsed.expiredByTerm && lapsed.since == date("2022-02-28"))

        friendship.renewal = Treaty.Renewal(period: TermLength(count: 5, unit: .years), notice: TermLength(count: 1, unit: .years))
        let renewed = friendship.standing(at: date("2025-12-02"))
        #expect(renewed.status == .inForce && !renewed.expiredByTerm)
        #expect(renewed.termEnds == date("2027-02-28"))
        #expect(friendship.standing(at: date("2040-01-01")).termEnds == date("2042-02-28"))
        // An event that ends it stands, renewal or not.
        friendship.events.append(event("2030-05-01", .terminated))
        #expect(friendship.standing(at: date("2031")).status == .terminated)
        // An explicit expiry wins over the term; a term without a known entry into force has no expiry.
        var dated = treaty([event("2010-01-01", .signed)])
        dated.term = .fixed(TermLength(count: 10, unit: .years))
        #expect(dated.firstExpiry == nil)
        dated.expires = date("2015-06")
        #expect(dated.firstExpiry == date("2015-06"))
        #expect(dated.standing(at: date("2016")).status == .signed, "a treaty never in force does not expire by its term")
    }

    @Test("term, expires and renewal are read and checked; friendship is a kind")
    func decoding() async throws {
        try await withTemporaryDirectory { directory in
            try directory.write("Content/site.yaml", "title: T\nas_of: 2016-12-31\n")
            try directory.write("Content/actors/a.yaml", "name: A\n")
            try directory.write("Content/treaties/good.yaml", """
                name: Good
                kind: friendship
                parties: [a]
                term: 10 years
                renewal: {period: 5 years, notice: 12 months}
                """)
            try directory.write("Content/treaties/bad.yaml", """
                name: Bad
                parties: [a]
                term: forever
                expires: "2020-13"
                renewal: {period: soon}
                """)
            let (content, diagnostics) = await SiteLoader(siteDirectory: directory.path).load()
            #expect(content?.config.asOf == PartialDate(parsing: "2016-12-31"))
            let good = try #require(content?.treaties.first { $0.id.rawValue == "good" })
            #expect(good.kind == .friendship)
            #expect(good.term == .fixed(TermLength(count: 10, unit: .years)))
            #expect(good.renewal == Treaty.Renewal(period: TermLength(count: 5, unit: .years), notice: TermLength(count: 12, unit: .months)))
            let messages = diagnostics.filter { $0.severity == .error }.map(\.message)
            #expect(messages.contains("'forever' is not a term"))
            #expect(messages.contains { $0.contains("2020-13") })
            #expect(messages.contains("'soon' is not a length of time"))
            #expect(diagnostics.allSatisfy { $0.location.file.hasSuffix("bad.yaml") }, "\(diagnostics)")
        }
    }

    @Test("a treaty the record cannot place on a day is listed apart, with the reason, never counted in or left out")
    func doubts() {
        // In force "2000-10": on 2000-10-15 it may or may not have been.
        let spanning = treaty([event("2000-02-09", .signed), event("2000-10", .inForce)])
        #expect(spanning.doubt(at: date("2000-10-15")) == .spanningDates([event("2000-10", .inForce)]))
        #expect(spanning.doubt(at: date("2000-10-31")) == nil, "certainly in force by the month's end")
        #expect(spanning.doubt(at: date("2000-09-30")) == nil, "certainly not yet")

        // Stated in force, with only a signature dated: possibly in force any day after the signature.
        var stated = treaty([event("1994-06-16", .signed)])
        stated.declaredStatus = .inForce
        #expect(stated.doubt(at: date("2010")) == .undatedEntryIntoForce)
        #expect(stated.doubt(at: date("1993")) == nil, "not signed yet")
        stated.events.append(event("2020-01-01", .terminated))
        #expect(stated.doubt(at: date("2021")) == nil, "ended by then")

        // Signed and later expired, with no entry into force on record: it had been in force at some point.
        let lapsed = treaty([event("1961-07-06", .signed), event("1996", .expired)])
        #expect(lapsed.doubt(at: date("1970")) == .endedLaterUndated(date("1996")))
        #expect(lapsed.doubt(at: date("1996-06-30")) == .endedLaterUndated(date("1996")), "the expiry's year spans the day: perhaps still in force")
        #expect(lapsed.doubt(at: date("1997")) == nil, "ended by then")

        // A dated entry into force settles it.
        var dated = treaty([event("1994-06-16", .signed), event("1995-01-01", .inForce)])
        dated.declaredStatus = .inForce
        #expect(dated.doubt(at: date("1994-12-31")) == nil && dated.doubt(at: date("2010")) == nil)
    }

    @Test("each party's own latest step by a day: approvals, ratifications (own date or event), withdrawals")
    func partySteps() {
        var relos = treaty([event("2024-06", .approved, "russia"), event("2025-02-18", .signed),
                            event("2025-12-02", .approved, "russia"), event("2025-12-15", .ratified, "russia")],
                           parties: ["russia", "india"])
        func steps(_ day: String) -> [String] { relos.partySteps(by: date(day)).map { "\($0.party.rawValue) \($0.step.rawValue)" } }
        #expect(steps("2024-05-31").isEmpty)
        #expect(steps("2024-06-15").isEmpty, "an approval dated only to June may not have happened by the 15th")
        #expect(steps("2024-07-31") == ["russia approved"])
        #expect(steps("2025-12-10") == ["russia approved"])
        #expect(steps("2025-12-31") == ["russia ratified"])
        relos.parties[1].ratified = date("2026-01-10")
        #expect(steps("2026") == ["russia ratified", "india ratified"])
    }

    @Test func statusTitlesAreTheirWordsCapitalised() {
        for status in TreatyStatus.allCases {
            let word = status == .inForce ? "in force" : status.rawValue
            #expect(status.title == word.prefix(1).uppercased() + word.dropFirst())
            #expect(TreatyEventType(rawValue: status.rawValue)?.title == status.title)
        }
        for (rank, type) in TreatyEventType.allCases.enumerated() { #expect(type.lifecycleRank == rank) }
    }
}
