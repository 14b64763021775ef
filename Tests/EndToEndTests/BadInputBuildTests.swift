import Foundation
import Testing

/// A bad input made in a copy of the example site, and the error `entente build` must print for it.
struct BadSiteInput: CustomTestStringConvertible, Sendable {
    var name: String
    /// The file the error names, relative to the site.
    var file: String
    var message: String
    var make: @Sendable (URL) throws -> Void

    var testDescription: String { name }

    static func write(_ site: URL, _ relative: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: site.appendingPathComponent(relative))
    }

    static let all: [BadSiteInput] = [
        BadSiteInput(name: "malformed YAML", file: "Content/actors/bad.yaml", message: "invalid YAML") {
            try write($0, "Content/actors/bad.yaml", Array("name: X\nkind: [state\n".utf8))
        },
        BadSiteInput(name: "malformed JSON", file: "Content/treaties/bad.json", message: "expected a key in double quotes") {
            try write($0, "Content/treaties/bad.json", Array("{\"name\": \"X\",, }\n".utf8))
        },
        BadSiteInput(name: "unterminated front matter", file: "Content/analyses/bad.md", message: "front matter is not closed") {
            try write($0, "Content/analyses/bad.md", Array("---\ntitle: X\ndate: \"2024\"\n\nBody\n".utf8))
        },
        BadSiteInput(name: "invalid UTF-8", file: "Content/actors/bad.yaml", message: "not valid UTF-8") {
            try write($0, "Content/actors/bad.yaml", Array("name: X\nregion: ".utf8) + [0xFF, 0x0A])
        },
        BadSiteInput(name: "an empty file", file: "Content/actors/bad.yaml", message: "is empty") {
            try write($0, "Content/actors/bad.yaml", [])
        },
        BadSiteInput(name: "a binary file", file: "Content/actors/bad.yaml", message: "binary file") {
            try write($0, "Content/actors/bad.yaml", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00])
        },
        BadSiteInput(name: "a 50 MB file", file: "Content/actors/bad.yaml", message: "limited to 8 MB") {
            let url = $0.appendingPathComponent("Content/actors/bad.yaml")
            try Data("name: X\n".utf8).write(to: url)
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 50 * 1_048_576)
            try handle.close()
        },
        BadSiteInput(name: "deeply nested YAML", file: "Content/actors/bad.yaml", message: "nests more than 64 levels") {
            try write($0, "Content/actors/bad.yaml", Array(("name: X\nregion: " + String(repeating: "{a: ", count: 5000)
                                                             + String(repeating: "}", count: 5000) + "\n").utf8))
        },
        BadSiteInput(name: "a YAML alias bomb", file: "Content/actors/bad.yaml", message: "expands to more than 100000 values") {
            var lines = ["name: Bomb", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
            for level in 1...8 {
                lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
            }
            try write($0, "Content/actors/bad.yaml", Array((lines.joined(separator: "\n") + "\n? *a8\n: x\n").utf8))
        },
        BadSiteInput(name: "a symbolic link loop", file: "Content/actors/bad.yaml", message: "symbolic link loop") {
            try FileManager.default.createSymbolicLink(atPath: $0.appendingPathComponent("Content/actors/bad.yaml").path,
                                                       withDestinationPath: "bad.yaml")
        },
        BadSiteInput(name: "a symbolic link outside the site", file: "Content/actors/bad.yaml", message: "outside the site") {
            try FileManager.default.createSymbolicLink(atPath: $0.appendingPathComponent("Content/actors/bad.yaml").path,
                                                       withDestinationPath: "/etc/passwd")
        },
        // Tests run as root, whom `chmod 000` does not stop; a FIFO cannot be read (and would block a naive reader).
        BadSiteInput(name: "a file that cannot be read (a FIFO)", file: "Content/actors/bad.yaml", message: "found a FIFO") {
            guard mkfifo($0.appendingPathComponent("Content/actors/bad.yaml").path, 0o644) == 0 else { throw POSIXError(.EPERM) }
        },
        BadSiteInput(name: "a folder where a file is expected", file: "Content/treaties/bad.yaml", message: "found a folder") {
            try FileManager.default.createDirectory(at: $0.appendingPathComponent("Content/treaties/bad.yaml"),
                                                    withIntermediateDirectories: false)
        },
    ]
}

// Serialized, and every process is waited for off the concurrency pool: on two cores, tests that block its
// threads starve the serve tests' sockets.
@Suite("Bad input, end to end", .serialized)
struct BadInputBuildTests {
    /// Runs `entente` on a thread of its own, so that waiting for it holds no thread of the concurrency pool.
    private func entente(_ arguments: [String]) async throws -> EntenteProcess.Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try EntenteProcess.run(arguments) }) }.start()
        }
    }

    @Test("each bad input fails the build with a compiler-style error, and the previous Output stays byte for byte",
          arguments: BadSiteInput.all)
    func badInputKeepsOutput(_ input: BadSiteInput) async throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        #expect(try await entente(["build", "--site", site.path]).status == 0)
        let output = BuiltSite(root: site.appendingPathComponent("Output"))
        let before = try output.snapshot()
        #expect(before.count > 20)

        try input.make(site)
        let result = try await entente(["build", "--site", site.path])
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let prefix = site.path + "/" + input.file + ":"
        let line = try #require(lines.first { $0.hasPrefix(prefix) }, "stderr: \(result.stderr)")
        #expect(line.wholeMatch(of: /.+:\d+:\d+: error: .+/) != nil, "\(line)")
        #expect(line.contains(input.message), "\(line)")
        #expect(lines.last?.hasPrefix("error: build failed with") == true)
        #expect(!result.stderr.contains("Fatal error"))
        #expect(try output.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)

        // `entente check` finds the same problem.
        let check = try await entente(["check", "--site", site.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains(line), "check stderr: \(check.stderr)")
    }

    @Test("an output folder on a read-only path fails with an error naming it, and nothing else is touched")
    func readOnlyOutput() async throws {
        let temp = try TemporaryFolder()
        let site = try temp.copyExampleSite()
        // /proc refuses new folders even to root, unlike a chmod-ed folder.
        let result = try await entente(["build", "--site", site.path, "--output", "/proc/entente-output"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("/proc/entente-output"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains(": error: "))
        #expect(!FileManager.default.fileExists(atPath: "/proc/entente-output"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["Content"])
    }
}
