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

    @Test("a long watchlist: 50 agreements a page, the latest to move first, terms and events on the first page, three analyses a line")
    func longWatchlist() async throws {
        try await withTemporaryDirectory { directory in
            try directory.write("site/Content/site.yaml", "title: T\nas_of: 2025-12-02\n")
            for actor in ["russia", "india"] { try directory.write("site/Content/actors/\(actor).yaml", "name: \(actor.capitalized)\n") }
            for number in 1...60 {
                let day = String(format: "2024-%02d-%02d", 1 + number % 12, 1 + number % 28)
                try directory.write("site/Content/treaties/pact-\(number).yaml", """
                    name: Pact \(number)
                    parties: [russia, india]
                    events:
                      - {date: "\(day)", type: signed}
                    """)
            }
            for number in 1...5 {
                try directory.write("site/Content/analyses/a\(number).md", "---\ntitle: About pact 11, part \(number)\ndate: 2025-0\(number)-01\ntreaties: [pact-11]\n---\nText.\n")
            }
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out"))).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            let first = try directory.read("out/watch/index.html")
            let second = try directory.read("out/watch/page/2/index.html")
            #expect(!directory.exists("out/watch/page/3/index.html"))
            #expect(first.contains("Awaiting ratification <span class=\"muted\">(60)</span>") && second.contains("(60)</span>"))
            #expect(first.components(separatedBy: "<li><a href=\"../treaties/pact-").count - 1 == 50)
            #expect(second.components(separatedBy: "<li><a href=\"../../../treaties/pact-").count - 1 == 10)
            #expect(first.contains("id=\"ending\"") && !second.contains("id=\"ending\"") && !second.contains("id=\"recent\""))
            // Signed 1 Dec 2024 (pact 11 and pact 23…): the latest signed come first.
            let order = try Regex(#"<li><a href="\.\./treaties/(pact-\d+)/"#)
            let ids = first.matches(of: order).map { String($0.output[1].substring!) }
            let days = ids.map { id -> String in
                let n = Int(id.dropFirst(5))!
                return String(format: "%02d-%02d", 1 + n % 12, 1 + n % 28)
            }
            #expect(days == days.sorted(by: >), "\(ids.prefix(5))")
            // Pact 11 (signed 12 Dec 2024, the first line) has five analyses: the line names the three latest and links to all of them on its page.
            #expect(first.contains("About pact 11, part 5") && first.contains("About pact 11, part 3") && !first.contains("About pact 11, part 2"))
            #expect(first.contains(#"; <a href="../treaties/pact-11/index.html#analyses">all 5</a>"#))
        }
    }
}
