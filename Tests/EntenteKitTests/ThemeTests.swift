import Foundation
import Testing
@testable import EntenteModel
@testable import EntentePages
@testable import EntenteResolving

@Suite("Theme")
struct ThemeTests {
    /// The repository root: this file is Tests/EntenteKitTests/ThemeTests.swift.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func embeddedDefaultThemeMatchesTemplatesFolder() throws {
        let templates = Self.repositoryRoot.appendingPathComponent("Templates").path
        var onDisk: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: templates))
        while let relative = enumerator.nextObject() as? String {
            let full = (templates as NSString).appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            onDisk[relative] = try String(contentsOfFile: full, encoding: .utf8)
        }
        #expect(!onDisk.isEmpty)
        #expect(Set(DefaultTheme.files.keys) == Set(onDisk.keys),
                "the EmbedTheme plugin embeds every file of Templates/")
        for (path, text) in onDisk.sorted(by: { $0.key < $1.key }) {
            #expect(DefaultTheme.files[path] == text, "\(path) differs from the embedded copy the EmbedTheme plugin made")
        }
    }

    @Test func defaultThemeLoadsWithEveryPageTemplate() throws {
        try withTemporaryDirectory { dir in
            let (theme, diagnostics) = Theme.load(siteDirectory: dir.path)
            #expect(diagnostics.isEmpty)
            let loaded = try #require(theme)
            #expect(loaded.assets["assets/style.css"] == DefaultTheme.files["assets/style.css"].map { Array($0.utf8) })
            for name in Theme.pageTemplates {
                #expect(DefaultTheme.files["\(name).mustache"] != nil, "\(name)")
            }
        }
    }

    @Test func missingPartialIsReportedWithFileAndLine() throws {
        try withTemporaryDirectory { dir in
            let file = try dir.write("Templates/home.mustache", "{{<layout}}{{$main}}\n<p>Hello</p>\n  {{> nope}}\n{{/main}}{{/layout}}\n")
            let (theme, diagnostics) = Theme.load(siteDirectory: dir.path)
            #expect(theme == nil)
            let diagnostic = try #require(diagnostics.first)
            #expect(diagnostics.count == 1)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.location == Location(file: file, line: 3, column: 3))
            #expect(diagnostic.message == "the partial 'nope' does not exist")
        }
    }

    @Test func misspelledPartialGetsASuggestion() throws {
        try withTemporaryDirectory { dir in
            try dir.write("Templates/tag.mustache", "{{<layuot}}{{$main}}x{{/main}}{{/layuot}}\n")
            let (_, diagnostics) = Theme.load(siteDirectory: dir.path)
            let diagnostic = try #require(diagnostics.first)
            #expect(diagnostic.message.contains("'layuot'"))
            #expect(diagnostic.suggestion == "did you mean 'layout'?")
            #expect(diagnostic.location.line == 1)
        }
    }

    @Test func unparsableTemplateIsReportedWithFileAndLine() throws {
        try withTemporaryDirectory { dir in
            let file = try dir.write("Templates/actor.mustache", "<h1>Actor</h1>\n<p>ok</p>\n{{#a}}\n<p>never closed</p>\n")
            let (theme, diagnostics) = Theme.load(siteDirectory: dir.path)
            #expect(theme == nil)
            let diagnostic = try #require(diagnostics.first)
            #expect(diagnostics.count == 1)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.location.file == file)
            #expect((3...5).contains(diagnostic.location.line), "got line \(diagnostic.location.line)")
        }
    }

    @Test func mismatchedSectionCloseIsReportedAtItsLine() throws {
        try withTemporaryDirectory { dir in
            let file = try dir.write("Templates/tag.mustache", "<h1>Tag</h1>\n<p>{{#b}}</p>\n<p>{{/c}}</p>\n")
            let (theme, diagnostics) = Theme.load(siteDirectory: dir.path)
            #expect(theme == nil)
            // The stray close at line 3, and the section it leaves open at line 2.
            let mismatch = try #require(diagnostics.first { $0.location.line == 3 }, "\(diagnostics)")
            #expect(mismatch.location.file == file)
            #expect(mismatch.message.contains("'c'"))
            #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location.file == file })
        }
    }

    @Test func everyBrokenTemplateIsReported() throws {
        try withTemporaryDirectory { dir in
            try dir.write("Templates/actor.mustache", "{{#a}}\n")
            try dir.write("Templates/treaty.mustache", "{{> missing-one}}\n")
            try dir.write("Templates/partials/x.mustache", "{{/b}}\n")
            let (_, diagnostics) = Theme.load(siteDirectory: dir.path)
            #expect(diagnostics.filter { $0.severity == .error }.count == 3)
        }
    }

    @Test func siteTemplateOverridesTheDefault() throws {
        try withTemporaryDirectory { dir in
            try dir.write("Templates/404.mustache", "{{<layout}}{{$main}}<p>CUSTOM 404 for {{site.title}}</p>{{/main}}{{/layout}}\n")
            let (theme, diagnostics) = Theme.load(siteDirectory: dir.path)
            #expect(diagnostics.isEmpty)
            let loaded = try #require(theme)
            let html = loaded.render(.notFound, NotFoundPageModel(frame: Self.frame(title: "My Site")))
            #expect(html.contains("<p>CUSTOM 404 for My Site</p>"))
            #expect(html.contains("<!DOCTYPE html>"), "the default layout still wraps it")
            #expect(!html.contains("Page not found"))
            // Other templates keep the default.
            let home = HomePageModel(frame: Self.frame(title: "My Site"), latest: [], hasMoreAnalyses: false,
                                     counts: SiteCountsModel(analyses: 0, actors: 0, treaties: 0, events: 0, tags: 0),
                                     recentEvents: [])
            #expect(loaded.render(.home, home).contains("Latest analyses"))
        }
    }

    /// What every page shares, for a site called `title`, on its home page.
    static func frame(title: String) -> PageFrame {
        let links = SectionLinksModel(analyses: "analyses/", actors: "actors/", treaties: "treaties/", network: "network/",
                                      timeline: "timeline/", tags: "tags/", search: "search/")
        return PageFrame(site: SiteModel(title: title, description: nil, language: "en", author: nil, credits: nil, homeURL: "./"),
                         page: PageInfoModel(title: title, description: title, root: "", canonical: nil, isHome: true,
                                             feed: FeedLinkModel(url: "feed.xml", title: title), breadcrumbs: []),
                         nav: [], links: links, stylesheet: "assets/style.css", generator: "Entente")
    }

    @Test func siteAssetsOverrideAndExtendTheDefault() throws {
        try withTemporaryDirectory { dir in
            try dir.write("Templates/assets/style.css", "body { color: red; }\n")
            try dir.write("Templates/assets/img/logo.svg", "<svg/>")
            try dir.write("Templates/notes.txt", "not a template")
            let (theme, diagnostics) = Theme.load(siteDirectory: dir.path)
            let loaded = try #require(theme)
            #expect(loaded.assets["assets/style.css"] == Array("body { color: red; }\n".utf8))
            #expect(loaded.assets["assets/img/logo.svg"] == Array("<svg/>".utf8))
            #expect(loaded.assets["notes.txt"] == nil)
            let warning = try #require(diagnostics.first)
            #expect(diagnostics.count == 1)
            #expect(warning.severity == .warning)
            #expect(warning.location.file == dir.path("Templates/notes.txt"))
        }
    }

    /// The README's variable tables are made from the page models; run with ENTENTE_UPDATE_README=1 to rewrite them.
    @Test("the README lists exactly the variables the page models declare")
    func readmeVariableTablesMatchTheModels() throws {
        let readme = Self.repositoryRoot.appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let begin = "<!-- template-variables: made from the page models by TemplateVariableTable; a test checks it -->\n"
        let end = "<!-- /template-variables -->"
        let start = try #require(text.range(of: begin), "README.md has no template variable block")
        let stop = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
        let expected = "\n" + TemplateVariableTable.markdown
        if ProcessInfo.processInfo.environment["ENTENTE_UPDATE_README"] == "1" {
            try (text[..<start.upperBound] + expected + text[stop.lowerBound...]).write(to: readme, atomically: true, encoding: .utf8)
        }
        #expect(String(text[start.upperBound..<stop.lowerBound]) == expected,
                "README.md's variable tables differ from the page models; run the tests with ENTENTE_UPDATE_README=1")
    }
}
