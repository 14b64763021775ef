import Foundation
import Testing

/// `entente check` runs every validation of a build, writes nothing, and sets its exit code by what it found.
@Suite("entente check, end to end")
struct CheckCommandTests {
    @Test("the example site checks clean and nothing is written")
    func clean() throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        let result = try EntenteProcess.run(["check", "--site", site.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("internal links: no errors"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["Content"])
    }

    @Test("errors exit 1; warnings exit 0, or 1 with --strict")
    func exitCodes() throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        let actor = site.appendingPathComponent("Content/actors/india.yaml")
        try (try String(contentsOf: actor, encoding: .utf8) + "regoin: South Asia\n").write(to: actor, atomically: true, encoding: .utf8)
        let warned = try EntenteProcess.run(["check", "--site", site.path])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("india.yaml:"))
        #expect(warned.stderr.contains("warning: unknown field 'regoin' is ignored; did you mean 'region'?"))
        #expect(try EntenteProcess.run(["check", "--site", site.path, "--strict"]).status == 1)

        let analysis = site.appendingPathComponent("Content/analyses/2024-07-russia-asia-recalibration/index.md")
        try (try String(contentsOf: analysis, encoding: .utf8) + "\n[x](treaty:relso)\n").write(to: analysis, atomically: true, encoding: .utf8)
        let failed = try EntenteProcess.run(["check", "--site", site.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("error: unknown treaty 'relso'"))
    }

    @Test("an analysis dated after the build's day is listed as scheduled, and --now and --future change what is built")
    func scheduled() throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        try "---\ntitle: Later\ndate: \"2031-05-01\"\n---\nText.\n".write(to: site.appendingPathComponent("Content/analyses/later.md"),
                                                                         atomically: true, encoding: .utf8)
        let checked = try EntenteProcess.run(["check", "--site", site.path])
        #expect(checked.status == 0, "stderr: \(checked.stderr)")
        #expect(checked.stdout.contains("Scheduled: \(site.path)/Content/analyses/later.md \"Later\" appears on 1 May 2031"))
        #expect(try EntenteProcess.run(["build", "--site", site.path, "--quiet"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/analyses/later/index.html").path))
        #expect(try EntenteProcess.run(["build", "--site", site.path, "--quiet", "--now", "2031-05-01"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/analyses/later/index.html").path))
        #expect(try EntenteProcess.run(["check", "--site", site.path, "--future"]).stdout.contains("Scheduled") == false)
    }
}
