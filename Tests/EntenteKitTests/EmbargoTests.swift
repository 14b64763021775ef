import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteLoading
@testable import EntenteModel

/// Analyses dated after the build's day are left out until then (an embargo), unless the build includes the future.
@Suite("Embargo")
struct EmbargoTests {
    private static let day = PartialDate(year: 2025, month: 1, day: 2)!

    private func site(in directory: TemporaryDirectory) throws -> String {
        try directory.write("site/Content/site.yaml", "title: Test\n")
        for (id, date) in [("due-today", "2025-01-02"), ("tomorrow", "2025-01-03"), ("this-month", "2025-01"),
                           ("this-year", "2025"), ("next-year", "2026")] {
            try directory.write("site/Content/analyses/\(id).md", "---\ntitle: \"\(id)\"\ndate: \"\(date)\"\n---\nText.\n")
        }
        return directory.path("site")
    }

    @Test("after the day: left out; the day itself, and a month or year it falls in: published")
    func leftOutUntilTheirDay() async throws {
        try await withTemporaryDirectory { directory in
            let site = try site(in: directory)
            let (content, diagnostics) = await SiteLoader(siteDirectory: site, today: Self.day).load()
            #expect(diagnostics.isEmpty)
            #expect(Set(content?.analyses.map(\.id.rawValue) ?? []) == ["due-today", "this-month", "this-year"])
            #expect(Set(content?.scheduled.keys.map(\.rawValue) ?? []) == ["tomorrow", "next-year"])
            #expect(content?.scheduled[AnalysisID("tomorrow")!]?.location.file == site + "/Content/analyses/tomorrow.md")
            let (everything, _) = await SiteLoader(siteDirectory: site, today: Self.day, includeFuture: true).load()
            #expect(everything?.analyses.count == 5)
            #expect(everything?.scheduled.isEmpty == true)
        }
    }

    @Test("a link to a scheduled analysis is an error that says when, and --future lets it through")
    func linkToScheduled() async throws {
        try await withTemporaryDirectory { directory in
            let site = try site(in: directory)
            try directory.write("site/Content/analyses/due-today.md", "---\ntitle: Today\ndate: \"2025-01-02\"\n---\nSee [later](analysis:tomorrow).\n")
            let options = BuildOptions(siteDirectory: site, outputDirectory: directory.path("out"), today: Self.day)
            let report = await SiteBuilder(options: options).build()
            #expect(!report.succeeded)
            #expect(report.diagnostics.map(\.message) == ["'tomorrow' is scheduled for 3 Jan 2025, left out of this build until then"])
            var future = options
            future.includeFuture = true
            #expect(await SiteBuilder(options: future).build().succeeded)
        }
    }

    @Test("the build's day is an input: the next day's build is not 'up to date' when nothing else changed")
    func dayIsAnInput() async throws {
        try await withTemporaryDirectory { directory in
            let site = try site(in: directory)
            let options = BuildOptions(siteDirectory: site, outputDirectory: directory.path("out"), today: Self.day)
            #expect(await SiteBuilder(options: options).build().succeeded)
            #expect(await SiteBuilder(options: options).build().upToDate)
            var nextDay = options
            nextDay.today = PartialDate(year: 2025, month: 1, day: 3)
            let report = await SiteBuilder(options: nextDay).build()
            #expect(report.succeeded && !report.upToDate)
            #expect(FileManager.default.fileExists(atPath: directory.path("out/analyses/tomorrow/index.html")))
        }
    }
}

/// Analyses may be filed in sub-folders (by year, by desk); the id is still the file name, unique across them.
@Suite("Analyses in sub-folders")
struct AnalysisFoldersTests {
    @Test("files in sub-folders are analyses; a slug used twice is an error naming both files")
    func subFolders() async throws {
        try await withTemporaryDirectory { directory in
            try directory.write("Content/site.yaml", "title: Test\n")
            try directory.write("Content/analyses/top.md", "---\ntitle: Top\ndate: \"2024\"\n---\nText.\n")
            try directory.write("Content/analyses/2024/asia-desk/deep.md", "---\ntitle: Deep\ndate: \"2024\"\n---\nSee [top](analysis:top).\n")
            try directory.write("Content/analyses/2023/top.md", "---\ntitle: Top again\ndate: \"2023\"\n---\nText.\n")
            let (content, diagnostics) = await SiteLoader(siteDirectory: directory.path).load()
            #expect(Set(content?.analyses.map(\.id.rawValue) ?? []) == ["top", "deep"])
            let duplicate = try #require(diagnostics.first)
            #expect(diagnostics.count == 1)
            #expect(duplicate.message == "the id 'top' is defined twice")
            #expect(duplicate.location.file == directory.path("Content/analyses/top.md"))
            #expect(duplicate.suggestion?.contains(directory.path("Content/analyses/2023/top.md")) == true)
        }
    }

    @Test("a nested analysis gets the same page as one at the top, and links to it resolve")
    func nestedPage() async throws {
        try await withTemporaryDirectory { directory in
            try directory.write("site/Content/site.yaml", "title: Test\n")
            try directory.write("site/Content/analyses/2024/deep.md", "---\ntitle: Deep\ndate: \"2024\"\n---\nSee [top](analysis:top).\n")
            try directory.write("site/Content/analyses/top.md", "---\ntitle: Top\ndate: \"2024\"\n---\nSee [deep](analysis:deep).\n")
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out"))).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(FileManager.default.fileExists(atPath: directory.path("out/analyses/deep/index.html")))
        }
    }
}
