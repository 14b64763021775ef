import Foundation
import Testing

/// A build killed with SIGKILL at any moment leaves the previous output complete, and the next build works.
@Suite("Killed builds", .serialized)
struct KilledBuildTests {
    @Test("SIGKILL at many points never leaves a broken output")
    func killedAtManyPoints() throws {
        let temp = try TemporaryFolder()
        let site = try temp.makeCorpus(analyses: 300, treaties: 60, actors: 40)
        try #require(try EntenteProcess.run(["build", "--site", site.path, "--quiet"]).status == 0)
        let output = BuiltSite(root: site.appendingPathComponent("Output"))
        let first = try output.snapshot()

        // A change, so that every killed build was going to write a different site.
        let siteFile = site.appendingPathComponent("Content/site.yaml")
        try (try String(contentsOf: siteFile, encoding: .utf8) + "author: Changed\n").write(to: siteFile, atomically: true, encoding: .utf8)

        for delay in stride(from: 0.0, through: 1.6, by: 0.1) {
            let process = Process()
            process.executableURL = EntenteProcess.binary
            process.arguments = ["build", "--site", site.path, "--quiet", "--force"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let now = try output.snapshot()
            if process.terminationReason == .uncaughtSignal {
                // Killed: the output is the previous site, whole, or (killed after the swap) the new one, whole.
                #expect(now.count == first.count, "delay \(delay): \(now.count) files instead of \(first.count)")
                let home = String(decoding: now["index.html"] ?? Data(), as: UTF8.self)
                #expect(home.hasSuffix("</html>\n"), "delay \(delay): a half-written home page")
            }
        }
        // The next build cleans up whatever the killed ones left and produces the complete new site.
        let last = try EntenteProcess.run(["build", "--site", site.path, "--quiet", "--force"])
        #expect(last.status == 0, "stderr: \(last.stderr)")
        let final = try output.snapshot()
        #expect(final.count == first.count)
        #expect(String(decoding: final["index.html"] ?? Data(), as: UTF8.self).contains("Changed"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path)
            .filter { $0.hasPrefix(".Output.") && !$0.hasSuffix(".entente-manifest") }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)")
    }
}
