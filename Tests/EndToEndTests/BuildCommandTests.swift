import EntentePages
import Foundation
import Testing

/// Runs the real `entente` binary on real sites and checks exit codes, messages and written files.
@Suite("entente build, end to end")
struct BuildCommandTests {
    @Test("the example site builds, with every page cross-linked")
    func buildsExampleSite() throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        let result = try EntenteProcess.run(["build", "--site", site.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("Built "))
        #expect(!result.stderr.contains("error:"))

        let output = BuiltSite(root: site.appendingPathComponent("Output"))
        for page in ["index.html", "404.html", "assets/style.css", "analyses/index.html", "actors/index.html",
                     "treaties/index.html", "timeline/index.html", "tags/index.html",
                     "analyses/2024-07-russia-asia-recalibration/index.html", "actors/india/index.html",
                     "actors/russia-balancing-faction/index.html", "treaties/russia-india-relos/index.html",
                     "treaties/russia-north-korea-csp-2024/index.html"] {
            #expect(FileManager.default.fileExists(atPath: output.root.appendingPathComponent(page).path), "\(page) missing")
        }
        let links = try output.brokenLinks()
        #expect(links.checked > 300)
        #expect(links.broken.isEmpty, "\(links.broken.count) broken links, first: \(links.broken.prefix(5))")

        let analysis = try output.page("analyses/2024-07-russia-asia-recalibration/index.html")
        #expect(analysis.contains(#"href="../../actors/india/index.html""#))
        #expect(analysis.contains(#"href="../../treaties/russia-india-relos/index.html""#))
        #expect(analysis.contains(#"<html lang="en">"#))
        #expect(!analysis.contains("actor:"), "an actor: reference was left unresolved")

        let relos = try output.page("treaties/russia-india-relos/index.html")
        #expect(relos.contains("RELOS"))
        #expect(relos.contains(#"<time datetime="2025-02-18">18 Feb 2025</time>"#))
        #expect(relos.contains(#"href="../../actors/india/index.html""#))
        #expect(relos.contains("2024-07-russia-asia-recalibration"), "the treaty page lists the analysis about it")

        let india = try output.page("actors/india/index.html")
        #expect(india.contains(#"href="../../treaties/russia-india-relos/index.html""#))
        #expect(india.contains(#"href="../../actors/russia/index.html""#), "Russia is India's counterpart")

        let joint = try output.page("treaties/russia-vietnam-2024-joint-statement/index.html")
        #expect(joint.contains("not a treaty"))

        let old = try output.page("treaties/russia-north-korea-2000/index.html")
        #expect(old.contains("Superseded by"))
        #expect(old.contains(#"href="../../treaties/russia-north-korea-csp-2024/index.html""#))
    }

    @Test("two builds of the same input are byte-identical")
    func deterministic() throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        let first = temp.url.appendingPathComponent("first"), second = temp.url.appendingPathComponent("second")
        #expect(try EntenteProcess.run(["build", "--site", site.path, "--output", first.path]).status == 0)
        #expect(try EntenteProcess.run(["build", "--site", site.path, "--output", second.path]).status == 0)
        let a = try BuiltSite(root: first).snapshot(), b = try BuiltSite(root: second).snapshot()
        #expect(a.count > 20)
        #expect(a == b)
    }

    @Test("a broken reference fails with file, line and suggestion, and the old output stays as it was")
    func brokenReferenceKeepsOutput() throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        #expect(try EntenteProcess.run(["build", "--site", site.path]).status == 0)
        let output = BuiltSite(root: site.appendingPathComponent("Output"))
        let before = try output.snapshot()

        let analysis = site.appendingPathComponent("Content/analyses/2024-07-russia-asia-recalibration/index.md")
        var text = try String(contentsOf: analysis, encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        text += "\nA closing word on [India's choices](actor:inida).\n"
        try text.write(to: analysis, atomically: true, encoding: .utf8)
        let brokenLine = text.components(separatedBy: "\n").firstIndex { $0.contains("(actor:inida)") }.map { $0 + 1 }

        let treaty = site.appendingPathComponent("Content/treaties/russia-india-relos.yaml")
        var yaml = try String(contentsOf: treaty, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "parties:", with: "partys:")
        try yaml.write(to: treaty, atomically: true, encoding: .utf8)

        let result = try EntenteProcess.run(["build", "--site", site.path])
        #expect(result.status != 0)
        let relative = "\(site.path)/Content/analyses/2024-07-russia-asia-recalibration/index.md:\(try #require(brokenLine)):"
        #expect(result.stderr.contains(relative), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("error: unknown actor 'inida'; did you mean 'india'?"))
        // Every problem in one run: the treaty file's problems are reported too.
        #expect(result.stderr.contains("russia-india-relos.yaml"))
        #expect(result.stderr.contains("did you mean 'parties'?"))
        #expect(!result.stderr.contains("Fatal error"))
        #expect(try output.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test("stale files disappear from the output after a successful build")
    func noStalePages() throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        #expect(try EntenteProcess.run(["build", "--site", site.path]).status == 0)
        try FileManager.default.removeItem(at: site.appendingPathComponent("Content/analyses/2024-12-russia-north-korea-treaty-in-force.md"))
        #expect(try EntenteProcess.run(["build", "--site", site.path, "--quiet"]).status == 0)
        let files = try BuiltSite(root: site.appendingPathComponent("Output")).snapshot()
        #expect(files.keys.contains("analyses/2024-07-russia-asia-recalibration/index.html"))
        #expect(!files.keys.contains("analyses/2024-12-russia-north-korea-treaty-in-force/index.html"))
    }

    @Test("the output may not be the site, its Content/ or Templates/, or a parent of them")
    func refusesDangerousOutput() throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        for output in [site.path, site.appendingPathComponent("Content").path, temp.url.path] {
            let result = try EntenteProcess.run(["build", "--site", site.path, "--output", output])
            #expect(result.status != 0)
            #expect(result.stderr.contains("refusing"), "stderr: \(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Content/site.yaml").path))
    }

    @Test("help describes every command and flag")
    func help() throws {
        let top = try EntenteProcess.run(["--help"])
        #expect(top.status == 0)
        #expect(top.stdout.contains("build"))
        let build = try EntenteProcess.run(["build", "--help"])
        for flag in ["--site", "--output", "--drafts", "--base-url", "--quiet"] {
            #expect(build.stdout.contains(flag), "build --help lacks \(flag)")
        }
        let bad = try EntenteProcess.run(["build", "--base-url", "example.org"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--base-url must start with https://"))
    }

    @Test("a site's template with a misspelt variable fails the build with its place and the name it meant, and the output stays")
    func misspeltTemplateVariable() throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        try #require(try EntenteProcess.run(["build", "--site", site.path, "--quiet"]).status == 0)
        let output = BuiltSite(root: site.appendingPathComponent("Output"))
        let before = try output.snapshot()
        let templates = site.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        // The built-in treaty template with a list of sources that misspells `date` on line 12, column 5.
        var lines = Theme.builtInTemplates["treaty"]!.components(separatedBy: "\n")
        lines.insert(contentsOf: ["{{#sources}}", "    {{dat}}{{/sources}}"], at: 10)
        try lines.joined(separator: "\n").write(to: templates.appendingPathComponent("treaty.mustache"), atomically: true, encoding: .utf8)
        let result = try EntenteProcess.run(["build", "--site", site.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Templates/treaty.mustache:12:5: error: a source has no field 'dat'; did you mean 'date'?"), "\(result.stderr)")
        #expect(try output.snapshot() == before, "a failed build leaves the previous output as it was")
    }

    @Test("a generated site builds with every link resolving")
    func makeCorpusSite() throws {
        let temp = try TemporaryFolder()
        let site = try temp.makeCorpus(analyses: 150, treaties: 60, actors: 50)
        let result = try EntenteProcess.run(["build", "--site", site.path])
        #expect(result.status == 0, "stderr: \(result.stderr.prefix(2000))")
        #expect(!result.stderr.contains("error:"))
        let output = BuiltSite(root: site.appendingPathComponent("Output"))
        let files = try output.snapshot()
        // The list's three pages of 50, and each analysis's page with its search text (its citations are in the page).
        #expect(files.keys.filter { $0.hasPrefix("analyses/") }.count == 3 + 150 * (1 + 1))
        #expect(files["analyses/page/3/index.html"] != nil && files["analyses/page/4/index.html"] == nil)
        let links = try output.brokenLinks()
        #expect(links.broken.isEmpty, "\(links.broken.count) broken links, first: \(links.broken.prefix(5))")
    }
}
