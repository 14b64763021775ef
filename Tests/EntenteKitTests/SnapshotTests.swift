import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteModel
@testable import EntentePages
@testable import EntentePictures
@testable import EntenteImporting

/// The network as it stood on chosen days: what each snapshot draws and lists, and where actors stand.
@Suite("Network snapshots")
struct SnapshotTests {
    @Test("the example site: the 2024 treaty is in force on 31 Dec 2024 and not on 1 Jun 2024, in the picture and the table")
    func exampleSite() async throws {
        try await withTemporaryDirectory { directory in
            let site = try AtopImportTests.copyExampleSite(into: directory)
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: site, outputDirectory: directory.path("out"))).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            let before = try directory.read("out/network/2024-06-01/index.html")
            let after = try directory.read("out/network/2024-12-31/index.html")
            let pact = "treaties/russia-north-korea-csp-2024/index.html"
            #expect(!before.contains(pact), "not yet in force on 1 Jun 2024: neither drawn nor listed")
            #expect(after.components(separatedBy: pact).count >= 2, "listed on 31 Dec 2024")
            // Drawn: the line between the two parties names it in its tooltip and opens the page of the two.
            let line = "(Russia–DPRK Partnership Treaty) — Defence pact, in force — between Russia and North Korea: every agreement and analysis of the two"
            #expect(after.contains(line) && !before.contains("(Russia–DPRK Partnership Treaty) —"))
            #expect(after.contains("actors/north-korea/with/russia/index.html"))
            #expect(before.contains("treaties/russia-china-2001/index.html") && after.contains("treaties/russia-china-2001/index.html"))
            #expect(before.contains("<h1>Agreements in force on <time datetime=\"2024-06-01\""))
            // The 1994 Vietnam treaty is stated in force with no date of entry into force: listed apart, with the reason, not drawn.
            let perhaps = try #require(before.range(of: "<h2>Perhaps in force that day</h2>"))
            let vietnam = "treaties/russia-vietnam-1994/index.html"
            #expect(before[perhaps.upperBound...].contains(vietnam) && !before[..<perhaps.lowerBound].contains(vietnam))
            #expect(before.contains("Stated to be in force, but no date of entry into force is on record."))
            #expect(after.contains(#"<strong aria-current="page" data-date="2024-12-31">31 Dec 2024</strong>"#))
            let network = try directory.read("out/network/index.html")
            #expect(network.contains(#"<a href="../network/2024-12-31/index.html" data-date="2024-12-31">31 Dec 2024</a>"#))
        }
    }

    @Test("an actor keeps its place from one snapshot to another; one bound by nothing that day is not drawn")
    func stablePlaces() async throws {
        try await withTemporaryDirectory { directory in
            let site = try AtopImportTests.copyExampleSite(into: directory)
            var state = BuildState()
            let rebuild = await SiteBuilder(options: BuildOptions(siteDirectory: site, outputDirectory: directory.path("out"))).rebuild(&state)
            let renderer = try #require(rebuild.renderer)
            let whole = NetworkPicture.layout(site: renderer.site)
            let early = NetworkPicture.inForce(on: PartialDate(parsing: "2024-06-01")!, layout: whole)
            let late = NetworkPicture.inForce(on: PartialDate(parsing: "2024-12-31")!, layout: whole)
            #expect(early.nodes.map(\.position) == whole.nodes.map(\.position))
            #expect(late.nodes.map(\.position) == whole.nodes.map(\.position))
            let northKorea = try #require(whole.nodes.firstIndex { $0.actor.id.rawValue == "north-korea" })
            #expect(early.nodes[northKorea].hidden == (early.marks.allSatisfy { !$0.parties.contains(northKorea) }))
            #expect(!late.nodes[northKorea].hidden)
            // The record: the 2000 treaty bound Moscow and Pyongyang until the 2024 treaty replaced it on 4 Dec 2024.
            let earlyIDs = Set(early.marks.map(\.treaty.id.rawValue)), lateIDs = Set(late.marks.map(\.treaty.id.rawValue))
            #expect(earlyIDs.contains("russia-north-korea-2000") && !earlyIDs.contains("russia-north-korea-csp-2024"))
            #expect(lateIDs.contains("russia-north-korea-csp-2024") && !lateIDs.contains("russia-north-korea-2000"))
            #expect(late.marks.allSatisfy { $0.treaty.status?.isActive == true })
        }
    }

    @Test("without snapshots in site.yaml: the first year of each decade the data spans, and as_of")
    func defaultDays() async throws {
        try await withTemporaryDirectory { directory in
            try directory.write("site/Content/site.yaml", "title: T\nas_of: 2016-12-31\n")
            try directory.write("site/Content/actors/a.yaml", "name: A\n")
            try directory.write("site/Content/actors/b.yaml", "name: B\n")
            try directory.write("site/Content/treaties/old.yaml", """
                name: Old
                parties: [a, b]
                events:
                  - {date: "1815-06-09", type: signed}
                  - {date: "1815-06-09", type: in-force}
                  - {date: "1914", type: terminated}
                """)
            var state = BuildState()
            let rebuild = await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out")))
                .rebuild(&state)
            let renderer = try #require(rebuild.renderer)
            let days = renderer.snapshotDays.map(\.description)
            #expect(days.first == "1820" && days.contains("1910") && days.contains("2010") && days.last == "2016-12-31")
            #expect(days.count == 21)
            // In 1910 the treaty is in force; by the end of 1914 it has ended.
            #expect(renderer.render(.snapshot(PartialDate(year: 1910)!)).contains("treaties/old/index.html"))
            #expect(!renderer.render(.snapshot(PartialDate(year: 1920)!)).contains("treaties/old/index.html"))
        }
    }
}

/// Snapshots of an imported ATOP site against the ATOP rows themselves.
@Suite("Network snapshots of ATOP data")
struct ATOPSnapshotTests {
    @Test("1914, 1939, 1955 and 1991 exist; the Triple Alliance is in force in 1914, the Warsaw Pact in 1955 and not in 1992")
    func againstTheRows() async throws {
        try await withTemporaryDirectory { dir in
            let site = dir.path("site")
            _ = try ATOPImporter(options: try AtopImportTests.options(site: site)).run()
            let content = try await AtopImportTests.load(site)
            #expect(content.config.asOf == PartialDate(parsing: "2016-12-31"))
            let days = (content.config.snapshots ?? []).map(\.description)
            for year in ["1914", "1939", "1955", "1991", "2016-12-31"] { #expect(days.contains(year), "\(year)") }

            let rows = try AtopImportTests.Rows()
            let triple = try AtopImportTests.treaty(1350, in: content)
            #expect(rows.start(1350) == "1882-05-20" && rows.end(1350) == "1918-11-03")
            #expect(triple.standing(at: PartialDate(parsing: "1914")!).status == .inForce)
            #expect(triple.standing(at: PartialDate(parsing: "1881")!).status == nil)
            #expect(triple.standing(at: PartialDate(parsing: "1919")!).status?.isActive == false)
            let warsaw = try AtopImportTests.treaty(3285, in: content)
            #expect(rows.start(3285).hasPrefix("1955") && rows.end(3285)?.hasPrefix("1991") == true)
            #expect(warsaw.standing(at: PartialDate(parsing: "1955")!).status == .inForce)
            #expect(warsaw.standing(at: PartialDate(parsing: "1992")!).status?.isActive == false)

            let report = await AtopImportTests.build(site)
            #expect(report.succeeded, "\(report.diagnostics)")
            let in1914 = try dir.read("site/Output/network/1914/index.html")
            let in1955 = try dir.read("site/Output/network/1955/index.html")
            let in1991 = try dir.read("site/Output/network/1991/index.html")
            #expect(in1914.contains("treaties/atop-1350/index.html") && !in1914.contains("treaties/atop-3285/index.html"))
            #expect(in1955.contains("treaties/atop-3285/index.html") && !in1955.contains("treaties/atop-1350/index.html"))
            #expect(!in1991.contains("treaties/atop-3285/index.html"), "the Warsaw Pact was dissolved on 1 Jul 1991")
        }
    }
}
