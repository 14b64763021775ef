import Foundation
import Testing
@testable import EntenteModel
@testable import EntentePages
@testable import EntenteScaffolding

/// `entente new`: the skeletons, the checks before writing, and the README's table of skeleton variables.
@Suite("New content")
struct NewContentTests {
    private func site(in directory: TemporaryDirectory) throws -> String {
        try directory.write("site/Content/site.yaml", "title: Test\n")
        try directory.write("site/Content/actors/russia.yaml", "name: Russia\n")
        try directory.write("site/Content/actors/india.yaml", "name: India\n")
        try directory.write("site/Content/treaties/relos.yaml", "name: RELOS\nparties: [russia, india]\n")
        try directory.write("site/Content/authors/ana.yaml", "name: Ana\n")
        try directory.write("site/Content/authors/ben.yaml", "name: Ben\n")
        return directory.path("site")
    }

    @Test("an analysis: id from the title, today's date, a draft, YAML-safe values")
    func analysis() throws {
        try withTemporaryDirectory { directory in
            let site = try site(in: directory)
            var content = NewContent(kind: .analysis, title: "Russia & India: \"RELOS\" at last?", date: "2024-06-19")
            content.actors = ["russia", "india"]
            content.treaties = ["relos"]
            content.authors = ["ana", "ben"]
            let path = try ContentScaffolder(siteDirectory: site).create(content)
            #expect(path == site + "/Content/analyses/russia-india-relos-at-last.md")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix("""
                ---
                title: "Russia & India: \\"RELOS\\" at last?"
                date: "2024-06-19"
                draft: true
                authors: [ana, ben]
                actors: [russia, india]
                treaties: [relos]
                ---
                """))
        }
    }

    @Test("every problem at once: unknown ids with suggestions, a bad kind, an existing file")
    func problems() throws {
        try withTemporaryDirectory { directory in
            let site = try site(in: directory)
            var content = NewContent(kind: .treaty, title: "RELOS", date: "2024-06-19")
            content.parties = ["rusia", "india"]
            content.contentKind = "defense-pact"
            content.authors = ["anna"]
            #expect {
                try ContentScaffolder(siteDirectory: site).create(content)
            } throws: { error in
                let messages = (error as? DiagnosticsError)?.diagnostics.map { $0.message + " " + ($0.suggestion ?? "") } ?? []
                return messages.count == 4
                    && messages.contains { $0.contains("unknown actor 'rusia' in --parties") && $0.contains("did you mean 'russia'?") }
                    && messages.contains { $0.contains("unknown author 'anna' in --author") && $0.contains("did you mean 'ana'?") }
                    && messages.contains { $0.contains("unknown treaty kind 'defense-pact'") && $0.contains("'defence-pact'") }
                    && messages.contains { $0.contains("'relos' exists already") }
            }
            #expect(try String(contentsOfFile: site + "/Content/treaties/relos.yaml", encoding: .utf8)
                    == "name: RELOS\nparties: [russia, india]\n", "never overwritten")
        }
    }

    @Test("a site's Templates/new/ skeleton wins, is checked like every template, and is neither page nor asset")
    func ownSkeleton() throws {
        try withTemporaryDirectory { directory in
            let site = try site(in: directory)
            try directory.write("site/Templates/new/actor.yaml", "name: {{name_yaml}}\nkind: {{kind}}\nregion: {{regoin}}\n")
            let content = NewContent(kind: .actor, title: "Viet Nam", date: "2024-06-19")
            #expect {
                try ContentScaffolder(siteDirectory: site).create(content)
            } throws: { error in
                guard let diagnostics = (error as? DiagnosticsError)?.diagnostics, diagnostics.count == 1 else { return false }
                return diagnostics[0].location.file == site + "/Templates/new/actor.yaml" && diagnostics[0].location.line == 3
                    && diagnostics[0].message.contains("no field 'regoin'")
            }
            try directory.write("site/Templates/new/actor.yaml", "name: {{name_yaml}}\nkind: {{kind}}\nregion: Asia\n")
            let path = try ContentScaffolder(siteDirectory: site).create(content)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "name: \"Viet Nam\"\nkind: state\nregion: Asia\n")
            let (theme, diagnostics) = Theme.load(siteDirectory: site)
            #expect(diagnostics.isEmpty, "no 'ignored' warning for Templates/new/")
            #expect(try #require(theme).assets.keys.allSatisfy { !$0.hasPrefix("new/") })
        }
    }

    @Test("the README lists exactly the skeleton variables")
    func readmeTable() throws {
        let readme = try String(contentsOf: ThemeTests.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = "<!-- skeleton-variables: made from NewContentModel by TemplateVariableTable; a test checks it -->\n"
        let start = try #require(readme.range(of: begin))
        let stop = try #require(readme.range(of: "<!-- /skeleton-variables -->", range: start.upperBound..<readme.endIndex))
        let expected = "\n" + TemplateVariableTable.markdown(for: NewContentModel.schema.type)
        if ProcessInfo.processInfo.environment["ENTENTE_UPDATE_README"] == "1" {
            try (readme[..<start.upperBound] + expected + readme[stop.lowerBound...])
                .write(to: ThemeTests.repositoryRoot.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        }
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == expected,
                "README.md's skeleton variables differ from NewContentModel; run the tests with ENTENTE_UPDATE_README=1")
    }
}
