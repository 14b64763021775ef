import Foundation
import Testing
@testable import EntenteLoading
@testable import EntenteModel

/// One bad (or merely unusual) input: how to make it in a site folder, and what loading it must say.
struct BadInput: CustomTestStringConvertible, Sendable {
    var name: String
    /// The file the diagnostic names, relative to the site; nil when the input is accepted without a diagnostic.
    var file: String?
    /// The line the diagnostic names (0: the whole file).
    var line: Int = 0
    /// Text the message must contain.
    var message: String = ""
    var make: @Sendable (TemporaryDirectory) throws -> Void

    var testDescription: String { name }

    /// Every case of the matrix; `EndToEndTests/BadInputBuildTests` runs the built binary over the same kinds.
    static let all: [BadInput] = [
        BadInput(name: "malformed YAML", file: "Content/actors/x.yaml", line: 3, message: "invalid YAML") {
            try $0.write("Content/actors/x.yaml", "name: X\nkind: [state\n")
        },
        BadInput(name: "malformed JSON", file: "Content/actors/x.json", line: 3, message: "expected ',' or '}' after the value") {
            try $0.write("Content/actors/x.json", "{\"name\": \"X\",\n \"kind\": \"state\"\n")
        },
        BadInput(name: "unterminated front matter", file: "Content/analyses/a.md", line: 1, message: "front matter is not closed") {
            try $0.write("Content/analyses/a.md", "---\ntitle: A\ndate: \"2024\"\nBody\n")
        },
        BadInput(name: "a UTF-8 byte-order mark is accepted", file: nil) {
            try $0.write("Content/actors/x.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("name: X\n".utf8))
            try $0.write("Content/analyses/a.md", bytes: [0xEF, 0xBB, 0xBF] + Array("---\ntitle: A\ndate: \"2024\"\n---\nBody\n".utf8))
        },
        BadInput(name: "CRLF line endings are accepted", file: nil) {
            try $0.write("Content/actors/x.yaml", "name: X\r\nkind: state\r\n")
            try $0.write("Content/analyses/a.md", "---\r\ntitle: A\r\ndate: \"2024\"\r\n---\r\nBody\r\n")
        },
        BadInput(name: "CRLF with an error keeps its line", file: "Content/actors/x.yaml", line: 2, message: "unknown field 'knd'") {
            try $0.write("Content/actors/x.yaml", "name: X\r\nknd: state\r\n")
        },
        BadInput(name: "invalid UTF-8", file: "Content/actors/x.yaml", line: 2, message: "not valid UTF-8") {
            try $0.write("Content/actors/x.yaml", bytes: Array("name: X\nregion: Eur".utf8) + [0xC3, 0x28] + Array("pe\n".utf8))
        },
        BadInput(name: "an empty file", file: "Content/actors/x.yaml", line: 1, message: "is empty") {
            try $0.write("Content/actors/x.yaml", "")
        },
        BadInput(name: "a binary file", file: "Content/actors/x.yaml", message: "binary file") {
            try $0.write("Content/actors/x.yaml", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00])
        },
        BadInput(name: "a 50 MB file", file: "Content/actors/x.yaml", message: "the file is 50 MB; content files are limited to 8 MB") {
            let path = try $0.write("Content/actors/x.yaml", "name: X\n")
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: 50 * 1_048_576)  // sparse: quick to make
            try handle.close()
        },
        BadInput(name: "deeply nested YAML (flow)", file: "Content/actors/x.yaml", line: 2, message: "nests more than 64 levels") {
            try $0.write("Content/actors/x.yaml", "name: X\nregion: " + String(repeating: "[", count: 10_000)
                         + String(repeating: "]", count: 10_000) + "\n")
        },
        BadInput(name: "deeply nested YAML (block)", file: "Content/actors/x.yaml", message: "nests more than 64 levels") {
            var text = "name: X\nregion:\n"
            for depth in 1...200 { text += String(repeating: " ", count: depth) + "k:\n" }
            try $0.write("Content/actors/x.yaml", text)
        },
        BadInput(name: "a YAML alias bomb", file: "Content/actors/x.yaml", line: 6, message: "expands to more than 100000 values") {
            try $0.write("Content/actors/x.yaml", BadInput.billionLaughs(key: false))
        },
        BadInput(name: "a YAML alias bomb used as a key", file: "Content/actors/x.yaml", line: 6, message: "expands to more than 100000 values") {
            try $0.write("Content/actors/x.yaml", BadInput.billionLaughs(key: true))
        },
        BadInput(name: "a symbolic link loop", file: "Content/actors/x.yaml", message: "symbolic link loop") {
            try $0.createFolder("Content/actors")
            try FileManager.default.createSymbolicLink(atPath: $0.path("Content/actors/x.yaml"), withDestinationPath: "x.yaml")
        },
        BadInput(name: "a symbolic link outside the site", file: "Content/actors/x.yaml", message: "outside the site") {
            try $0.createFolder("Content/actors")
            try FileManager.default.createSymbolicLink(atPath: $0.path("Content/actors/x.yaml"), withDestinationPath: "/etc/passwd")
        },
        BadInput(name: "a symbolic link to nothing", file: "Content/actors/x.yaml", message: "symbolic link to nothing") {
            try $0.createFolder("Content/actors")
            try FileManager.default.createSymbolicLink(atPath: $0.path("Content/actors/x.yaml"), withDestinationPath: "gone.yaml")
        },
        BadInput(name: "a symbolic link inside the site is followed", file: nil) {
            try $0.write("Content/common/x.yaml", "name: X\n")
            try $0.createFolder("Content/actors")
            try FileManager.default.createSymbolicLink(atPath: $0.path("Content/actors/x.yaml"), withDestinationPath: "../common/x.yaml")
        },
        // Tests run as root, whom `chmod 000` does not stop: a FIFO is the file that cannot be read (it would
        // block a naive reader forever).
        BadInput(name: "a file that cannot be read (a FIFO)", file: "Content/actors/x.yaml", message: "found a FIFO") {
            try $0.createFolder("Content/actors")
            guard mkfifo($0.path("Content/actors/x.yaml"), 0o644) == 0 else { throw POSIXError(.EPERM) }
        },
        BadInput(name: "a folder where a file is expected", file: "Content/actors/x.yaml", message: "expected a file, found a folder") {
            try $0.createFolder("Content/actors/x.yaml")
        },
        BadInput(name: "a folder where site.yaml is expected", file: "Content/site.yaml", message: "expected a file, found a folder") {
            try FileManager.default.removeItem(atPath: $0.path("Content/site.yaml"))
            try $0.createFolder("Content/site.yaml")
        },
        BadInput(name: "a file where a section folder is expected", file: "Content/treaties", message: "should be a folder") {
            try $0.write("Content/treaties", "not a folder\n")
        },
    ]

    /// Ten lists of ten aliases, nine deep: a billion values from under a kilobyte.
    static func billionLaughs(key: Bool) -> String {
        var lines = ["name: Bomb", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...8 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append(key ? "? *a8\n: boom" : "aliases: *a8")
        return lines.joined(separator: "\n") + "\n"
    }
}

@Suite("Bad input")
struct BadInputTests {
    @Test("every bad input gets one diagnostic naming its file and line, and nothing crashes or hangs",
          arguments: BadInput.all)
    func badInput(_ input: BadInput) async throws {
        try await withTemporaryDirectory { dir in
            try dir.write("Content/site.yaml", "title: Test\n")
            try input.make(dir)
            let (content, diagnostics) = await SiteLoader(siteDirectory: dir.path).load()
            #expect(content != nil)
            guard let file = input.file else {
                #expect(diagnostics.isEmpty, "accepted without a diagnostic: \(diagnostics)")
                #expect(content?.actors.map(\.name) == ["X"])
                return
            }
            let errors = diagnostics.filter { $0.location.file == dir.path(file) }
            try #require(errors.count == 1, "one diagnostic for \(file): \(diagnostics)")
            let diagnostic = errors[0]
            #expect(diagnostic.severity == (input.message.hasPrefix("unknown field") ? .warning : .error))
            #expect(diagnostic.message.contains(input.message), "\(diagnostic)")
            if input.line > 0 { #expect(diagnostic.location.line == input.line, "\(diagnostic)") }
            #expect(diagnostic.description.hasPrefix(dir.path(file) + ":"))
        }
    }

    @Test("a YAML alias that stays small is fine")
    func smallAliases() async throws {
        try await withTemporaryDirectory { dir in
            try dir.write("Content/site.yaml", "title: Test\n")
            try dir.write("Content/actors/x.yaml", "name: X\naliases: &names [Ex, Why]\nregion: South Asia\n")
            let (content, diagnostics) = await SiteLoader(siteDirectory: dir.path).load()
            #expect(diagnostics.isEmpty)
            #expect(content?.actors.first?.aliases == ["Ex", "Why"])
        }
    }

    @Test("the expansion count follows aliases of aliases")
    func expansionCount() {
        #expect(YAMLLimits.expansionProblem(in: BadInput.billionLaughs(key: false)) != nil)
        #expect(YAMLLimits.expansionProblem(in: "a: &a [1, 2]\nb: [*a, *a]\n") == nil)
        #expect(YAMLLimits.mayHaveAnchors("title: Belt & Road\n") == false)
        #expect(YAMLLimits.mayHaveAnchors("a: &x 1\n") == true)
    }

    @Test("the line of invalid UTF-8 is found", arguments: [
        ([0x61, 0x0A, 0x62, 0xFF] as [UInt8], 2, 2),
        ([0xC3, 0xA9, 0x0A, 0x0A, 0xE2, 0x82] as [UInt8], 3, 1),
    ])
    func invalidUTF8Position(_ bytes: [UInt8], _ line: Int, _ column: Int) {
        #expect(SiteLoader.firstInvalidUTF8(bytes) == (line, column))
    }
}
