import Testing
@testable import TemplateEngine

/// The official Mustache specification, rendered in the dynamic mode (`renderDynamic`).
///
/// Supported: every required module (comments, delimiters, interpolation, inverted, partials, sections) and the
/// optional `~inheritance` module (parents and blocks), which Entente's theme uses. Not supported, and so not run:
/// `~lambdas` (values are data, never code) and `~dynamic-names` (`{{>*name}}` is a parse error).
struct SpecTests {
    static let supportedModules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections",
                                   "~inheritance"]
    static let cases = SpecCase.load(supportedModules)

    @Test func allSupportedModulesLoad() {
        let modules = Set(Self.cases.map(\.module))
        #expect(modules == Set(Self.supportedModules))
        #expect(Self.cases.count > 100)
    }

    @Test(arguments: cases)
    func rendersAsTheSpecificationExpects(_ test: SpecCase) {
        let library = test.library
        #expect(library.problems.isEmpty)
        #expect(library.renderDynamic("template", test.data.dynamicValue) == test.expected)
    }

    /// Dynamic names are a parse error rather than silently rendering nothing.
    @Test func dynamicNamesAreNotSupported() {
        let library = TemplateLibrary(["page": TemplateSource(text: "{{>*name}}", file: "page.mustache")])
        #expect(library.problems.map(\.description) == ["page.mustache:1:1: error: dynamic names ('*name') are not supported"])
    }

    /// Lambdas need code in the data; values here are plain data, so a section over text is just a truthy section.
    @Test func lambdasAreNotSupported() {
        let output = TemplateLibrary.renderDynamic(template: "{{#lambda}}x{{/lambda}}", partials: [:],
                                                   value: SpecJSON.object([(key: "lambda", value: .string("{{y}}"))]).dynamicValue)
        #expect(output == "x")
    }
}
