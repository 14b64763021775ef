import Foundation
import Testing
@testable import EntenteModel
@testable import EntenteOutput

@Suite("OutputWriter")
struct OutputWriterTests {
    /// Creates a site folder with Content/ and Templates/ inside `dir`.
    private func makeSite(in dir: TemporaryDirectory) throws -> String {
        try dir.write("site/Content/site.yaml", "title: T\n")
        try dir.write("site/Templates/home.mustache", "x")
        return dir.path("site")
    }

    private func refuses(output: String, site: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            _ = try OutputWriter(outputDirectory: output, siteDirectory: site)
            Issue.record("expected the writer to refuse '\(output)'", sourceLocation: sourceLocation)
        } catch {
            #expect(error.diagnostics.count == 1, sourceLocation: sourceLocation)
            #expect(error.diagnostics.first?.severity == .error, sourceLocation: sourceLocation)
            #expect(error.diagnostics.first?.location.file == output, sourceLocation: sourceLocation)
        }
    }

    /// Hidden staging and old folders that builds leave beside `output`.
    private func leftovers(beside output: String) throws -> [String] {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        // The manifest beside the output is meant to stay; staging and old folders are not.
        return try FileManager.default.contentsOfDirectory(atPath: parent)
            .filter { $0.hasPrefix(".\(name).") && !$0.hasSuffix(".entente-manifest") }
    }

    @Test func refusesToWriteOverTheSiteOrItsSources() throws {
        try withTemporaryDirectory { dir in
            let site = try makeSite(in: dir)
            refuses(output: site, site: site)
            refuses(output: site + "/", site: site)
            refuses(output: site + "/Content", site: site)
            refuses(output: site + "/Content/out", site: site)
            refuses(output: site + "/Templates", site: site)
            refuses(output: site + "/Templates/assets", site: site)
            refuses(output: dir.path, site: site)
            refuses(output: site + "/./Content/../Content", site: site)
            // Nothing was touched.
            #expect(dir.exists("site/Content/site.yaml"))
            #expect(dir.exists("site/Templates/home.mustache"))
            #expect(try leftovers(beside: site).isEmpty)
        }
    }

    @Test("without a manifest, the files of the previous output tell whether the new one has the same files")
    func previousFilesWithoutAManifest() throws {
        try withTemporaryDirectory { dir in
            let site = try makeSite(in: dir)
            let output = dir.path("out")
            func build(_ files: [String]) throws {
                let recording = try RecordingWriter(outputDirectory: output, siteDirectory: site)
                for file in files { try recording.write(Array("same".utf8), to: file) }
                try recording.commit()
            }
            try build(["a.html", "b/c.html"])
            try OutputManifest.remove(beside: output)
            #expect(OutputWriter.files(in: output) == ["a.html", "b/c.html"], "the marker is not a file of the site")
            try dir.write("out/stale.html", "left over")
            try build(["a.html", "b/c.html"])
            #expect(!dir.exists("out/stale.html"), "a file the build did not write is gone")
            #expect(dir.exists("out/b/c.html"))
        }
    }

    @Test func refusesAParentOfTheSite() throws {
        try withTemporaryDirectory { dir in
            try dir.write("a/b/site/Content/site.yaml", "title: T\n")
            let site = dir.path("a/b/site")
            refuses(output: dir.path("a"), site: site)
            refuses(output: dir.path("a/b"), site: site)
            refuses(output: "/", site: site)
        }
    }

    @Test func refusesThroughASymlink() throws {
        try withTemporaryDirectory { dir in
            let site = try makeSite(in: dir)
            try FileManager.default.createSymbolicLink(atPath: dir.path("link"), withDestinationPath: site + "/Content")
            refuses(output: dir.path("link"), site: site)
        }
    }

    @Test func acceptsAFolderInsideTheSiteThatIsNotASource() throws {
        try withTemporaryDirectory { dir in
            let site = try makeSite(in: dir)
            let writer = try RecordingWriter(outputDirectory: site + "/Output", siteDirectory: site)
            try writer.write(Array("hello".utf8), to: "index.html")
            try writer.commit()
            #expect(try dir.read("site/Output/index.html") == "hello")
            // A sibling whose name merely starts like a source folder is not a source.
            let other = try RecordingWriter(outputDirectory: site + "/Content-preview", siteDirectory: site)
            other.abandon()
        }
    }

    @Test func refusesANonEmptyFolderItDidNotWrite() throws {
        try withTemporaryDirectory { dir in
            let site = try makeSite(in: dir)
            try dir.write("Documents/thesis.txt", "precious")
            refuses(output: dir.path("Documents"), site: site)
            #expect(try dir.read("Documents/thesis.txt") == "precious")
            #expect(try leftovers(beside: dir.path("Documents")).isEmpty)

            try dir.write("a-file", "x")
            refuses(output: dir.path("a-file"), site: site)
            #expect(try dir.read("a-file") == "x")
        }
    }

    @Test func acceptsAnEmptyFolderAndAMarkedFolder() throws {
        try withTemporaryDirectory { dir in
            let site = try makeSite(in: dir)
            try dir.createFolder("empty")
            let first = try RecordingWriter(outputDirectory: dir.path("empty"), siteDirectory: site)
            first.abandon()
            try dir.write("marked/" + OutputWriter.markerName, "")
            try dir.write("marked/old.html", "old")
            let second = try RecordingWriter(outputDirectory: dir.path("marked"), siteDirectory: site)
            second.abandon()
        }
    }

    @Test func commitCreatesTheOutputWithTheMarker() throws {
        try withTemporaryDirectory { dir in
            let site = try makeSite(in: dir)
            let output = dir.path("out/site")
            let writer = try RecordingWriter(outputDirectory: output, siteDirectory: site)
            try writer.write(Array("<p>home</p>".utf8), to: "index.html")
            try writer.write(Array("<p>india</p>".utf8), to: "actors/india/index.html")
            #expect(!dir.exists("out/site"), "nothing is visible before the commit")
            try writer.commit()
            #expect(try dir.read("out/site/index.html") == "<p>home</p>")
            #expect(try dir.read("out/site/actors/india/index.html") == "<p>india</p>")
            #expect(dir.exists("out/site/" + OutputWriter.markerName))
            #expect(try leftovers(beside: output).isEmpty)
        }
    }

    @Test func commitReplacesTheOldOutputCompletely() throws {
        try withTemporaryDirectory { dir in
            let site = try makeSite(in: dir)
            let output = dir.path("out")
            let first = try RecordingWriter(outputDirectory: output, siteDirectory: site)
            try first.write(Array("v1".utf8), to: "index.html")
            try first.write(Array("stale".utf8), to: "stale.html")
            try first.write(Array("stale".utf8), to: "old/index.html")
            try first.commit()
            #expect(dir.exists("out/stale.html"))

            let second = try RecordingWriter(outputDirectory: output, siteDirectory: site)
            try second.write(Array("v2".utf8), to: "index.html")
            try second.commit()
            #expect(try dir.read("out/index.html") == "v2")
            #expect(!dir.exists("out/stale.html"))
            #expect(!dir.exists("out/old"))
            #expect(Set(try snapshot(of: output).keys) == ["index.html", OutputWriter.markerName])
            #expect(try leftovers(beside: output).isEmpty)
        }
    }

    @Test func abandonLeavesThePreviousOutputUntouched() throws {
        try withTemporaryDirectory { dir in
            let site = try makeSite(in: dir)
            let output = dir.path("out")
            let first = try RecordingWriter(outputDirectory: output, siteDirectory: site)
            try first.write(Array("v1".utf8), to: "index.html")
            try first.write(Array("page".utf8), to: "actors/india/index.html")
            try first.commit()
            let before = try snapshot(of: output)

            let second = try RecordingWriter(outputDirectory: output, siteDirectory: site)
            try second.write(Array("v2".utf8), to: "index.html")
            try second.write(Array("new".utf8), to: "new.html")
            second.abandon()
            #expect(try snapshot(of: output) == before)
            #expect(try leftovers(beside: output).isEmpty)
        }
    }

    @Test func abandonedFoldersOfDeadProcessesAreRemoved() throws {
        try withTemporaryDirectory { dir in
            let site = try makeSite(in: dir)
            let output = dir.path("out")
            // No process has this id: pid_max is at most 2^22 on Linux and far lower on macOS.
            let deadPID = 2_000_000_000
            try dir.write(".out.staging-\(deadPID)-12345/index.html", "half-written")
            try dir.write(".out.old-\(deadPID)-678/index.html", "old")
            // Folders of this process (a build still running) and of other outputs stay.
            try dir.write(".out.staging-\(getpid())-42/index.html", "in progress")
            try dir.write(".other.staging-\(deadPID)-1/index.html", "someone else's")
            try dir.write("unrelated-\(deadPID)-1/index.html", "unrelated")

            let writer = try RecordingWriter(outputDirectory: output, siteDirectory: site)
            #expect(!dir.exists(".out.staging-\(deadPID)-12345"))
            #expect(!dir.exists(".out.old-\(deadPID)-678"))
            #expect(dir.exists(".out.staging-\(getpid())-42"))
            #expect(dir.exists(".other.staging-\(deadPID)-1"))
            #expect(dir.exists("unrelated-\(deadPID)-1"))
            writer.abandon()
        }
    }

    @Test func outputNameWithDashesStillFindsThePID() throws {
        try withTemporaryDirectory { dir in
            let site = try makeSite(in: dir)
            let deadPID = 2_000_000_001
            try dir.write(".my-site-out.staging-\(deadPID)-7/x", "x")
            let writer = try RecordingWriter(outputDirectory: dir.path("my-site-out"), siteDirectory: site)
            #expect(!dir.exists(".my-site-out.staging-\(deadPID)-7"))
            writer.abandon()
        }
    }

    @Test func stagingFolderIsBesideTheOutput() throws {
        try withTemporaryDirectory { dir in
            let site = try makeSite(in: dir)
            let writer = try RecordingWriter(outputDirectory: dir.path("out"), siteDirectory: site)
            let staged = try leftovers(beside: dir.path("out"))
            #expect(staged.count == 1)
            #expect(staged.first?.hasPrefix(".out.staging-\(getpid())-") == true)
            #expect(dir.exists(staged[0] + "/" + OutputWriter.markerName))
            writer.abandon()
            #expect(try leftovers(beside: dir.path("out")).isEmpty)
        }
    }
}


/// An `OutputWriter` that remembers what it wrote, so that tests can commit as the builder does.
final class RecordingWriter {
    let writer: OutputWriter
    private(set) var results: [String: OutputWriter.WriteResult] = [:]

    init(outputDirectory: String, siteDirectory: String) throws(DiagnosticsError) {
        writer = try OutputWriter(outputDirectory: outputDirectory, siteDirectory: siteDirectory)
    }

    @discardableResult
    func write(_ bytes: [UInt8], to path: String) throws -> OutputWriter.WriteResult {
        let result = try writer.write(bytes, to: path)
        results[path] = result
        return result
    }

    func commit() throws {
        try writer.commit(results: results, manifest: OutputManifest(inputs: "test", warnings: 0, files: results.mapValues(\.stamp)))
    }

    func abandon() { writer.abandon() }
}
