import Testing
@testable import TemplateEngine

/// The specification's tests in the compiled (checked) mode: each test's data gives the type its template is
/// checked against (objects become object types, lists take the merged type of their elements, null is optional
/// text). What compiles must render exactly as the specification expects; what cannot compile is listed below.
struct CompiledSpecTests {
    /// The cases the checked mode rejects on purpose, each with why. All are templates that the specification
    /// renders (usually as nothing) but that a checked template reports as a mistake.
    static let rejected: [String: String] = [
        // A name that no scope's type declares is a misspelling to report, not something to render as nothing.
        "interpolation: Basic Context Miss Interpolation": "'cannot' is declared nowhere",
        "interpolation: Triple Mustache Context Miss Interpolation": "'cannot' is declared nowhere",
        "interpolation: Ampersand Context Miss Interpolation": "'cannot' is declared nowhere",
        "sections: Context Misses": "'missing' is declared nowhere",
        "inverted: Context Misses": "'missing' is declared nowhere",
        "~inheritance: Negative Sections": "'bar' is declared nowhere (the spec's data has only 'baz')",
        // Dotted names whose later segments the object's type does not declare.
        "interpolation: Dotted Names - Broken Chains": "'a' is an empty object: no field 'b'",
        "interpolation: Dotted Names - Broken Chain Resolution": "'a.b' is an empty object: no field 'c'",
        "interpolation: Dotted Names - Context Precedence": "'b' binds to a's empty object, which has no 'c'",
        "sections: Dotted Names - Broken Chains": "'a' is an empty object: no field 'b'",
        "inverted: Dotted Names - Broken Chains": "'a' is an empty object: no field 'b'",
        "interpolation: Dotted Names are never single keys": "the data's only key is 'a.b'; 'a' is declared nowhere",
        // Sections must be over a list, a condition (bool or optional) or an object.
        "sections: Variable test": "'{{#foo}}' is over text",
        "sections: Deeply Nested Contexts": "'{{#five}}' is over a number",
        // An inverted section over an object that is always there could never render.
        "inverted: Context": "'{{^context}}' is over a non-optional object (and 'name' is not in scope there)",
        // An inverted section opens no scope, so the list element's fields are not visible in it.
        "inverted: List": "'{{n}}' inside '{{^list}}' names a field of the list's elements",
        "partials: Failed Lookup": "the partial 'text' does not exist",
        "partials: Recursion": "checked templates are inlined and cannot include themselves",
    ]

    @Test(arguments: SpecTests.cases)
    func compiledRenderingMatchesTheSpecification(_ test: SpecCase) {
        let type = test.data.inferredType
        let (template, problems) = test.library.compile("template", for: type)
        if let reason = Self.rejected[test.testDescription] {
            #expect(template == nil, "expected to be rejected: \(reason)")
            #expect(!problems.isEmpty)
        } else {
            #expect(problems.isEmpty)
            #expect(template?.render(test.data.value(as: type)) == test.expected)
        }
    }

    @Test func everyRejectedCaseExists() {
        let names = Set(SpecTests.cases.map(\.testDescription))
        #expect(Set(Self.rejected.keys).subtracting(names).isEmpty)
    }
}
