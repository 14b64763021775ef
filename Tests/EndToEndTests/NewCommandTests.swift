import Foundation
import Testing

/// `entente new` through the built binary: a new site builds and checks clean, each form writes its file, and
/// problems leave everything as it was.
@Suite("entente new, end to end")
struct NewCommandTests {
    /// Today as the binary writes it (the local calendar).
    private static var today: String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test("new site: it builds, and passes check --strict")
    func newSite() throws {
        let temp = try TemporaryFolder()
        let created = try EntenteProcess.run(["new", "site", "demo"], in: temp.url)
        #expect(created.status == 0, "stderr: \(created.stderr)")
        let site = temp.url.appendingPathComponent("demo")
        #expect(try String(contentsOf: site.appendingPathComponent(".gitignore"), encoding: .utf8).contains("Output/"))
        let built = try EntenteProcess.run(["build"], in: site)
        #expect(built.status == 0, "stderr: \(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/analyses/a-first-analysis/index.html").path))
        let checked = try EntenteProcess.run(["check", "--strict"], in: site)
        #expect(checked.status == 0, "stderr: \(checked.stderr)")
        #expect(checked.stderr.isEmpty, "no warnings")
        let again = try EntenteProcess.run(["new", "site", "demo"], in: temp.url)
        #expect(again.status == 1)
        #expect(again.stderr.contains("exists and is not an empty folder"))
    }

    @Test("new analysis, actor and treaty: each file where it belongs, and the site still checks clean")
    func eachForm() throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        let analysis = try EntenteProcess.run(["new", "analysis", "Hanoi's hedge", "--actors", "vietnam,russia",
                                               "--treaties", "russia-vietnam-1994", "--author", "mara-lindqvist", "--site", site.path])
        #expect(analysis.status == 0, "stderr: \(analysis.stderr)")
        let text = try String(contentsOf: site.appendingPathComponent("Content/analyses/hanoi-s-hedge.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Hanoi's hedge\"\ndate: \"\(Self.today)\"\ndraft: true\nauthors: [mara-lindqvist]\n"
                               + "actors: [vietnam, russia]\ntreaties: [russia-vietnam-1994]\n---\n"))
        let actor = try EntenteProcess.run(["new", "actor", "Mongolia", "--site", site.path])
        #expect(actor.status == 0, "stderr: \(actor.stderr)")
        #expect(try String(contentsOf: site.appendingPathComponent("Content/actors/mongolia.yaml"), encoding: .utf8)
            .hasPrefix("name: \"Mongolia\"\nkind: state\n"))
        let treaty = try EntenteProcess.run(["new", "treaty", "Russia–Mongolia Treaty", "--parties", "russia,mongolia",
                                             "--kind", "strategic-partnership", "--site", site.path])
        #expect(treaty.status == 0, "stderr: \(treaty.stderr)")
        #expect(try String(contentsOf: site.appendingPathComponent("Content/treaties/russia-mongolia-treaty.yaml"), encoding: .utf8)
            .hasPrefix("name: \"Russia–Mongolia Treaty\"\nkind: strategic-partnership\nparties: [russia, mongolia]\n"))
        let checked = try EntenteProcess.run(["check", "--drafts", "--site", site.path])
        #expect(checked.status == 0, "stderr: \(checked.stderr)")
    }

    @Test("unknown ids get a suggestion, an existing file is kept, and nothing is written on error")
    func problems() throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        let before = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Content/analyses").path).sorted()
        let unknown = try EntenteProcess.run(["new", "analysis", "X", "--actors", "rusia", "--site", site.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("error: unknown actor 'rusia' in --actors; did you mean 'russia'?"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Content/analyses").path).sorted() == before)
        let india = site.appendingPathComponent("Content/actors/india.yaml")
        let original = try Data(contentsOf: india)
        let existing = try EntenteProcess.run(["new", "actor", "India", "--site", site.path])
        #expect(existing.status == 1)
        #expect(existing.stderr.contains("'india' exists already"))
        #expect(try Data(contentsOf: india) == original)
    }

    @Test("--version names Entente's version and the cmark-gfm it links")
    func version() throws {
        let result = try EntenteProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("cmark-gfm 0."), "\(result.stdout)")
    }
}
