import EntenteModel
import EntenteSupport
import Yams

/// Turns the text of one content file into a model value, with a diagnostic for every problem in it.
package enum ContentDecoder {
    /// The fields of a file: from the whole YAML/JSON file, or from a Markdown file's front matter
    /// together with its body.
    package struct Fields {
        package var fields: YAMLFields
        package var body: MarkdownText?
    }

    package enum Format {
        case yaml, json, markdown

        package init?(pathExtension: String) {
            switch pathExtension {
            case "yaml", "yml": self = .yaml
            case "json": self = .json
            case "md", "markdown": self = .markdown
            default: return nil
            }
        }
    }

    /// Parses a file's text into fields; nil (with diagnostics) when it cannot be read at all.
    package static func fields(of text: String, format: Format, file: String, what: String,
                       diagnostics: inout [Diagnostic]) -> Fields? {
        let origin = SourceLocation(file: file, line: 1, column: 1)
        var yaml = text
        var body: MarkdownText?
        var yamlOrigin = origin
        if format == .markdown {
            switch FrontMatter.split(text) {
            case .success(let split):
                yaml = split.yaml
                yamlOrigin = SourceLocation(file: file, line: 2, column: 1)
                body = MarkdownText(split.body, origin: SourceLocation(file: file, line: split.bodyLine, column: 0))
            case .failure(.missing):
                diagnostics.append(.error(origin, "\(what) has no front matter",
                                          suggestion: "start the file with a line '---', the YAML fields, and another line '---'"))
                return nil
            case .failure(.unterminated):
                diagnostics.append(.error(origin, "the front matter is not closed",
                                          suggestion: "add a line '---' after the last YAML field"))
                return nil
            }
        } else if yaml.first == "\u{FEFF}" {
            yaml.removeFirst()
        }
        // YAML reads the fields of a JSON file too, and would accept what is not JSON.
        if format == .json, let problem = StrictJSON.problem(in: yaml) {
            diagnostics.append(.error(SourceLocation(file: file, line: problem.line, column: problem.column), problem.message,
                                      suggestion: problem.suggestion))
            return nil
        }
        switch YAMLDocument.parse(yaml, origin: yamlOrigin) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let node):
            let fields = YAMLFields(node, origin: yamlOrigin, what: format == .markdown ? "the front matter" : what,
                                    sourceLines: yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) })
            if !fields.diagnostics.isEmpty && node == nil || !fields.isMapping {
                diagnostics += fields.diagnostics
                return nil
            }
            return Fields(fields: fields, body: body)
        }
    }
}
