import EntenteModel
import EntenteSupport
import Yams

/// Parses YAML (and JSON, which YAML reads too) into a node tree that remembers lines and columns,
/// turning every parser error into a diagnostic at its position.
package enum YAMLDocument {
    /// Parses `text`; `origin` is where the text starts in its file (front matter starts on line 2).
    package static func parse(_ text: String, origin: SourceLocation) -> Result<Node?, Diagnostic> {
        YAMLLimits.prepare()
        if YAMLLimits.mayHaveAnchors(text), let problem = YAMLLimits.expansionProblem(in: text) {
            return .failure(.error(SourceLocation(file: origin.file, line: max(origin.line, 1) + problem.line - 1,
                                                  column: problem.column), problem.message,
                                   suggestion: "write the values out instead of repeating them with aliases"))
        }
        do {
            // The basic resolver tags every plain scalar as a string: the decoders read values as written
            // (a date stays "2024-07", `no` is not a boolean unless a field wants one), and it skips the
            // regular expressions the default resolver runs on every scalar. The encoding is named because
            // Yams' default reads the whole process environment on every call (1.5% of a 10k build).
            return .success(try Yams.compose(yaml: text, .basic, .default, .utf8))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, origin: origin))
        } catch {
            return .failure(.error(origin, "cannot read YAML: \(error)"))
        }
    }

    package static func location(of mark: Mark?, origin: SourceLocation) -> SourceLocation {
        guard let mark else { return origin }
        return SourceLocation(file: origin.file, line: max(origin.line, 1) + mark.line - 1, column: mark.column)
    }

    private static func diagnostic(for error: YamlError, origin: SourceLocation) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            if problem.hasPrefix("Maximum nesting level") {
                return .error(location(of: mark, origin: origin),
                              "the YAML nests more than \(YAMLLimits.maximumDepth) levels deep; content files are limited to \(YAMLLimits.maximumDepth)")
            }
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return .error(location(of: mark, origin: origin), message)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(location(of: context.mark, origin: origin),
                          "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping",
                          suggestion: "each key may appear once; remove or rename the repeated one")
        case let .reader(problem, _, _, _):
            return .error(origin, "cannot read YAML: \(problem)")
        default:
            return .error(origin, "cannot read YAML: \(error)")
        }
    }
}
