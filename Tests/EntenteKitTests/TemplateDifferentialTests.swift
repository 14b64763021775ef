import Foundation
import EntenteTestSupport
import Mustache
import TemplateEngine
import Testing
@testable import EntenteKit
@testable import EntenteModel
@testable import EntentePages

/// Entente's template engine against swift-mustache, the package it replaced: every built-in template over every
/// page of the example site and of a generated site renders byte for byte the same in both.
///
/// Both engines get the same values. An absent optional field is given to swift-mustache as `NSNull`, which stops
/// its lookup as Entente's engine does; given as a missing key, swift-mustache would look it up in the enclosing
/// context instead (the bug the typed models fixed; `PageModelRegressionTests` covers it).
@Suite("Template engine against swift-mustache")
struct TemplateDifferentialTests {
    /// The built-in theme in swift-mustache.
    static func mustacheLibrary() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (path, text) in DefaultTheme.files where path.hasSuffix(".mustache") {
            library.register(try MustacheTemplate(string: text), named: String(path.dropLast(".mustache".count)))
        }
        return library
    }

    /// Renders every templated page of the site in `dir` with both engines and returns how many were compared.
    private func compareEveryPage(siteDirectory: String, output: String) async throws -> Int {
        var state = BuildState()
        let rebuild = await SiteBuilder(options: BuildOptions(siteDirectory: siteDirectory, outputDirectory: output,
                                                              trackDependencies: true)).rebuild(&state)
        let renderer = try #require(rebuild.renderer, "\(rebuild.diagnostics)")
        let library = try Self.mustacheLibrary()
        var compared = 0
        for page in renderer.pages {
            guard case .page(let name, let value) = renderer.content(of: page) else { continue }
            let ours = renderer.theme.render(name, value)
            let theirs = library.render(value.mustacheContext, withTemplate: name)
            #expect(ours == theirs, "\(page.path) differs")
            compared += 1
        }
        // The list item partial, which Entente renders on its own, at two depths.
        for analysis in renderer.site.analyses {
            for root in ["../../", ""] {
                let frame = renderer.frame(root, title: renderer.site.config.title, section: nil, description: nil, canonical: nil)
                let value = AnalysisItemPartialModel(frame: frame, item: renderer.analysisItem(analysis.id, root)).templateValue
                #expect(renderer.theme.render("analysis-item", value)
                        == library.render(value.mustacheContext, withTemplate: "analysis-item"))
                compared += 1
            }
        }
        return compared
    }

    @Test("the example site")
    func exampleSite() async throws {
        try await withTemporaryDirectory { dir in
            let site = try AtopImportTests.copyExampleSite(into: dir)
            let compared = try await compareEveryPage(siteDirectory: site, output: dir.path("out"))
            #expect(compared > 30)
        }
    }

    @Test("a generated site", arguments: [1, 2] as [UInt64])
    func generatedSite(seed: UInt64) async throws {
        try await withTemporaryDirectory { dir in
            try GeneratedSite(seed: seed).write(into: dir.path)
            let compared = try await compareEveryPage(siteDirectory: dir.path, output: dir.path("out"))
            #expect(compared > 100)
        }
    }
}
