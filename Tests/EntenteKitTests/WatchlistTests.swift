import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteModel
@testable import EntentePages
@testable import EntenteResolving

/// The watchlist: agreements awaiting ratification, terms ending, the year's events; its page and feed.
@Suite("Watchlist")
struct WatchlistTests {
    private func writeSite(in directory: TemporaryDirectory) throws {
        try directory.write("site/Content/site.yaml", "title: T\nas_of: 2025-12-02\nwatch_years: 3\n")
        for actor in ["russia", "india", "china", "vietnam"] { try directory.write("site/Content/actors/\(actor).yaml", "name: \(actor.capitalized)\n") }
        try directory.write("site/Content/treaties/relos.yaml", """
            name: RELOS
            instrument: agreement
            parties: [russia, india]
            events:
              - {date: "2025-02-18", type: signed}
              - {date: "2025-12-02", type: ratified, actor: russia}
              - {date: "2025-12", type: approved, actor: india}
              - {date: "2026-01-05", type: other}
            """)
        try directory.write("site/Content/treaties/statement.yaml", """
            name: A joint statement
            instrument: joint-statement
            parties: [russia, vietnam]
            events:
              - {date: "2024-06-20", type: signed}
            """)
        try directory.write("site/Content/treaties/friendship.yaml", """
            name: Friendship
            parties: [russia, china]
            term: 20 years
            renewal: {period: 5 years, notice: 1 year}
            events:
              - {date: "2001-07-16", type: signed}
              - {date: "2002-02-28", type: in-force}
            """)
        try directory.write("site/Content/treaties/far.yaml", """
            name: Far off
            parties: [russia, china]
            term: 10 years
            events:
              - {date: "2024-01-01", type: in-force}
            """)
        try directory.write("site/Content/treaties/stated.yaml", """
            name: In force as stated
            parties: [russia, vietnam]
            status: in-force
            events:
              - {date: "1994-06-16", type: signed}
            """)
        try directory.write("site/Content/analyses/about-relos.md", """
            ---
            title: About RELOS
            date: "2025-03-01"
            treaties: [relos]
            ---
            Text.
            """)
    }

    @Test("awaiting ratification (treaties only), terms ending within the window with the notice day, the year's events")
    func lists() async throws {
        try await withTemporaryDirectory { directory in
            try writeSite(in: directory)
            var state = BuildState()
            let rebuild = await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out")))
                .rebuild(&state)
            let renderer = try #require(rebuild.renderer, "\(rebuild.diagnostics)")
            let list = try #require(renderer.watchlist)
            #expect(list.pending.map(\.treaty.rawValue) == ["relos"],
                    "a joint statement is not ratified; a treaty stated to be in force is past ratification")
            #expect(list.pending.first?.ratified.map(\.rawValue) == ["russia"])
            #expect(list.pending.first?.awaiting.map(\.rawValue) == ["india"])
            #expect(list.ending.map(\.treaty.rawValue) == ["friendship"], "the other term ends in 2034, past 3 years")
            #expect(list.ending.first?.ends == PartialDate(parsing: "2027-02-28"))
            #expect(list.ending.first?.noticeBy == PartialDate(parsing: "2026-02-28"))
            #expect(list.recent.map(\.event.date.description) == ["2025-12-02", "2025-12", "2025-02-18"],
                    "newest first, within twelve months; a month spanning as_of may have happened by then; a later day has not")
        }
    }

    @Test("the page and its feed link each line to the agreement and the analyses about it")
    func pageAndFeed() async throws {
        try await withTemporaryDirectory { directory in
            try writeSite(in: directory)
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out"))).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            let page = try directory.read("out/watch/index.html")
            #expect(page.contains(#"<a href="../treaties/relos/index.html">RELOS</a>: ratified by <a href="../actors/russia/index.html">Russia</a>; not yet by <a href="../actors/india/index.html">India</a>."#))
            #expect(page.contains(#"Analyses: <a href="../analyses/about-relos/index.html">About RELOS</a>"#))
            #expect(page.contains("renews for 5 years unless a party gives notice by <time datetime=\"2026-02-28\""))
            #expect(page.contains(#"href="../watch/index.html" aria-current="page""#) || page.contains("Watchlist</a>"))
            let feed = try directory.read("out/watch/feed.xml")
            #expect(feed.contains("<title>Awaiting ratification: RELOS</title>"))
            #expect(feed.contains("<title>Term ends 28 Feb 2027: Friendship</title>"))
            #expect(feed.contains("<title>Ratified (Russia): RELOS, 2 Dec 2025</title>"))
        }
    }
}
