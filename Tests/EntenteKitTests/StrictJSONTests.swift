import Foundation
import Testing
@testable import EntenteLoading
@testable import EntenteModel

/// `.json` content files are JSON: what YAML would accept beyond JSON is an error at its line and column.
@Suite("Strict JSON")
struct StrictJSONTests {
    @Test("JSON passes", arguments: [
        #"{"name": "India", "aliases": ["Bhārat", "\u0049ndia"], "cow": 750, "x": -1.5e-3, "ok": true, "none": null}"#,
        "\u{FEFF}{\"a\": 1}".dropFirst().description, "[]", "{}", "\"text\"", "0", " {\n\t\"a\" : [ 1 , 2 ]\r\n} ",
    ])
    func valid(_ text: String) {
        #expect(StrictJSON.problem(in: text) == nil)
    }

    @Test("what is not JSON is found where it is", arguments: [
        ("{\n  \"name\": \"X\",\n  \"kind\": \"state\",\n}\n", 3, 18, "a comma before '}' is not JSON"),
        ("[1, 2,]", 1, 6, "a comma before ']' is not JSON"),
        ("{name: \"X\"}", 1, 2, "a key without double quotes is not JSON"),
        ("{\"a\": 'x'}", 1, 7, "a string in single quotes is not JSON"),
        ("{\"a\": 1} // note", 1, 10, "unexpected text after the JSON value"),
        ("{\"a\": /* c */ 1}", 1, 7, "JSON has no comments"),
        ("{\"a\": 007}", 1, 7, "a JSON number has no leading zero"),
        ("{\"a\": NaN}", 1, 7, "expected a value (a string in double quotes, a number, true, false, null, an object or a list)"),
        ("{\"a\": \"x\ny\"}", 1, 9, "a line break or control character inside a string must be escaped"),
        ("{\"é\": \"\\q\"}", 1, 8, "'\\q' is not a JSON escape"),
        ("{\"a\": \"open", 1, 7, "this string is not closed"),
        ("{\"a\" 1}", 1, 6, "expected ':' after the key"),
        ("", 1, 1, "the text ends where a value should be"),
    ])
    func invalid(_ text: String, line: Int, column: Int, message: String) throws {
        let problem = try #require(StrictJSON.problem(in: text))
        #expect(problem.message == message + " (the file is read as JSON)")
        #expect((problem.line, problem.column) == (line, column))
    }

    @Test("deep nesting is refused, not a stack overflow")
    func deep() throws {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(try #require(StrictJSON.problem(in: text)).message.hasPrefix("lists and objects nest more than"))
    }

    @Test("a .json content file with a trailing comma fails to load, at its line and column")
    func contentFile() async throws {
        try await withTemporaryDirectory { dir in
            try dir.write("Content/site.yaml", "title: T\n")
            try dir.write("Content/actors/india.json", "{\n  \"name\": \"India\",\n}\n")
            let (content, diagnostics) = await SiteLoader(siteDirectory: dir.path).load()
            #expect(content?.actors.isEmpty == true)
            let diagnostic = try #require(diagnostics.first)
            #expect(diagnostic.location == EntenteModel.SourceLocation(file: dir.path("Content/actors/india.json"), line: 2, column: 18))
            #expect(diagnostic.message == "a comma before '}' is not JSON (the file is read as JSON)")
            #expect(diagnostic.suggestion == "remove the last comma")
        }
    }
}
