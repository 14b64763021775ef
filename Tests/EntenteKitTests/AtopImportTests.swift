import Foundation
import Testing
import Yams
@testable import EntenteImporting
@testable import EntenteKit
@testable import EntenteLoading
@testable import EntenteMarkdown
@testable import EntenteModel
@testable import EntentePages

/// `entente import atop` on real ATOP 4.01 and COW rows (Fixtures/atop, see its SOURCES.md), into an empty
/// site and into a copy of the example site; every check of an alliance is made against the fixture CSVs.
@Suite("AtopImport")
struct AtopImportTests {
    // MARK: Fixtures

    static func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/atop")).path
    }

    static func options(site: String, dryRun: Bool = false) throws -> ATOPImporter.Options {
        ATOPImporter.Options(alliancesFile: try fixture("alliance-level"), membersFile: try fixture("member-level"),
                             statesFile: try fixture("cow-states"), siteDirectory: site, dryRun: dryRun)
    }

    /// The example site of the repository (its Content/ folder), copied into `dir/name`.
    static func copyExampleSite(into dir: TemporaryDirectory, as name: String = "example") throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let site = dir.path(name)
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("Content").path,
                                         toPath: (site as NSString).appendingPathComponent("Content"))
        return site
    }

    /// The fixture CSV rows, read through the same CSV library as the importer.
    struct Rows {
        var alliances: [Int: CSVTable.Record]
        var members: [Int: [CSVTable.Record]]

        init() throws {
            let alliances = try CSVTable.read(try fixture("alliance-level"), requiredColumns: ["atopid"])
            let members = try CSVTable.read(try fixture("member-level"), requiredColumns: ["atopid", "member"])
            self.alliances = Dictionary(uniqueKeysWithValues: alliances.records.map { (Int($0["atopid"])!, $0) })
            self.members = Dictionary(grouping: members.records, by: { Int($0["atopid"])! })
        }

        /// The date in three columns at the precision the CSV has (a blank or zero month or day is left out).
        static func date(_ record: CSVTable.Record, _ year: String, _ month: String, _ day: String) -> String? {
            guard let y = Int(record[year]), y != 0 else { return nil }
            var text = String(y)
            if let m = Int(record[month]), m != 0 {
                text += "-" + (m < 10 ? "0" : "") + String(m)
                if let d = Int(record[day]), d != 0 { text += "-" + (d < 10 ? "0" : "") + String(d) }
            }
            return text
        }

        func start(_ id: Int) -> String { Self.date(alliances[id]!, "begyr", "begmo", "begday")! }
        func end(_ id: Int) -> String? { Self.date(alliances[id]!, "endyr", "endmo", "endday") }
        func inEffect(_ id: Int) -> Bool { alliances[id]!["ineffect"] == "1" }
        func obligations(_ id: Int) -> [Treaty.Obligation] {
            let flags: [(String, Treaty.Obligation)] = [("defense", .defence), ("offense", .offence), ("neutral", .neutrality), ("nonagg", .nonAggression),
             ("consul", .consultation)]
            return flags.filter { alliances[id]![$0.0] == "1" }.map(\.1)
        }
        /// Member COW codes with their (entry, exit) rows, in file order.
        func memberRows(_ id: Int) -> [Int: [(entry: String, exit: String?, phase: Int)]] {
            Dictionary(grouping: members[id]!, by: { Int($0["member"])! }).mapValues { rows in
                rows.map { (Self.date($0, "yrent", "moent", "dayent")!, Self.date($0, "yrexit", "moexit", "dayexit"),
                            Int($0["phase"]) ?? 0) }
            }
        }
    }

    /// The site as the build's own loader reads it: every generated file must load without a problem.
    static func load(_ site: String) async throws -> SiteContent {
        let (content, diagnostics) = await SiteLoader(siteDirectory: site).load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(content)
    }

    static func build(_ site: String) async -> BuildReport {
        await SiteBuilder(options: BuildOptions(siteDirectory: site,
                                                outputDirectory: (site as NSString).appendingPathComponent("Output"))).build()
    }

    static func actorIDs(byCOW content: SiteContent) -> [Int: String] {
        Dictionary(content.actors.compactMap { actor in actor.cow.map { ($0, actor.id.rawValue) } }, uniquingKeysWith: min)
    }

    static func treaty(_ id: Int, in content: SiteContent) throws -> Treaty {
        try #require(content.treaties.first { $0.id.rawValue == "atop-\(id)" })
    }

    // MARK: Into an empty site

    @Test func importsIntoAnEmptySiteAndBuilds() async throws {
        try await withTemporaryDirectory { dir in
            let site = dir.path("site")
            let report = try ATOPImporter(options: try Self.options(site: site)).run()
            let rows = try Rows()

            // One actor per COW state with a usable row, one treaty per alliance, one skipped row.
            let states = Set(rows.members.values.joined().map { Int($0["member"])! }).subtracting([8152])
            #expect(report.files(.actors, .create).count == states.count)
            #expect(report.files(.treaties, .create).count == rows.alliances.count)
            #expect(report.skippedRows == 1)
            #expect(report.reusedActors.isEmpty)
            #expect(report.summary == "Imported \(states.count) actors (\(states.count) created, 0 updated, 0 unchanged, 0 already in the site) and 14 treaties (14 created, 0 updated, 0 unchanged, 0 hand-edited and kept); 1 row skipped")
            let skipped = try #require(report.warnings.first { $0.message.contains("8152") })
            #expect(skipped.location.file.hasSuffix("member-level.csv"))
            #expect(skipped.location.line == 35)
            #expect(skipped.message == "alliance 1320: unknown COW state code 8152 (not in the state list); row skipped")
            #expect(report.creditsHint == nil)

            // A site.yaml with a title, a description and the credits line.
            let content = try await Self.load(site)
            #expect(content.config.title == "Military alliances, 1815–2016")
            #expect(content.config.description?.contains("ATOP 4.01") == true)
            #expect(content.config.credits == ATOPImporter.credits)
            #expect(Set(content.actors.compactMap(\.cow)) == states)
            #expect(content.treaties.count == 14)

            // Ids from names, ISO codes only where reliable (COW's AUS is Austria, not Australia).
            let ids = Self.actorIDs(byCOW: content)
            #expect(ids[365] == "russia" && ids[731] == "north-korea" && ids[2] == "united-states-of-america")
            #expect(ids[260] == "german-federal-republic" && ids[245] == "bavaria")
            let byID = Dictionary(uniqueKeysWithValues: content.actors.map { ($0.id.rawValue, $0) })
            #expect(byID["russia"]?.iso3 == "RUS" && byID["russia"]?.name == "Russia" && byID["russia"]?.kind == .state)
            #expect(byID["hungary"]?.iso3 == "HUN")
            #expect(byID["german-federal-republic"]?.iso3 == nil)
            #expect(byID["bavaria"]?.iso3 == nil)
            #expect(byID["romania"]?.iso3 == "ROU")
            #expect(byID["bavaria"]?.summary?.source == "A member of the Correlates of War state system from 1816 to 1871 (COW code 245, abbreviation BAV).")
            // The one-party alliance whose other member row was skipped says so.
            let lonely = try Self.treaty(1320, in: content)
            #expect(lonely.parties.map(\.actor.id.rawValue) == ["france"])
            #expect(lonely.summary?.source.hasSuffix("1 member row was skipped by the import and is not shown here: member-level.csv line 35, unknown COW state code 8152 (not in the state list).") == true)

            let built = await Self.build(site)
            #expect(built.succeeded, "\(built.diagnostics)")
            #expect(built.diagnostics.isEmpty, "\(built.diagnostics)")
            let page = try dir.read("site/Output/treaties/atop-3440/index.html")
            #expect(page.contains("Russia–North Korea defence pact, 1961"))
            #expect(page.contains("Correlates of War Project, State System Membership List v2016"))
            let actorPage = try dir.read("site/Output/actors/russia/index.html")
            for id in [1115, 3005, 3285, 3440, 3675, 3910, 4940] {
                #expect(actorPage.contains("treaties/atop-\(id)/"), "Russia's page lists alliance \(id)")
            }
            #expect(actorPage.contains("State System Membership List v2016"))
        }
    }

    @Test func bilateralAllianceMatchesTheCSV() async throws {
        try await withTemporaryDirectory { dir in
            _ = try ATOPImporter(options: try Self.options(site: dir.path("site"))).run()
            let content = try await Self.load(dir.path("site"))
            let rows = try Rows()
            let ids = Self.actorIDs(byCOW: content)
            let treaty = try Self.treaty(3440, in: content)
            let members = rows.memberRows(3440)

            // A well-known alliance: its name from the table, the generated name kept as an alias.
            #expect(treaty.name == "Soviet–North Korean Treaty of Friendship, Co-operation and Mutual Assistance")
            #expect(treaty.aliases == ["Russia–North Korea defence pact, 1961"])
            #expect(treaty.short == "ATOP 3440")
            #expect(treaty.kind == .defencePact)
            #expect(treaty.obligations == rows.obligations(3440))
            #expect(treaty.obligations == [.defence, .nonAggression])
            #expect(treaty.declaredStatus == (rows.inEffect(3440) ? .inForce : .terminated))
            #expect(treaty.declaredStatus == .terminated)
            #expect(Set(treaty.parties.map(\.actor.id.rawValue)) == Set(members.keys.map { ids[$0]! }))
            for party in treaty.parties {
                let cow = try #require(ids.first { $0.value == party.actor.id.rawValue }?.key)
                #expect(party.signed?.description == members[cow]![0].entry)
                #expect(party.withdrawn == nil)   // both left when the alliance ended
            }
            #expect(treaty.events.map { "\($0.date) \($0.type.rawValue) \($0.actor?.id.rawValue ?? "-")" }
                        == ["\(rows.start(3440)) signed -", "\(rows.start(3440)) in-force -", "\(rows.end(3440)!) terminated -"])
            #expect(treaty.events.allSatisfy { $0.source == 1 })
            #expect(treaty.sources.count == 1)
            #expect(treaty.sources[0].title.hasPrefix("ATOP v4.01, alliance 3440"))
            #expect(treaty.sources[0].url == ATOPImporter.sourceURL)
        }
    }

    @Test func multilateralAllianceKeepsEveryPhase() async throws {
        try await withTemporaryDirectory { dir in
            _ = try ATOPImporter(options: try Self.options(site: dir.path("site"))).run()
            let content = try await Self.load(dir.path("site"))
            let rows = try Rows()
            let ids = Self.actorIDs(byCOW: content)

            // 1020: ten members, three phases each, with a lapse between phases 2 and 3 (1848–1850).
            let confederation = try Self.treaty(1020, in: content)
            let members = rows.memberRows(1020)
            #expect(members.count == 10 && members.values.allSatisfy { $0.count == 3 })
            #expect(confederation.name == "Defence pact of 10 states, 1815 (Hanover, Bavaria, Germany and 7 others)")
            #expect(confederation.obligations == rows.obligations(1020))
            #expect(confederation.declaredStatus == .terminated)
            #expect(Set(confederation.parties.map(\.actor.id.rawValue)) == Set(members.keys.map { ids[$0]! }))
            for (cow, memberRows) in members {
                let id = ids[cow]!
                let party = try #require(confederation.parties.first { $0.actor.id.rawValue == id })
                #expect(party.signed?.description == memberRows[0].entry)
                #expect(party.withdrawn == nil)
                #expect(party.note == "ATOP membership records: phase 1, 8 Jun 1815 to 15 May 1820; phase 2, 15 May 1820 to 31 Mar 1848; phase 3, 29 Nov 1850 to 15 Jun 1866")
                // Never collapsed: phase 2 follows on, phase 3 comes after a lapse.
                let own = confederation.events.filter { $0.actor?.id.rawValue == id }
                    .map { "\($0.date) \($0.type.rawValue)" }
                #expect(own == ["\(memberRows[1].entry) other", "\(memberRows[1].exit!) suspended", "\(memberRows[2].entry) other"])
            }
            let shared = confederation.events.filter { $0.actor == nil }.map { "\($0.date) \($0.type.rawValue)" }
            #expect(shared == ["\(rows.start(1020)) signed", "\(rows.start(1020)) in-force", "\(rows.end(1020)!) terminated"])
            // The party table shows the first entry only: the lapse is in the timeline and the note, not a withdrawal.
            let built = await Self.build(dir.path("site"))
            #expect(built.succeeded, "\(built.diagnostics)")
            let page = try dir.read("site/Output/treaties/atop-1020/index.html")
            let table = try #require(page.range(of: "<table class=\"parties\">").flatMap { start in
                page.range(of: "</table>", range: start.upperBound..<page.endIndex).map { page[start.lowerBound..<$0.upperBound] }
            })
            #expect(!table.contains(#"<time datetime="1848-03-31">"#) && !table.contains("(accession)"))
            #expect(table.contains("phase 3, 29 Nov 1850 to 15 Jun 1866"))
            let timeline = try #require(page.range(of: "<ol class=\"timeline\">").map { page[$0.lowerBound...] })
            #expect(timeline.contains("Membership lapses (end of ATOP phase 2)"))
            #expect(timeline.contains("Membership resumes (ATOP phase 3)"))

            // 3180: in effect, founders and later members, one withdrawal before the end.
            let nato = try Self.treaty(3180, in: content)
            let natoRows = rows.memberRows(3180)
            #expect(nato.parties.count == natoRows.count)
            #expect(nato.declaredStatus == .inForce)
            #expect(!nato.events.contains { $0.type == .terminated })
            for (cow, memberRows) in natoRows {
                let party = try #require(nato.parties.first { $0.actor.id.rawValue == ids[cow] })
                let first = memberRows.map(\.entry).min()!
                if first == rows.start(3180) {
                    #expect(party.signed?.description == first && party.acceded == nil)
                } else {
                    #expect(party.acceded?.description == first && party.signed == nil)
                }
                let exits = memberRows.map(\.exit)
                #expect(party.withdrawn?.description == (exits.contains(nil) ? nil : exits.compactMap { $0 }.max()))
                // One event per row: its start (signed, acceded or a continuation), plus its leaving.
                let own = nato.events.filter { $0.actor?.id == party.actor.id }
                #expect(own.filter { $0.type != .withdrawn && $0.type != .suspended }.count == memberRows.count)
            }
            let gfr = try #require(nato.parties.first { $0.actor.id.rawValue == "german-federal-republic" })
            #expect(gfr.acceded?.description == "1954-10-23" && gfr.withdrawn?.description == "1990-10-03")
            // A later member is not shown as a signatory: founders have their own signature events.
            #expect(!nato.events.contains { $0.type == .signed && $0.actor == nil })

            // 4070: parallel phases 2 and 3 after Czechoslovakia split.
            let split = try Self.treaty(4070, in: content)
            let france = split.events.filter { $0.actor?.id.rawValue == "france" }.map { "\($0.date) \($0.type.rawValue) \($0.note ?? "")" }
            #expect(france == ["1991-10-01 signed Founding member (ATOP start date)",
                               "1993-01-01 other Membership continues in ATOP phase 2",
                               "1993-01-01 other Membership continues in ATOP phase 3"])
            let czechoslovakia = try #require(split.parties.first { $0.actor.id.rawValue == "czechoslovakia" })
            #expect(czechoslovakia.withdrawn?.description == "1992-12-31")
        }
    }

    @Test func allianceStillInEffect() async throws {
        try await withTemporaryDirectory { dir in
            _ = try ATOPImporter(options: try Self.options(site: dir.path("site"))).run()
            let content = try await Self.load(dir.path("site"))
            let rows = try Rows()
            let treaty = try Self.treaty(4940, in: content)
            #expect(rows.inEffect(4940) && rows.end(4940) == nil)
            #expect(treaty.declaredStatus == .inForce)
            #expect(treaty.obligations == rows.obligations(4940))
            #expect(treaty.kind == .consultation)
            #expect(treaty.parties.map(\.actor.id.rawValue) == ["russia", "north-korea"])
            #expect(treaty.parties.allSatisfy { $0.signed?.description == rows.start(4940) && $0.withdrawn == nil })
            #expect(treaty.events.map(\.type) == [.signed, .inForce])
            #expect(treaty.summary?.source.contains("still in effect at the end of the data (2016)") == true)

            // 2340: Saudi Arabia's membership lapses in 1962 and resumes in 1995; the alliance is still in effect.
            let lapse = try Self.treaty(2340, in: content)
            #expect(lapse.declaredStatus == .inForce)
            let saudi = lapse.events.filter { $0.actor?.id.rawValue == "saudi-arabia" }.map { "\($0.date) \($0.type.rawValue)" }
            #expect(saudi == ["1934-05-20 signed", "1962-11-06 suspended", "1995-02-26 other"])
            let saudiParty = try #require(lapse.parties.first { $0.actor.id.rawValue == "saudi-arabia" })
            #expect(saudiParty.withdrawn == nil)
            let yar = try #require(lapse.parties.first { $0.actor.id.rawValue == "yemen-arab-republic" })
            #expect(yar.withdrawn?.description == "1962-11-06")
        }
    }

    @Test func partialDatesKeepTheirPrecision() async throws {
        try await withTemporaryDirectory { dir in
            _ = try ATOPImporter(options: try Self.options(site: dir.path("site"))).run()
            let content = try await Self.load(dir.path("site"))
            let rows = try Rows()

            // 1115: the start is known to the month (begday blank).
            #expect(rows.alliances[1115]!["begday"].isEmpty)
            let start = try Self.treaty(1115, in: content)
            #expect(rows.start(1115) == "1844-06")
            #expect(start.events.first?.date == PartialDate(year: 1844, month: 6))
            #expect(start.events.first?.date.precision == .month)
            #expect(start.parties.allSatisfy { $0.signed == PartialDate(year: 1844, month: 6) })
            #expect(start.events.last?.date.description == rows.end(1115))

            // 3910: the end is known to the month.
            let end = try Self.treaty(3910, in: content)
            #expect(rows.end(3910) == "1987-05")
            let terminated = try #require(end.events.first { $0.type == .terminated })
            #expect(terminated.date == PartialDate(year: 1987, month: 5))
            #expect(end.parties.allSatisfy { $0.withdrawn == nil })
            #expect(end.declaredStatus == .terminated)
            #expect(end.summary?.source.contains("It began on 8 Oct 1981 and ended in May 1987.") == true)
            #expect(start.summary?.source.contains("It began in Jun 1844 and ended on 29 Jun 1846.") == true)

            let page = try await { () async throws -> String in
                let built = await Self.build(dir.path("site"))
                #expect(built.succeeded, "\(built.diagnostics)")
                return try dir.read("site/Output/treaties/atop-1115/index.html")
            }()
            #expect(page.contains(#"<time datetime="1844-06" title="Known to the month only">Jun 1844</time>"#))
            #expect(!page.contains("1844-06-01"))
        }
    }

    @Test func offenceOnlyAllianceIsKindOther() async throws {
        try await withTemporaryDirectory { dir in
            _ = try ATOPImporter(options: try Self.options(site: dir.path("site"))).run()
            let content = try await Self.load(dir.path("site"))
            let treaty = try Self.treaty(3005, in: content)
            #expect(treaty.obligations == [.offence])
            #expect(treaty.kind == .other)
            #expect(treaty.name == "Yalta Agreement")
            #expect(treaty.aliases.contains("United States of America–United Kingdom–Russia offensive alliance, 1945"))
        }
    }

    // MARK: Into the example site

    @Test func importsIntoTheExampleSiteReusingItsActors() async throws {
        try await withTemporaryDirectory { dir in
            let site = try Self.copyExampleSite(into: dir)
            let before = try snapshot(of: (site as NSString).appendingPathComponent("Content"))
            let report = try ATOPImporter(options: try Self.options(site: site)).run()

            // russia (365), north-korea (731), india (750), china (710), united-states (2) are in the fixtures.
            #expect(report.reusedActors == ["china", "india", "north-korea", "russia", "united-states"])
            #expect(report.files(.treaties, .create).count == 14)
            #expect(report.creditsHint?.hasPrefix("credits: \"Alliance data: Alliance Treaty Obligations") == true)
            #expect(!report.files.contains { $0.section == .site })
            let after = try snapshot(of: (site as NSString).appendingPathComponent("Content"))
            for (path, bytes) in before { #expect(after[path] == bytes, "\(path) was not changed") }

            let content = try await Self.load(site)
            let cows = content.actors.compactMap(\.cow)
            #expect(cows.count == Set(cows).count, "no state twice")
            let nk = try Self.treaty(3440, in: content)
            #expect(nk.parties.map(\.actor.id.rawValue) == ["russia", "north-korea"])
            #expect(try Self.treaty(3675, in: content).parties.map(\.actor.id.rawValue) == ["russia", "india"])
            #expect(try Self.treaty(3445, in: content).parties.map(\.actor.id.rawValue) == ["china", "north-korea"])
            // Generated names use the site's own actor names.
            #expect(try Self.treaty(3005, in: content).aliases.contains("United States–United Kingdom–Russia offensive alliance, 1945"))

            let built = await Self.build(site)
            #expect(built.succeeded, "\(built.diagnostics)")
            let russia = try dir.read("example/Output/actors/russia/index.html")
            #expect(russia.contains("treaties/atop-3440/") && russia.contains("treaties/russia-north-korea-2000/"))
        }
    }

    // MARK: Idempotence and hand edits

    @Test func aSecondImportChangesNothing() throws {
        try withTemporaryDirectory { dir in
            let site = try Self.copyExampleSite(into: dir)
            _ = try ATOPImporter(options: try Self.options(site: site)).run()
            let content = (site as NSString).appendingPathComponent("Content")
            let first = try snapshot(of: content)
            let stamps = try FileManager.default.attributesOfItem(atPath: content + "/treaties/atop-3440.yaml")[.modificationDate] as? Date

            let again = try ATOPImporter(options: try Self.options(site: site)).run()
            #expect(again.written.isEmpty)
            #expect(again.files.allSatisfy { $0.action == .unchanged })
            #expect(again.summary.contains("0 created, 0 updated"))
            #expect(try snapshot(of: content) == first)
            let stampsAgain = try FileManager.default.attributesOfItem(atPath: content + "/treaties/atop-3440.yaml")[.modificationDate] as? Date
            #expect(stamps == stampsAgain)
        }
    }

    @Test func aHandEditedFileSurvivesAReimport() async throws {
        try await withTemporaryDirectory { dir in
            let site = dir.path("site")
            _ = try ATOPImporter(options: try Self.options(site: site)).run()
            let treatyPath = "site/Content/treaties/atop-3440.yaml"
            let actorPath = "site/Content/actors/hungary.yaml"
            // Hand edits: the marker removed, a field changed.
            for path in [treatyPath, actorPath] {
                let edited = try dir.read(path).replacingOccurrences(of: "imported_from: \"atop-4.01\"\n", with: "")
                    .replacingOccurrences(of: "summary: \"", with: "summary: \"Edited by hand. ")
                try dir.write(path, edited)
            }
            let editedTreaty = try dir.read(treatyPath), editedActor = try dir.read(actorPath)
            // And an imported file changed but still marked: the import puts it back.
            let otherPath = "site/Content/treaties/atop-4940.yaml"
            let original = try dir.read(otherPath)
            try dir.write(otherPath, original.replacingOccurrences(of: "consultation pact", with: "CHANGED"))

            let report = try ATOPImporter(options: try Self.options(site: site)).run()
            #expect(try dir.read(treatyPath) == editedTreaty)
            #expect(try dir.read(actorPath) == editedActor)
            #expect(try dir.read(otherPath) == original)
            #expect(report.files(.treaties, .kept).map(\.id) == ["atop-3440"])
            #expect(report.files(.treaties, .update).map(\.id) == ["atop-4940"])
            #expect(report.reusedActors == ["hungary"], "the hand-edited actor is reused by its cow: code")
            let warning = try #require(report.warnings.first { $0.location.file.hasSuffix("atop-3440.yaml") })
            #expect(warning.message.contains("no 'imported_from: atop-4.01' marker"))
            #expect(report.summary.contains("1 hand-edited and kept"))

            let content = try await Self.load(site)
            #expect(try Self.treaty(3440, in: content).summary?.source.hasPrefix("Edited by hand.") == true)
            #expect(content.actors.filter { $0.cow == 310 }.count == 1)
        }
    }

    @Test func aDryRunWritesNothing() throws {
        try withTemporaryDirectory { dir in
            let site = dir.path("site")
            let report = try ATOPImporter(options: try Self.options(site: site, dryRun: true)).run()
            #expect(!dir.exists("site"))
            #expect(report.dryRun)
            #expect(report.files(.treaties, .create).count == 14)
            #expect(report.files(.site, .create).map(\.path) == [site + "/Content/site.yaml"])
            #expect(report.summary.hasPrefix("Dry run, nothing written: would import"))
            #expect(report.summary.contains("14 to create"))
        }
    }

    @Test func outputIsDeterministic() throws {
        try withTemporaryDirectory { dir in
            _ = try ATOPImporter(options: try Self.options(site: dir.path("one"))).run()
            _ = try ATOPImporter(options: try Self.options(site: dir.path("two"))).run()
            let one = try snapshot(of: dir.path("one")), two = try snapshot(of: dir.path("two"))
            #expect(!one.isEmpty && one == two)
        }
    }

    @Test func idsAvoidExistingFilesOfOtherActors() async throws {
        try await withTemporaryDirectory { dir in
            // A hand-made 'france' with no cow: code is someone else: the COW state gets another id.
            try dir.write("site/Content/site.yaml", "title: Test\ncredits: Data from ATOP and COW.\n")
            try dir.write("site/Content/actors/france.md", "---\nname: France (the football team)\nkind: other\n---\nNot a state.\n")
            let report = try ATOPImporter(options: try Self.options(site: dir.path("site"))).run()
            #expect(report.creditsHint == nil)
            #expect(report.files(.actors, .create).contains { $0.id == "france-220" })
            let content = try await Self.load(dir.path("site"))
            #expect(try Self.treaty(1320, in: content).parties.map(\.actor.id.rawValue) == ["france-220"])
            #expect(try dir.read("site/Content/actors/france.md").contains("football"))
            // The second import finds france-220 again by its cow: code.
            let again = try ATOPImporter(options: try Self.options(site: dir.path("site"))).run()
            #expect(again.written.isEmpty)
        }
    }

    // MARK: Bad rows

    @Test func badRowsAreReportedWithFileAndLineAndSkipped() async throws {
        try await withTemporaryDirectory { dir in
            let header = "atopid,begyr,begmo,begday,endyr,endmo,endday,ineffect,defense,offense,neutral,nonagg,consul"
            let alliances = try dir.write("alliances.csv", """
                \(header)
                1,1961,7,6,1996,9,10,0,1,0,0,1,0
                ,1962,1,1,0,0,0,1,1,0,0,0,0
                3,1961,2,30,0,0,0,1,1,0,0,0,0
                4,1970,0,5,0,0,0,1,1,0,0,0,0
                5,1980,1,1,0,0,0,1,0,0,0,0,1

                """)
            let members = try dir.write("members.csv", """
                atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase
                1,365,1961,7,6,1996,9,10,0
                1,731,1961,7,6,1996,9,10,0
                1,9999,1961,7,6,1996,9,10,0
                ,365,1962,1,1,0,0,0,0
                5,365,1980,13,1,0,0,0,0
                5,2,1980,1,1,0,0,0,0
                5,2,1980,1,1,1979,1,1,0
                7,2,1980,1,1,0,0,0,0
                """)
            let states = try dir.write("states.csv", "ccode,statenme,stateabb\n2,United States of America,USA\n365,Russia,RUS\n731,North Korea,PRK\n")
            let report = try ATOPImporter(options: .init(alliancesFile: alliances, membersFile: members, statesFile: states,
                                                         siteDirectory: dir.path("site"))).run()
            let lines = report.warnings.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line): \($0.message)" }
            #expect(lines == [
                "alliances.csv:3: missing atopid; row skipped",
                "alliances.csv:4: alliance 3: start date: impossible date (begyr 1961, begmo 2, begday 30); row skipped",
                "alliances.csv:5: alliance 4: start date: a day without a month (begyr 1970, begmo 0, begday 5); row skipped",
                "members.csv:4: alliance 1: unknown COW state code 9999 (not in the state list); row skipped",
                "members.csv:5: missing atopid; row skipped",
                "members.csv:6: alliance 5, state 365: entry date: impossible date (yrent 1980, moent 13, dayent 1); row skipped",
                "members.csv:8: alliance 5, state 2: exit (1979-01-01) before entry (1980-01-01); row skipped",
                "members.csv:9: alliance 7 is not in \(alliances); row skipped",
            ])
            #expect(report.skippedRows == 8)
            #expect(report.treatyCount == 2)
            #expect(report.summary.hasSuffix("; 8 rows skipped"))
            let content = try await Self.load(dir.path("site"))
            #expect(content.treaties.map(\.id.rawValue).sorted() == ["atop-1", "atop-5"])
            #expect(try Self.treaty(5, in: content).parties.map(\.actor.id.rawValue) == ["united-states-of-america"])
            let built = await Self.build(dir.path("site"))
            #expect(built.succeeded, "\(built.diagnostics)")
        }
    }

    @Test func aFileWithoutTheNeededColumnsFailsTheImport() throws {
        try withTemporaryDirectory { dir in
            let bad = try dir.write("alliances.csv", "atopid,begyr\n1,1961\n")
            let importer = ATOPImporter(options: .init(alliancesFile: bad, membersFile: try Self.fixture("member-level"),
                                                       statesFile: try Self.fixture("cow-states"),
                                                       siteDirectory: dir.path("site")))
            let error = try #require(throws: DiagnosticsError.self) { try importer.run() }
            #expect(error.diagnostics.first?.message.hasPrefix("missing columns 'begmo', 'begday'") == true)
            #expect(error.diagnostics.first?.location.line == 1)
            #expect(!dir.exists("site"))
        }
    }

    // MARK: YAML

    @Test func everyStringIsQuotedAndReadsBackAsWritten() throws {
        let awkward = ["no", "1961-07-06", "null", "*alias", "# not a comment", "a: b", "say \"hi\"", "back\\slash",
                       "two\nlines", "tab\there", "\u{2028}", "Côte d’Ivoire", "", " padded "]
        let text = YAMLEmitter.document([
            YAMLEntry("items", .list(awkward.map { .string($0) })),
            YAMLEntry("nested", .list([.mapping([YAMLEntry("actor", .string("russia")), YAMLEntry("source", .integer(1))])])),
        ], comment: ["a comment"])
        #expect(text.hasPrefix("# a comment\nitems:\n  - \"no\"\n"))
        #expect(text.contains("nested:\n  - actor: \"russia\"\n    source: 1\n"))
        let node = try #require(try Yams.compose(yaml: text, .basic))
        #expect(node["items"]?.sequence?.compactMap(\.string) == awkward)
    }
}
