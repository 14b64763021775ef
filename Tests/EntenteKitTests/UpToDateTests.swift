import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteModel
import EntenteSupport

/// A second build of unchanged input does nothing; a build after a change keeps the files that did not change.
@Suite("Up-to-date builds")
struct UpToDateTests {
    private func site(in directory: TemporaryDirectory) throws -> String {
        try directory.write("site/Content/site.yaml", "title: Test\n")
        try directory.write("site/Content/actors/india.yaml", "name: India\n")
        try directory.write("site/Content/actors/china.yaml", "name: China\n")
        try directory.write("site/Content/treaties/pact.yaml", "name: Pact\nparties: [india, china]\n")
        try directory.write("site/Content/analyses/one.md", "---\ntitle: One\ndate: 2024\nactors: [india]\n---\nIndia.\n")
        return directory.path("site")
    }

    private func build(_ site: String, force: Bool = false) async -> BuildReport {
        await SiteBuilder(options: BuildOptions(siteDirectory: site, outputDirectory: site + "/Output", force: force)).build()
    }

    private func modificationTimes(_ root: String) throws -> [String: Date] {
        var result: [String: Date] = [:]
        for path in try snapshot(of: root).keys {
            result[path] = try FileManager.default.attributesOfItem(atPath: root + "/" + path)[.modificationDate] as? Date
        }
        return result
    }

    @Test("a folder's scan stamps every file, hidden and nested ones too, follows links for their stamps only, and lists the rest with everyEntry")
    func scan() throws {
        try withTemporaryDirectory { directory in
            let file = try directory.write("top/a.txt", "four")
            let hidden = try directory.write("top/.hidden", "x")
            let nested = try directory.write("top/deep/er/b.txt", "twelve bytes")
            _ = try directory.write("elsewhere/c.txt", "not scanned")
            let top = directory.path("top")
            try FileManager.default.createSymbolicLink(atPath: top + "/link.txt", withDestinationPath: file)
            try FileManager.default.createSymbolicLink(atPath: top + "/folder", withDestinationPath: directory.path("elsewhere"))
            try FileManager.default.createSymbolicLink(atPath: top + "/dangling", withDestinationPath: directory.path("nothing"))
            #expect(mkfifo(top + "/pipe", 0o600) == 0)
            let files = FileStamp.scan(top)
            #expect(Set(files.keys) == [file, hidden, nested, top + "/link.txt"])
            #expect(files[file]?.size == 4 && files[top + "/link.txt"] == files[file] && files[nested]?.size == 12)
            #expect(files[file] == FileStamp.of(file))
            let entries = FileStamp.scan(top, everyEntry: true)
            #expect(Set(entries.keys) == Set(files.keys).union([top + "/deep", top + "/deep/er", top + "/folder", top + "/dangling", top + "/pipe"]))
            #expect([top + "/deep", top + "/folder", top + "/pipe", top + "/dangling"].allSatisfy { entries[$0]?.size == -1 })
            #expect(FileStamp.scan(directory.path("absent")).isEmpty)
            #expect(FileStamp.scan(top + "/") == files, "a trailing slash changes nothing")
        }
    }

    @Test("a second build with nothing changed writes nothing")
    func secondBuildIsUpToDate() async throws {
        try await withTemporaryDirectory { directory in
            let site = try site(in: directory)
            let first = await build(site)
            #expect(first.succeeded && !first.upToDate)
            let before = try modificationTimes(site + "/Output")
            let second = await build(site)
            #expect(second.upToDate)
            #expect(second.pagesWritten == 0)
            #expect(try modificationTimes(site + "/Output") == before)
        }
    }

    @Test("a tampered output is rebuilt, and --force rebuilds anyway")
    func tamperedOutputIsRebuilt() async throws {
        try await withTemporaryDirectory { directory in
            let site = try site(in: directory)
            _ = await build(site)
            try FileManager.default.removeItem(atPath: site + "/Output/actors/india/index.html")
            let repaired = await build(site)
            #expect(!repaired.upToDate)
            #expect(FileManager.default.fileExists(atPath: site + "/Output/actors/india/index.html"))
            let forced = await build(site, force: true)
            #expect(!forced.upToDate)
            #expect(forced.pagesWritten > 0)
        }
    }

    @Test("after an edit, files whose bytes did not change keep their modification time")
    func unchangedFilesKeepTheirTime() async throws {
        try await withTemporaryDirectory { directory in
            let site = try site(in: directory)
            _ = await build(site)
            let before = try modificationTimes(site + "/Output")
            try await Task.sleep(for: .milliseconds(20))
            try directory.write("site/Content/analyses/one.md", "---\ntitle: One\ndate: 2024\nactors: [india]\n---\nIndia, again.\n")
            let report = await build(site)
            #expect(report.succeeded && !report.upToDate)
            let after = try modificationTimes(site + "/Output")
            #expect(after["analyses/one/index.html"] != before["analyses/one/index.html"], "the edited page is new")
            #expect(after["treaties/pact/index.html"] == before["treaties/pact/index.html"], "an unrelated page is kept")
            #expect(after["assets/style.css"] == before["assets/style.css"])
            let html = try String(contentsOfFile: site + "/Output/analyses/one/index.html", encoding: .utf8)
            #expect(html.contains("</a>, again."))
        }
    }
}
