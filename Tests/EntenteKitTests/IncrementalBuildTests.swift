import EntenteTestSupport
import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteModel
@testable import EntenteServing

/// The preview server's incremental rebuilds must give exactly what a full build of the same input gives.
@Suite("Incremental rebuilds")
struct IncrementalBuildTests {
    /// A full build of the site as it is now, as the preview would hold it.
    private func fullBuild(_ site: String) async throws -> [String: [UInt8]] {
        let preview = try PreviewSite()
        var session = PreviewSession(options: BuildOptions(siteDirectory: site, outputDirectory: site + "/Output"), site: preview)
        let summary = await session.rebuild()
        #expect(summary.succeeded, "\(summary.diagnostics.prefix(3))")
        return await preview.snapshot()
    }

    /// Expects `incremental`, the preview's files after a rebuild, to be those of a full build of `site` as it is now.
    private func expectFullBuild(of site: String, equals incremental: [String: [UInt8]], _ name: String) async throws {
        let full = try await fullBuild(site)
        #expect(incremental.keys.sorted() == full.keys.sorted(), "\(name): different files")
        let different = full.keys.filter { incremental[$0] != full[$0] }.sorted()
        #expect(different.isEmpty, "\(name): \(different.count) files differ, e.g. \(different.prefix(3))")
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try change(text).write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test("every kind of edit, applied incrementally, equals a full build")
    func incrementalEqualsFull() async throws {
        try await withTemporaryDirectory { directory in
            let site = directory.path("corpus")
            try GeneratedSite(actors: 45, treaties: 40, analyses: 120, seed: 7).write(into: site)

            let preview = try PreviewSite()
            var session = PreviewSession(options: BuildOptions(siteDirectory: site, outputDirectory: site + "/Output"), site: preview)
            let first = await session.rebuild()
            try #require(first.succeeded)
            let total = first.pagesRendered

            let analyses = try FileManager.default.contentsOfDirectory(atPath: site + "/Content/analyses").sorted()
            let actors = try FileManager.default.contentsOfDirectory(atPath: site + "/Content/actors").sorted()
            let treaties = try FileManager.default.contentsOfDirectory(atPath: site + "/Content/treaties").sorted()
            let analysis = site + "/Content/analyses/" + analyses[3]
            // An analysis that the watchlist's first page names, beside an agreement awaiting ratification.
            let watchPage = String(decoding: try #require(await preview.snapshot()["watch/index.html"]), as: UTF8.self)
            let watched = try #require(watchPage.firstMatch(of: /analyses\/(analysis-[0-9]+)\//)?.output.1)
            let watchedFile = site + "/Content/analyses/\(watched).md"

            // Each edit names the files it touched, as the watcher would: the rebuild looks at those alone.
            let edits: [(String, () throws -> [String])] = [
                // Text alone: the search index is updated in place (new words, so new shards), not made afresh.
                ("an analysis body gains words no page had", {
                    try edit(analysis) { $0 + "\nQuokkas near Zanzibar ignored the summit.\n" }
                    return [analysis]
                }),
                ("an analysis body is saved as editors save: a temporary file renamed over it", {
                    let temporary = site + "/Content/analyses/." + analyses[3] + ".swp"
                    let text = try String(contentsOfFile: analysis, encoding: .utf8)
                    try (text + "\nA second thought on the summit.\n").write(toFile: temporary, atomically: false, encoding: .utf8)
                    try #require(rename(temporary, analysis) == 0)
                    return [temporary, analysis]
                }),
                ("an actor's summary gains a word", {
                    let file = try actors.map { site + "/Content/actors/" + $0 }
                        .first { try String(contentsOfFile: $0, encoding: .utf8).contains("summary: A summary with") }!
                    try edit(file) { $0.replacingOccurrences(of: "summary: A summary with", with: "summary: A xylophone summary with") }
                    return [file]
                }),
                ("an analysis body gains a mention", {
                    try edit(analysis) { $0 + "\nA late word on Actor 17 and [Actor 30](actor:actor-30).\n" }
                    return [analysis]
                }),
                ("an analysis changes its tags and title", {
                    try edit(analysis) { $0.replacingOccurrences(of: "tags: [", with: "tags: [brand-new-tag, ")
                        .replacingOccurrences(of: "title: \"", with: "title: \"Retitled ") }
                    return [analysis]
                }),
                // Its place in every list is kept: the short way, and only the pages that show it.
                ("an analysis's title alone changes", {
                    try edit(site + "/Content/analyses/" + analyses[20]) { $0.replacingOccurrences(of: "'\"\ndate:", with: " (revised)'\"\ndate:") }
                    return [site + "/Content/analyses/" + analyses[20]]
                }),
                ("an analysis the watchlist names changes its title", {
                    try edit(watchedFile) { $0.replacingOccurrences(of: "'\"\ndate:", with: " (watched)'\"\ndate:") }
                    return [watchedFile]
                }),
                // The short way, but the site's order changes: every list follows.
                ("an analysis's date moves it down the lists", {
                    try edit(site + "/Content/analyses/" + analyses[21]) { $0.replacingOccurrences(of: "date: \"20", with: "date: \"19") }
                    return [site + "/Content/analyses/" + analyses[21]]
                }),
                // The full steps (no watcher named the files), finding the analysis in its place in the lists.
                ("an analysis's title changes, seen without a watcher", {
                    try edit(site + "/Content/analyses/" + analyses[22]) { $0.replacingOccurrences(of: "'\"\ndate:", with: " (second thoughts)'\"\ndate:") }
                    return []
                }),
                ("an actor is renamed", {
                    try edit(site + "/Content/actors/" + actors[2]) { $0.replacingOccurrences(of: "name: ", with: "name: Renamed ") }
                    return [site + "/Content/actors/" + actors[2]]
                }),
                ("a treaty changes status and parties", {
                    let file = try treaties.map { site + "/Content/treaties/" + $0 }
                        .first { try !String(contentsOfFile: $0, encoding: .utf8).contains("actor: actor-44\n") }!
                    try edit(file) {
                        "status: terminated\n" + $0.replacingOccurrences(of: "parties:\n", with: "parties:\n  - actor: actor-44\n")
                    }
                    return [file]
                }),
                // Its parties kept: the pages that show it and the lists it is in, not every page of its parties'
                // counterparts and pairs.
                ("a treaty changes its kind, its parties kept", {
                    let file = site + "/Content/treaties/treaty-20.yaml"
                    try edit(file) { $0.replacingOccurrences(of: "kind: defence-pact\n", with: "kind: logistics\n") }
                    return [file]
                }),
                // A new facet value: its list pages are added; then the last treaty of that kind leaves it, and they go.
                ("a treaty takes a kind no other has", {
                    let file = site + "/Content/treaties/treaty-20.yaml"
                    try edit(file) { $0.replacingOccurrences(of: "kind: logistics\n", with: "kind: trade\n") }
                    return [file]
                }),
                ("the only treaty of a kind takes another", {
                    let file = site + "/Content/treaties/treaty-20.yaml"
                    try edit(file) { $0.replacingOccurrences(of: "kind: trade\n", with: "kind: logistics\n") }
                    return [file]
                }),
                // Not on any snapshot before, so no snapshot depended on it: it is now in force on the later ones.
                ("a treaty enters into force on the day it was signed", {
                    let file = try treaties.map { site + "/Content/treaties/" + $0 }.first {
                        let text = try String(contentsOfFile: $0, encoding: .utf8)
                        return !text.contains("in-force") && !text.contains("status:") && text.contains("    type: signed\n")
                    }!
                    try edit(file) { $0.replacingOccurrences(of: "    type: signed\n", with: "    type: in-force\n") }
                    return [file]
                }),
                ("a treaty's first event moves a year earlier", {
                    let file = try treaties.map { site + "/Content/treaties/" + $0 }
                        .first { try String(contentsOfFile: $0, encoding: .utf8).contains("  - date: \"") }!
                    try edit(file) { text in
                        let match = text.firstMatch(of: #/\n  - date: "(\d{4})/#)!
                        return text.replacingCharacters(in: match.range, with: "\n  - date: \"\(Int(match.output.1)! - 1)")
                    }
                    return [file]
                }),
                ("a treaty's summary gains a word", {
                    let file = site + "/Content/treaties/treaty-8.yaml"
                    try edit(file) { $0.replacingOccurrences(of: "summary: Summary of treaty 8.\n", with: "summary: Summary of treaty 8, amended.\n") }
                    return [file]
                }),
                ("a treaty is renamed", {
                    let file = site + "/Content/treaties/treaty-23.yaml"
                    try edit(file) { $0.replacingOccurrences(of: "name: Treaty 23 & co\n", with: "name: Renamed Treaty 23 & co\n") }
                    return [file]
                }),
                // The first edit put "Zanzibar" in an analysis: it now mentions the treaty, and only its text is read again.
                ("a treaty takes a name an analysis already holds", {
                    let file = site + "/Content/treaties/treaty-23.yaml"
                    try edit(file) { $0.replacingOccurrences(of: "name: Renamed Treaty 23 & co\n", with: "name: Zanzibar\n") }
                    return [file]
                }),
                // And gives it up: the analysis mentions it no more.
                ("a treaty gives up a name an analysis holds", {
                    let file = site + "/Content/treaties/treaty-23.yaml"
                    try edit(file) { $0.replacingOccurrences(of: "name: Zanzibar\n", with: "name: Treaty 23 & co\n") }
                    return [file]
                }),
                ("an actor becomes part of another", {
                    let file = site + "/Content/actors/actor-9.yaml"
                    try edit(file) { $0 + "part_of: actor-3\n" }
                    return [file]
                }),
                ("a treaty no longer supersedes another", {
                    let file = site + "/Content/treaties/treaty-14.yaml"
                    try edit(file) { $0.replacingOccurrences(of: "supersedes: treaty-13\n", with: "") }
                    return [file]
                }),
                ("an analysis changes its actor and its date", {
                    let file = site + "/Content/analyses/" + analyses[5]
                    try edit(file) {
                        $0.replacingOccurrences(of: "actors: [actor-", with: "actors: [actor-40, actor-")
                            .replacingOccurrences(of: "date: \"20", with: "date: \"19")
                    }
                    return [file]
                }),
                ("an analysis is renamed", {
                    let from = site + "/Content/analyses/" + analyses[6], to = site + "/Content/analyses/renamed-analysis.md"
                    try FileManager.default.moveItem(atPath: from, toPath: to)
                    return [from, to]
                }),
                ("a new folder holds an analysis and its map", {
                    let folder = site + "/Content/analyses/bundled-analysis"
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    try "---\ntitle: Bundled\ndate: \"2020-02-02\"\nactors: [actor-1]\n---\nWith a ![map](map.svg) of Actor 2.\n"
                        .write(toFile: folder + "/index.md", atomically: false, encoding: .utf8)
                    try "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".write(toFile: folder + "/map.svg", atomically: false, encoding: .utf8)
                    return [folder, folder + "/index.md", folder + "/map.svg"]
                }),
                // As `sed -i` saves: a temporary file that is not hidden, renamed over the real one.
                ("a treaty is saved through a visible temporary file", {
                    let file = site + "/Content/treaties/treaty-21.yaml", temporary = site + "/Content/treaties/sedX1b2c3"
                    let text = try String(contentsOfFile: file, encoding: .utf8)
                    try text.replacingOccurrences(of: "kind: strategic-partnership\n", with: "kind: consultation\n")
                        .write(toFile: temporary, atomically: false, encoding: .utf8)
                    try #require(rename(temporary, file) == 0)
                    return [temporary, file]
                }),
                // Reported alone, as a watcher reports a moved folder: its files are gone with it.
                ("a folder with an analysis is moved out of the site", {
                    let folder = site + "/Content/analyses/bundled-analysis"
                    try FileManager.default.moveItem(atPath: folder, toPath: directory.path("moved-away"))
                    return [folder]
                }),
                ("a treaty is added", {
                    try "name: New Pact\nparties: [actor-0, actor-1]\nevents: [{date: \"2026-01\", type: signed}]\n"
                        .write(toFile: site + "/Content/treaties/new-pact.yaml", atomically: false, encoding: .utf8)
                    return [site + "/Content/treaties/new-pact.yaml"]
                }),
                ("an analysis is deleted", {
                    try FileManager.default.removeItem(atPath: site + "/Content/analyses/" + analyses[10])
                    return [site + "/Content/analyses/" + analyses[10]]
                }),
                ("the site's settings change", {
                    try edit(site + "/Content/site.yaml") { $0.replacingOccurrences(of: "title: Generated", with: "title: Regenerated") }
                    return [site + "/Content/site.yaml"]
                }),
                ("a template is overridden", {
                    try FileManager.default.createDirectory(atPath: site + "/Templates", withIntermediateDirectories: true)
                    try "{{<layout}}{{$main}}<h1>{{tag.name}}!</h1><ul>{{#analyses}}<li>{{title}}</li>{{/analyses}}</ul>{{/main}}{{/layout}}\n"
                        .write(toFile: site + "/Templates/tag.mustache", atomically: false, encoding: .utf8)
                    return [site + "/Templates", site + "/Templates/tag.mustache"]
                }),
            ]
            for (name, apply) in edits {
                let changed = try apply()
                let summary = await session.rebuild(changedFiles: changed)
                #expect(summary.succeeded, "\(name): \(summary.diagnostics.filter { $0.severity == .error }.prefix(3))")
                let incremental = await preview.snapshot()
                try await expectFullBuild(of: site, equals: incremental, name)
                if name.hasPrefix("an analysis body gains words") || name.hasPrefix("an analysis body is saved") {
                    // Its page, its text file and the search shards of its new words; no other page.
                    #expect(summary.timings.steps.first?.name == "reload",
                            "\(name): the edit took the short way")
                    #expect(summary.pagesRendered < 12, "\(name): rendered \(summary.pagesRendered) pages")
                }
                if name == "an analysis's title alone changes" || name == "an analysis's date moves it down the lists" {
                    #expect(summary.timings.steps.first?.name == "reload", "\(name): the edit took the short way")
                }
                if name == "an analysis's title alone changes" || name == "an analysis's title changes, seen without a watcher" {
                    // Its page, its text file, its citations, and the lists and feeds that show it.
                    #expect(summary.pagesRendered < 40, "\(name): rendered \(summary.pagesRendered) pages")
                    #expect(summary.pagesRendered > 5)
                }
                if ["a treaty changes status and parties", "a treaty changes its kind, its parties kept",
                    "a treaty's first event moves a year earlier", "a treaty no longer supersedes another",
                    "a treaty is saved through a visible temporary file", "a treaty's summary gains a word",
                    "a treaty takes a kind no other has", "the only treaty of a kind takes another",
                    "a treaty enters into force on the day it was signed", "a treaty is renamed",
                    "a treaty takes a name an analysis already holds", "a treaty gives up a name an analysis holds"].contains(name) {
                    // Its data alone: the last site with the treaty put in, nothing loaded, resolved or rendered again.
                    #expect(summary.timings.steps.first?.name == "reload", "\(name): the edit took the short way")
                }
                if name == "a treaty changes its kind, its parties kept" {
                    // Every actor keeps its agreements: a pair page shows the kind only when both are its parties.
                    let text = try String(contentsOfFile: site + "/Content/treaties/treaty-20.yaml", encoding: .utf8)
                    let parties = Set(text.matches(of: #/\n  - actor: (actor-\d+)/#).map { String($0.output.1) })
                    let pairs = summary.renderedPages.compactMap { $0.firstMatch(of: /^actors\/([^\/]+)\/with\/([^\/]+)\//) }
                    #expect(!pairs.isEmpty)
                    #expect(pairs.allSatisfy { parties.contains(String($0.output.1)) && parties.contains(String($0.output.2)) },
                            "pair pages rendered: \(pairs.map(\.output.0))")
                    // The treaties' data files show its kind; the actors' and the events' do not.
                    #expect(summary.renderedPages.contains("data/treaties.csv"))
                    #expect(!summary.renderedPages.contains { $0.hasPrefix("data/actors.") || $0.hasPrefix("data/events.") })
                }
                if name == "a treaty enters into force on the day it was signed" {
                    #expect(summary.renderedPages.contains { $0.hasPrefix("network/") && $0 != "network/index.html" })
                }
                if name == "a treaty takes a kind no other has" {
                    #expect(summary.renderedPages.contains("treaties/kind/trade/index.html"))
                }
                if name == "the only treaty of a kind takes another" {
                    #expect(summary.pagesRemoved > 0)
                }
                if name == "a treaty takes a name an analysis already holds" || name == "a treaty gives up a name an analysis holds" {
                    #expect(summary.renderedPages.contains("analyses/\(analyses[3].dropLast(3))/index.html"))
                }
                if name == "an analysis body gains a mention" {
                    #expect(summary.pagesRendered < total / 4, "rendered \(summary.pagesRendered) of \(total) pages")
                    #expect(summary.pagesRendered > 1)
                }
            }

            // A treaty's text with a problem is reported as a full build reports it.
            let treaty = site + "/Content/treaties/treaty-8.yaml"
            try edit(treaty) { $0.replacingOccurrences(of: "amended.\n", with: "amended by [no one](actor:no-such-party).\n") }
            let unknownParty = await session.rebuild(changedFiles: [treaty])
            #expect(!unknownParty.succeeded)
            #expect(unknownParty.diagnostics.contains { $0.message.contains("no-such-party") && $0.location.file.hasSuffix("treaty-8.yaml") })
            try edit(treaty) { $0.replacingOccurrences(of: " by [no one](actor:no-such-party)", with: "") }
            #expect(await session.rebuild(changedFiles: [treaty]).succeeded)

            // A broken edit keeps the last good site; fixing it brings the site back in step.
            let good = await preview.snapshot()
            try edit(analysis) { $0 + "\n[broken](actor:no-such-actor)\n" }
            let broken = await session.rebuild()
            #expect(!broken.succeeded)
            #expect(await preview.snapshot() == good)
            #expect(await preview.currentErrors.contains { $0.message.contains("no-such-actor") })
            try edit(analysis) { $0.replacingOccurrences(of: "\n[broken](actor:no-such-actor)\n", with: "\nFixed.\n") }
            #expect(await session.rebuild().succeeded)
            #expect(await preview.currentErrors.isEmpty)
            let fixed = await preview.snapshot()
            let full = try await fullBuild(site)
            #expect(fixed == full)
        }
    }

    @Test("lists of treaties over several pages: an edit renders the lists it moves agreements between and their first pages")
    func paginatedTreatyLists() async throws {
        try await withTemporaryDirectory { directory in
            let site = directory.path("corpus")
            // About 64 agreements of each kind: every list runs over two pages or more.
            try GeneratedSite(actors: 30, treaties: 400, analyses: 10, seed: 11).write(into: site)
            let preview = try PreviewSite()
            var session = PreviewSession(options: BuildOptions(siteDirectory: site, outputDirectory: site + "/Output"), site: preview)
            try #require(await session.rebuild().succeeded)
            let before = await preview.snapshot()
            try #require(before["treaties/kind/logistics/page/2/index.html"] != nil && before["treaties/page/8/index.html"] != nil)
            // Only a list's first page shows each value's count; its further pages link the values alone.
            let second = String(decoding: try #require(before["treaties/page/2/index.html"]), as: UTF8.self)
            #expect(second.contains(#"data-value="logistics">Logistics agreement</a>"#))
            #expect(String(decoding: try #require(before["treaties/index.html"]), as: UTF8.self).contains(#"data-value="logistics">Logistics agreement <span class="count">"#))

            let edits: [(String, () throws -> [String])] = [
                ("a treaty changes its kind", {
                    let file = site + "/Content/treaties/treaty-20.yaml"
                    try edit(file) { $0.replacingOccurrences(of: "kind: defence-pact\n", with: "kind: logistics\n") }
                    return [file]
                }),
                ("a treaty changes its status", {
                    let file = site + "/Content/treaties/treaty-31.yaml"
                    try edit(file) { "status: suspended\n" + $0 }
                    return [file]
                }),
                ("an actor moves to another region", {
                    let file = site + "/Content/actors/actor-4.yaml"
                    try edit(file) { $0.replacingOccurrences(of: "region: Region 1\n", with: "region: Region 2\n") }
                    return [file]
                }),
                ("a treaty is removed", {
                    try FileManager.default.removeItem(atPath: site + "/Content/treaties/treaty-101.yaml")
                    return [site + "/Content/treaties/treaty-101.yaml"]
                }),
                ("a treaty is added", {
                    try "name: Aardvark Pact\nkind: logistics\nparties: [actor-0, actor-1]\nevents: [{date: \"1961-01\", type: signed}]\n"
                        .write(toFile: site + "/Content/treaties/aardvark-pact.yaml", atomically: false, encoding: .utf8)
                    return [site + "/Content/treaties/aardvark-pact.yaml"]
                }),
            ]
            for (name, apply) in edits {
                let summary = await session.rebuild(changedFiles: try apply())
                #expect(summary.succeeded, "\(name): \(summary.diagnostics.prefix(3))")
                let incremental = await preview.snapshot()
                try await expectFullBuild(of: site, equals: incremental, name)
                let furtherPages = summary.renderedPages.filter { $0.hasPrefix("treaties/") && $0.contains("/page/") }
                if name == "a treaty changes its kind" {
                    // The two kinds' lists, and the further pages that show it; not the other lists' further pages.
                    #expect(summary.timings.steps.first?.name == "reload", "\(name): the edit took the short way")
                    let showing = furtherPages.filter { String(decoding: incremental[$0]!, as: UTF8.self).contains(">Treaty 20 &amp; co</a>") }
                    #expect(furtherPages.allSatisfy { $0.hasPrefix("treaties/kind/logistics/") || $0.hasPrefix("treaties/kind/defence-pact/")
                        || showing.contains($0) }, "\(furtherPages)")
                    #expect(furtherPages.contains { $0.hasPrefix("treaties/page/") })
                    #expect(summary.renderedPages.contains("treaties/status/in-force/index.html"), "first pages show the counts")
                }
                if name == "a treaty changes its status" {
                    let showing = furtherPages.filter { String(decoding: incremental[$0]!, as: UTF8.self).contains(">Treaty 31 &amp; co</a>") }
                    #expect(furtherPages.allSatisfy { $0.hasPrefix("treaties/status/") || showing.contains($0) }, "\(furtherPages)")
                }
            }
        }
    }
}

/// A preview keeps its analyses' Markdown and HTML in a file between rebuilds, not in memory.
@Suite("The preview's texts out of memory")
struct SetAsideTextsTests {
    /// Every analysis of the last build and of the load cache has its Markdown set aside.
    private func expectSetAside(_ state: BuildState, _ when: String) throws {
        let analyses = try #require(state.baseline).renderer.site.analyses
        #expect(!analyses.isEmpty)
        #expect(analyses.allSatisfy { $0.body.source.isEmpty && $0.body.setAside != nil }, "\(when): the site")
        let cached = state.loadCache.entries.values.compactMap { entry -> Analysis? in
            if case .analysis(let analysis) = entry.decoded { analysis } else { nil }
        }
        #expect(cached.count >= analyses.count)
        #expect(cached.allSatisfy { $0.body.source.isEmpty && $0.body.setAside != nil }, "\(when): the load cache")
    }

    @Test("the site and the load cache hold no analysis's Markdown after the first build, a body edit and a rename")
    func textsStaySetAside() async throws {
        try await withTemporaryDirectory { directory in
            let site = directory.path("corpus")
            try GeneratedSite(actors: 12, treaties: 10, analyses: 30, seed: 5).write(into: site)
            let builder = SiteBuilder(options: BuildOptions(siteDirectory: site, outputDirectory: site + "/Output",
                                                            trackDependencies: true))
            var state = BuildState()
            #expect(await builder.rebuild(&state).succeeded)
            try expectSetAside(state, "first build")

            let analyses = site + "/Content/analyses/"
            let file = analyses + (try FileManager.default.contentsOfDirectory(atPath: analyses).sorted()[2])
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try (text + "\nA later thought.\n").write(toFile: file, atomically: false, encoding: .utf8)
            state.changedFiles = [file]
            let edit = await builder.rebuild(&state)
            #expect(edit.succeeded)
            #expect(edit.timings.steps.first?.name == "reload", "a body edit takes the short way")
            try expectSetAside(state, "body edit")

            // A new name for an actor renders every text again: each is read back from the file it was set aside in.
            let actors = site + "/Content/actors/"
            let actor = actors + (try FileManager.default.contentsOfDirectory(atPath: actors).sorted()[0])
            let yaml = try String(contentsOfFile: actor, encoding: .utf8)
            let renamed = yaml.replacingOccurrences(of: "name: ", with: "name: Greater ", options: [], range: yaml.range(of: "name: "))
            try renamed.write(toFile: actor, atomically: false, encoding: .utf8)
            state.changedFiles = [actor]
            #expect(await builder.rebuild(&state).succeeded)
            try expectSetAside(state, "rename")
        }
    }
}

/// A one-off build renders each batch's analysis pages while the next batch's Markdown is rendered; the preview
/// renders every page after all the Markdown. Both must give the same site.
@Suite("One-off build against the preview")
struct OneOffBuildTests {
    @Test("analysis pages written batch by batch equal those rendered after all the Markdown")
    func earlyAnalysisPagesEqualTheLateOnes() async throws {
        try await withTemporaryDirectory { directory in
            let site = directory.path("site")
            try GeneratedSite(actors: 20, treaties: 30, analyses: 2_100, seed: 3).write(into: site)
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: site, outputDirectory: directory.path("out"))).build()
            try #require(report.succeeded, "\(report.diagnostics.prefix(3))")
            let preview = try PreviewSite()
            var session = PreviewSession(options: BuildOptions(siteDirectory: site, outputDirectory: site + "/Output"), site: preview)
            #expect(await session.rebuild().succeeded)
            let served = await preview.snapshot()
            #expect(report.filesWritten == served.count, "pages and the theme's assets")
            #expect(report.filesWritten > report.pagesWritten)
            var compared = 0
            for (path, bytes) in served {
                let written = try #require(FileManager.default.contents(atPath: directory.path("out/" + path)), "\(path)")
                #expect(Array(written) == bytes, "\(path) differs")
                compared += 1
            }
            #expect(compared > 2_100)
        }
    }
}
