import Foundation
import Testing
@testable import EntenteImporting
@testable import EntenteKit
@testable import EntenteLoading
@testable import EntenteModel

/// The names table: every entry is checked against ATOP's own rows, and an import uses the names.
@Suite("ATOP alliance names")
struct ATOPNamesTests {
    static func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/atop-named")).path
    }

    @Test("every entry's start date and founding members are those of its ATOP alliance")
    func everyEntryMatchesTheData() throws {
        let alliances = try CSVTable.read(try Self.fixture("alliance-level"), requiredColumns: ["atopid"])
        let members = try CSVTable.read(try Self.fixture("member-level"), requiredColumns: ["atopid", "member"])
        let byID = Dictionary(uniqueKeysWithValues: alliances.records.map { (Int($0["atopid"])!, $0) })
        let membersByID = Dictionary(grouping: members.records, by: { Int($0["atopid"])! })
        #expect(ATOPWellKnownName.table.count >= 40)
        #expect(Set(ATOPWellKnownName.table.map(\.atopid)).count == ATOPWellKnownName.table.count, "one entry per alliance")
        #expect(Set(ATOPWellKnownName.table.map(\.name)).count == ATOPWellKnownName.table.count, "no name used twice")
        for entry in ATOPWellKnownName.table {
            let row = try #require(byID[entry.atopid], "ATOP \(entry.atopid) (\(entry.name)) is not in the data")
            let start = try #require(AtopImportTests.Rows.date(row, "begyr", "begmo", "begday"))
            #expect(entry.start == start, "\(entry.name): ATOP \(entry.atopid) starts on \(start)")
            let founders = Set((membersByID[entry.atopid] ?? [])
                .filter { AtopImportTests.Rows.date($0, "yrent", "moent", "dayent") == start }
                .map { Int($0["member"])! })
            #expect(Set(entry.founders) == founders, "\(entry.name): ATOP \(entry.atopid)'s founding members are \(founders.sorted())")
        }
        // The ones a reader is most likely to look for, on the right alliances.
        let named = Dictionary(uniqueKeysWithValues: ATOPWellKnownName.table.map { ($0.atopid, $0) })
        #expect(named[3180]?.short == "NATO" && named[3180]?.founders.contains(2) == true, "NATO: the United States founded it")
        #expect(named[3285]?.name == "Warsaw Pact" && named[3285]?.founders.contains(365) == true)
        #expect(named[3075]?.also == ["Rio Treaty"] && named[3215]?.short == "ANZUS")
    }

    @Test("an import names the known alliances, keeping the generated name and the ATOP id as aliases")
    func importUsesTheNames() async throws {
        try await withTemporaryDirectory { dir in
            let site = dir.path("site")
            _ = try ATOPImporter(options: .init(alliancesFile: try Self.fixture("alliance-level"),
                                                membersFile: try Self.fixture("member-level"),
                                                statesFile: try Self.fixture("cow-states"), siteDirectory: site)).run()
            let content = try await AtopImportTests.load(site)
            let nato = try AtopImportTests.treaty(3180, in: content)
            #expect(nato.name == "North Atlantic Treaty" && nato.short == "NATO")
            #expect(nato.aliases.contains("ATOP 3180"))
            #expect(nato.aliases.contains { $0.hasPrefix("Defence pact of ") && $0.contains("1949") }, "\(nato.aliases)")
            let rio = try AtopImportTests.treaty(3075, in: content)
            #expect(rio.name == "Inter-American Treaty of Reciprocal Assistance" && rio.aliases.contains("Rio Treaty"))
            #expect(try AtopImportTests.treaty(3285, in: content).name == "Warsaw Pact")
        }
    }

    @Test("a name whose alliance the data describes differently is not applied")
    func mismatchKeepsTheGeneratedName() throws {
        let known = try #require(ATOPWellKnownName.entry(for: 3180))
        var document = ATOPTreatyDocument(
            alliance: ATOPAlliance(id: 3180, start: PartialDate(parsing: "1949-04-05")!, end: nil, obligations: [.defence],
                                   location: SourceLocation(file: "a.csv")),
            rows: [], skippedMembers: [], actors: [:])
        #expect(document.wellKnown == nil, "a different start date")
        document.alliance.start = PartialDate(parsing: known.start)!
        #expect(document.wellKnown == nil, "no members: not the founders the table records")
    }
}
