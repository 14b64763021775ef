import Foundation
import Testing
@testable import EntenteImporting
@testable import EntenteKit
@testable import EntenteModel
@testable import EntentePages
import EntenteSearch

/// The treaty index's facets: a static page per value, with the right agreements, checked against ATOP's own rows.
@Suite("Treaty facets")
struct FacetTests {
    /// The number in a facet page's lede ("<p class="lede">123 agreements.").
    private func count(_ page: String) throws -> Int {
        let lede = try #require(page.range(of: #"<p class="lede">"#))
        return try #require(Int(page[lede.upperBound...].prefix { $0.isNumber }))
    }

    @Test("an imported ATOP site: defence pacts and the 1950s have pages whose counts are the CSV's")
    func atopCounts() async throws {
        try await withTemporaryDirectory { dir in
            let site = dir.path("site")
            _ = try ATOPImporter(options: .init(alliancesFile: try ATOPNamesTests.fixture("alliance-level"),
                                                membersFile: try ATOPNamesTests.fixture("member-level"),
                                                statesFile: try ATOPNamesTests.fixture("cow-states"), siteDirectory: site)).run()
            let report = await AtopImportTests.build(site)
            #expect(report.succeeded, "\(report.diagnostics)")
            let rows = try CSVTable.read(try ATOPNamesTests.fixture("alliance-level"), requiredColumns: ["atopid"]).records
            let defence = rows.filter { $0["defense"] == "1" }
            let fifties = rows.filter { (1950...1959).contains(Int($0["begyr"]) ?? 0) }
            #expect(!defence.isEmpty && !fifties.isEmpty)

            let kindPage = try dir.read("site/Output/treaties/kind/defence-pact/index.html")
            #expect(try count(kindPage) == defence.count)
            #expect(kindPage.contains("<h1>Kind: Defence pact</h1>"))
            let decadePage = try dir.read("site/Output/treaties/decade/1950s/index.html")
            #expect(try count(decadePage) == fifties.count)
            // Every alliance of the decade is on its page (one page: fewer than 50), and none of another decade.
            for row in fifties { #expect(decadePage.contains("treaties/atop-\(row["atopid"])/index.html")) }
            #expect(!decadePage.contains("treaties/atop-3180/index.html"), "NATO is of 1949")
            // The index links each value with its count.
            let index = try dir.read("site/Output/treaties/index.html")
            #expect(index.contains(#"<a href="../treaties/decade/1950s/index.html" data-value="1950s">1950s <span class="count">\#(fifties.count)</span></a>"#))
            // The filter script's data holds every alliance with its facets.
            let data = try dir.read("site/Output/treaties/facets.js")
            #expect(data.hasPrefix("window.ENTENTE_TREATIES = ") && data.components(separatedBy: "\"u\":\"treaties/atop-").count - 1 == rows.count)
        }
    }

    @Test("the filter script's data, put together from rows encoded one by one, is what encoding it whole gives")
    func facetJSONFromRows() {
        let rows = [
            FacetRow(n: #"A "rows":[] name"#, h: nil, u: "treaties/a/", k: "Kind", sk: "in-force", s: "In force", d: "1999",
                     dd: "1999", p: [0, 2], f: ["kind": ["defence-pact"], "decade": ["1990s"]]),
            FacetRow(n: "Ελλάδα </script> & co", h: "EK", u: "treaties/b/", k: nil, sk: nil, s: nil, d: nil, dd: nil, p: [], f: [:]),
        ]
        for kept in [rows, []] {
            let data = FacetData(parties: [.init(n: #"rows":[]"#, u: "actors/x/")], rows: [],
                                 facets: ["kind": ["rows": #""rows":[]"#]], titles: ["rows": "Rows"], asOf: kept.isEmpty ? nil : "2024")
            let whole = FacetData(parties: data.parties, rows: kept, facets: data.facets, titles: data.titles, asOf: data.asOf)
            #expect(PageRenderer.facetJSON(data, rows: kept.map(ScriptData.json)) == ScriptData.json(whole))
        }
        // The last build's rows are taken as they were; a changed row is encoded; rows no longer used are let go.
        let first = EncodedRows<FacetRow>()
        _ = first.encoded(rows, in: "facets") { _ in "old" }
        let second = EncodedRows(after: first)
        var encoded: [String] = []
        #expect(second.encoded([rows[1]], in: "facets") { encoded.append($0.n); return "new" } == ["old"])
        #expect(encoded.isEmpty)
        let third = EncodedRows(after: second)
        #expect(third.encoded(rows, in: "facets") { _ in "new" } == ["new", "old"])
        // A build that renders no data file passes the rows on.
        let fourth = EncodedRows(after: EncodedRows(after: third))
        #expect(fourth.encoded(rows, in: "facets") { _ in "again" } == ["new", "old"])
        // As many rows as before: each is compared with the row at its place; a changed one alone is encoded.
        var changed = rows
        changed[0] = FacetRow(n: "Changed", h: nil, u: "treaties/a/", k: nil, sk: nil, s: nil, d: nil, dd: nil, p: [], f: [:])
        let fifth = EncodedRows(after: fourth)
        encoded = []
        #expect(fifth.encoded(changed, in: "facets") { encoded.append($0.n); return "changed" } == ["changed", "old"])
        #expect(encoded == ["Changed"])
        // Rows in another order are encoded again where they moved, never taken from another row's place.
        #expect(EncodedRows(after: fifth).encoded(changed.reversed(), in: "facets") { $0.n } == ["Ελλάδα </script> & co", "Changed"])
        // Each file is a stream of its own.
        #expect(EncodedRows(after: fifth).encoded(rows, in: "other") { _ in "other" } == ["other", "other"])
    }

    @Test("'kind' cannot be a treaty id: treaties/kind/ holds the facet's pages")
    func reservedID() async throws {
        try await withTemporaryDirectory { directory in
            try directory.write("site/Content/site.yaml", "title: T\n")
            try directory.write("site/Content/treaties/kind.yaml", "name: K\n")
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out"))).build()
            #expect(report.diagnostics.contains { $0.message.contains("'kind' cannot be a treaty id") }, "\(report.diagnostics)")
        }
    }

    @Test("the actor index links each kind and region to a page of its actors, and the ids those pages take are refused")
    func actorFacets() async throws {
        try await withTemporaryDirectory { dir in
            try dir.write("site/Content/site.yaml", "title: Facets\n")
            try dir.write("site/Content/actors/china.yaml", "name: China\nkind: state\nregion: East Asia\n")
            try dir.write("site/Content/actors/north-korea.yaml", "name: North Korea\nkind: state\nregion: East Asia\n")
            try dir.write("site/Content/actors/asean.yaml", "name: ASEAN\nkind: organization\nregion: Southeast Asia\n")
            try dir.write("site/Content/actors/russia.yaml", "name: Russia\nkind: state\n")
            try dir.write("site/Content/treaties/pact.yaml", "name: Pact\nkind: defence-pact\nparties: [china, north-korea]\nevents: [{date: 1961-07-11, type: signed}]\n")
            let report = await AtopImportTests.build(dir.path("site"))
            #expect(report.succeeded, "\(report.diagnostics)")
            let index = try dir.read("site/Output/actors/index.html")
            #expect(index.contains(#"<a href="../actors/region/east-asia/index.html" data-value="east-asia">East Asia <span class="count">2</span></a>"#))
            #expect(index.contains(#"<a href="../actors/kind/state/index.html" data-value="state">States <span class="count">3</span></a>"#))
            let region = try dir.read("site/Output/actors/region/east-asia/index.html")
            #expect(region.contains("<h1>Region: East Asia</h1>"))
            #expect(try count(region) == 2)
            #expect(region.contains("actors/china/index.html") && region.contains("actors/north-korea/index.html"))
            #expect(!region.contains("actors/russia/index.html") && !region.contains("actors/asean/index.html"))
            #expect(region.contains(#"<span class="count" title="agreements">1</span>"#), "each actor with its number of agreements")
            let kind = try dir.read("site/Output/actors/kind/organization/index.html")
            #expect(try count(kind) == 1 && kind.contains("actors/asean/index.html"))

            try dir.write("site/Content/actors/region.yaml", "name: Region\nkind: state\n")
            let refused = await AtopImportTests.build(dir.path("site"))
            #expect(!refused.succeeded)
            #expect(refused.diagnostics.contains { $0.message.contains("actors/region/ holds pages of the actor index") })
        }
    }
}
