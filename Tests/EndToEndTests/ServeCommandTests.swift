import FlyingSocks
import Foundation
import Testing

/// Runs the real `entente serve` on an ephemeral loopback port and talks HTTP to it.
@Suite("entente serve, end to end", .serialized)
struct ServeCommandTests {
    @Test("pages, assets, folders and missing pages get the right status and headers")
    func servesPages() async throws {
        let temp = try TemporaryFolder()
        let server = try ServeProcess(site: try temp.copyExampleSite())
        defer { _ = server.stop() }
        #expect(server.log.contains("http://127.0.0.1:"), "listens on loopback by default")

        let home = try await server.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-cache")
        #expect(home.body.contains("Entente: Russia in Asia"))
        #expect(home.body.contains("/__entente/events"), "served pages carry the reload script")

        let india = try await server.get("/actors/india/")
        #expect(india.status == 200)
        #expect(india.body.contains("<h1>India"))

        let css = try await server.get("/assets/style.css")
        #expect(css.status == 200)
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(css.headers["cache-control"] == "no-cache")

        let folder = try await server.get("/actors/india")
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/actors/india/")

        let missing = try await server.get("/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("Page not found"), "the site's own 404 page")
    }

    @Test("no request reads outside the site", arguments: [
        "/../Content/site.yaml", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/Content/site.yaml",
        "/actors/..%2f..%2fContent%2fsite.yaml", "/actors%2findia/", "/..\\Content\\site.yaml", "/%5c..%5cContent",
        "/index.html%00.css", "//etc/passwd", "/.entente-output", "/actors/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/Content/site.yaml", "http://example.org/../etc/passwd",
    ])
    func refusesTraversal(_ target: String) async throws {
        let temp = try TemporaryFolder()
        let server = try ServeProcess(site: try temp.copyExampleSite())
        defer { _ = server.stop() }
        let reply = try await server.get(target)
        #expect(reply.status == 400 || reply.status == 404, "\(target) → \(reply.status)")
        #expect(!reply.body.contains("root:x:0"))
        #expect(!reply.body.contains("autolink_mentions"))
    }

    @Test("an edit is served within 2 seconds, a broken edit shows the overlay, and the fix clears it")
    func editsAreLive() async throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        let server = try ServeProcess(site: site)
        defer { _ = server.stop() }
        let page = "/analyses/2024-07-russia-asia-recalibration/"
        let file = site.appendingPathComponent("Content/analyses/2024-07-russia-asia-recalibration/index.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        // Linux: the kernel tells of each save (an atomic write is a temporary file renamed over the real one).
        #expect(server.waitForLog("Watching for changes with inotify."), "\(server.log)")

        try (original + "\nA sentence about Zanzibar.\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try await poll(server, page, within: 2) { $0.contains("Zanzibar") }, "the edit was not served within 2 s")

        try (original + "\nSee [nobody](actor:nobody).\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try await poll(server, page, within: 5) { $0.contains("entente-errors") })
        let broken = try await server.get(page)
        #expect(broken.status == 200)
        #expect(broken.body.contains("unknown actor &#39;nobody&#39;"))
        #expect(broken.body.contains("Zanzibar"), "the last good page is still served")
        #expect(server.waitForLog("build failed with 1 error"))
        #expect(server.log.contains("2024-07-russia-asia-recalibration/index.md:"))

        try original.write(to: file, atomically: true, encoding: .utf8)
        #expect(try await poll(server, page, within: 5) { !$0.contains("entente-errors") && !$0.contains("Zanzibar") })
        #expect(server.waitForLog("rebuilt"))
    }

    @Test("a server whose output is no longer read goes on rebuilding and serving")
    func outputReaderGone() async throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        let server = try ServeProcess(site: site, readerLeaves: true)
        defer { _ = server.stop() }
        let page = "/analyses/2024-07-russia-asia-recalibration/"
        let file = site.appendingPathComponent("Content/analyses/2024-07-russia-asia-recalibration/index.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        // Each rebuild writes its line to the closed pipe.
        for word in ["Zanzibar", "Quokka"] {
            try (original + "\nA sentence about \(word).\n").write(to: file, atomically: true, encoding: .utf8)
            #expect(try await poll(server, page, within: 10) { $0.contains(word) }, "the edit was not served: \(server.log)")
        }
        #expect(server.process.isRunning)
    }

    @Test("the event stream sends a reload event after a rebuild")
    func reloadEvent() async throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        let server = try ServeProcess(site: site)
        defer { _ = server.stop() }
        let events = try await server.openEvents()
        defer { try? events.close() }
        var received = String(decoding: try await events.read(atMost: 4096), as: UTF8.self)
        #expect(received.contains("text/event-stream"))
        let file = site.appendingPathComponent("Content/actors/india.yaml")
        try (try String(contentsOf: file, encoding: .utf8) + "region: Asia\n").write(to: file, atomically: true, encoding: .utf8)
        let deadline = Date().addingTimeInterval(10)
        while !received.contains("event: reload"), Date() < deadline {
            received += String(decoding: try await events.read(atMost: 4096), as: UTF8.self)
        }
        #expect(received.contains("event: reload"))
    }

    @Test("SIGTERM stops the server cleanly")
    func stopsCleanly() async throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        // The served files are kept in a folder of the temporary folder, which is removed on the way out.
        let temporary = temp.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let server = try ServeProcess(site: site, environment: ["TMPDIR": temporary.path])
        let kept = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        #expect(kept.count == 1 && kept[0].hasPrefix("entente-preview-"), "\(kept)")
        #expect(kept.first.map { FileManager.default.fileExists(atPath: temporary.path + "/" + $0 + "/index.html") } == true)
        #expect(server.stop() == 0)
        #expect(server.waitForLog("Stopped."))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0 != "Content" }
        #expect(leftovers.isEmpty, "nothing written beside the site: \(leftovers)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty, "the served files are removed")
    }

    private func poll(_ server: ServeProcess, _ page: String, within seconds: Double,
                      until condition: (String) -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if condition(try await server.get(page).body) { return true }
            try await Task.sleep(for: .milliseconds(50))
        } while Date() < deadline
        return false
    }
}
