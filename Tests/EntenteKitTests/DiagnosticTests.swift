import Testing
@testable import EntenteModel

@Suite("Diagnostic")
struct DiagnosticTests {
    @Test func descriptionUsesCompilerFormat() {
        let error = Diagnostic.error(Location(file: "Content/treaties/x.yaml", line: 4, column: 9), "unknown actor 'inida'",
                                     suggestion: "did you mean 'india'?")
        #expect(error.description == "Content/treaties/x.yaml:4:9: error: unknown actor 'inida'; did you mean 'india'?")
        let warning = Diagnostic.warning(Location(file: "site.yaml"), "unknown field 'x' is ignored")
        #expect(warning.description == "site.yaml:1:1: warning: unknown field 'x' is ignored")
    }

    @Test func hasErrors() {
        let warning = Diagnostic.warning(Location(file: "a"), "w")
        let error = Diagnostic.error(Location(file: "a"), "e")
        #expect(![warning].hasErrors)
        #expect([warning, error].hasErrors)
        #expect(![Diagnostic]().hasErrors)
    }

    @Test func errorsSortByFileLineAndColumn() {
        let diagnostics = [
            Diagnostic.error(Location(file: "b.yaml", line: 1), "x"),
            Diagnostic.error(Location(file: "a.yaml", line: 10), "x"),
            Diagnostic.error(Location(file: "a.yaml", line: 2, column: 5), "x"),
            Diagnostic.error(Location(file: "a.yaml", line: 2, column: 1), "x"),
        ]
        let sorted = DiagnosticsError(diagnostics).diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column)" }
        #expect(sorted == ["a.yaml:2:1", "a.yaml:2:5", "a.yaml:10:0", "b.yaml:1:0"])
    }

    @Test func markdownLocationsMapToFileLines() {
        let body = MarkdownText("text", origin: Location(file: "a.md", line: 7, column: 0))
        #expect(body.location(line: 1, column: 4) == Location(file: "a.md", line: 7, column: 4))
        #expect(body.location(line: 3, column: 2) == Location(file: "a.md", line: 9, column: 2))
        #expect(body.location(line: 0, column: 0) == body.origin)
    }
}
