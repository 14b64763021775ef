import Foundation
import Testing
@testable import TemplateEngine

/// One test of the Mustache specification.
struct SpecCase: Sendable, CustomTestStringConvertible {
    let module: String
    let name: String
    let template: String
    let partials: [String: String]
    let data: SpecJSON
    let expected: String

    var testDescription: String { "\(module): \(name)" }

    private struct File: Decodable {
        struct Test: Decodable {
            let name: String
            let template: String
            let partials: [String: String]?
            let data: SpecJSON
            let expected: String
        }
        let tests: [Test]
    }

    /// The tests of `modules` (file names without ".json"), in file order.
    static func load(_ modules: [String]) -> [SpecCase] {
        guard let folder = Bundle.module.url(forResource: "Spec", withExtension: nil) else { return [] }
        return modules.flatMap { module -> [SpecCase] in
            let url = folder.appendingPathComponent(module + ".json")
            guard let data = try? Data(contentsOf: url),
                  let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
            return file.tests.map {
                SpecCase(module: module, name: $0.name, template: $0.template, partials: $0.partials ?? [:],
                         data: $0.data, expected: $0.expected)
            }
        }
    }

    /// The template and its partials as a library; the template is named "template".
    var library: TemplateLibrary {
        var sources = ["template": TemplateSource(text: template, file: "template")]
        for (name, text) in partials { sources[name] = TemplateSource(text: text, file: name) }
        return TemplateLibrary(sources)
    }
}
