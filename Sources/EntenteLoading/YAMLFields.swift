import EntenteModel
import EntenteSupport
import Yams

/// Reads the fields of one YAML mapping into typed values, collecting a diagnostic for every
/// missing, mistyped or unknown field instead of stopping at the first.
package struct YAMLFields {
    package let origin: SourceLocation
    package let mappingLocation: SourceLocation
    /// The YAML text's lines, to give block-scalar Markdown its exact lines and columns.
    package let sourceLines: [Substring]
    private var values: [String: (key: Node, value: Node)] = [:]
    private var order: [String] = []
    private var read: Set<String> = []
    package private(set) var diagnostics: [Diagnostic] = []

    /// Reads `node` as a mapping; a diagnostic is recorded when it is anything else.
    package init(_ node: Node?, origin: SourceLocation, what: String, sourceLines: [Substring]) {
        self.origin = origin
        self.sourceLines = sourceLines
        self.mappingLocation = YAMLDocument.location(of: node?.mark, origin: origin)
        guard let node else {
            diagnostics.append(.error(origin, "\(what) is empty"))
            return
        }
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error(mappingLocation, "\(what) must be a mapping of fields (`key: value`)"))
            return
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                diagnostics.append(.error(location(of: key), "keys must be plain words"))
                continue
            }
            values[name] = (key, value)
            order.append(name)
        }
    }

    package var isMapping: Bool { !order.isEmpty || diagnostics.isEmpty }

    package func location(of node: Node) -> SourceLocation {
        YAMLDocument.location(of: node.mark, origin: origin)
    }

    /// The location of a field's value, or of the mapping when the field is absent.
    package func location(_ key: String) -> SourceLocation {
        values[key].map { location(of: $0.value) } ?? mappingLocation
    }

    package mutating func node(_ key: String) -> Node? {
        read.insert(key)
        guard let node = values[key]?.value else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain, node.null != nil {
            return nil
        }
        return node
    }

    package mutating func error(_ location: SourceLocation, _ message: String, suggestion: String? = nil) {
        diagnostics.append(.error(location, message, suggestion: suggestion))
    }

    package mutating func warning(_ location: SourceLocation, _ message: String, suggestion: String? = nil) {
        diagnostics.append(.warning(location, message, suggestion: suggestion))
    }

    // MARK: Scalars

    package mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key) else {
            if required { error(mappingLocation, "missing required field '\(key)'") }
            return nil
        }
        guard let text = scalarText(node, key: key) else { return nil }
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty {
            if required { error(location(of: node), "'\(key)' cannot be empty") }
            return nil
        }
        return trimmed
    }

    package mutating func scalarText(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(location(of: node), "'\(key)' must be a single value, not a \(node.kindName)")
            return nil
        }
        return scalar.string
    }

    package mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key), let text = scalarText(node, key: key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(location(of: node), "'\(key)' must be true or false, not '\(text)'")
            return nil
        }
    }

    package mutating func integer(_ key: String) -> Int? {
        guard let node = node(key), let text = scalarText(node, key: key) else { return nil }
        guard let value = Int(text.trimmingWhitespace()) else {
            error(location(of: node), "'\(key)' must be a whole number, not '\(text)'")
            return nil
        }
        return value
    }

    package mutating func date(_ key: String, required: Bool = false) -> PartialDate? {
        guard let node = node(key) else {
            if required { error(mappingLocation, "missing required field '\(key)'") }
            return nil
        }
        guard let text = scalarText(node, key: key) else { return nil }
        return Self.parseDate(text, at: location(of: node), key: key, into: &diagnostics)
    }

    package static func parseDate(_ text: String, at location: SourceLocation, key: String,
                          into diagnostics: inout [Diagnostic]) -> PartialDate? {
        let trimmed = text.trimmingWhitespace()
        if let date = PartialDate(parsing: trimmed) { return date }
        let looksLikeDate = PartialDate(parsing: trimmed.prefix(10)) == nil && trimmed.count >= 4
            && trimmed.prefix(4).allSatisfy(\.isNumber)
        diagnostics.append(.error(location, "'\(key)' is not a valid date: '\(trimmed)'",
                                  suggestion: looksLikeDate
                                    ? "check that the day exists in that month; dates are YYYY, YYYY-MM or YYYY-MM-DD"
                                    : "write dates as YYYY, YYYY-MM or YYYY-MM-DD"))
        return nil
    }

    package mutating func enumeration<Value: RawRepresentable & CaseIterable>(_ key: String, as type: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let node = node(key), let text = scalarText(node, key: key) else { return nil }
        return enumValue(text.trimmingWhitespace(), as: type, key: key, at: location(of: node))
    }

    package mutating func enumValue<Value: RawRepresentable & CaseIterable>(
        _ text: String, as type: Value.Type, key: String, at location: SourceLocation
    ) -> Value? where Value.RawValue == String {
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        let suggestion = Suggestions.nearest(to: text.lowercased(), among: allowed).map { "did you mean '\($0)'?" }
            ?? "use one of \(allowed.joined(separator: ", "))"
        error(location, "unknown \(key) '\(text)'", suggestion: suggestion)
        return nil
    }

    package mutating func markdown(_ key: String) -> MarkdownText? {
        guard let node = node(key) else { return nil }
        return markdown(node, key: key)
    }

    /// A scalar as Markdown that knows where each of its lines is in the file.
    ///
    /// Block scalars (`|` and `>`) are read from the file's own lines, de-indented: for Markdown a
    /// folded line break and a kept one mean the same, and this way every problem points at its real line.
    package mutating func markdown(_ node: Node, key: String) -> MarkdownText? {
        guard let text = scalarText(node, key: key), !text.trimmingWhitespace().isEmpty,
              case .scalar(let scalar) = node else { return nil }
        let start = location(of: node)
        switch scalar.style {
        case .literal, .folded:
            if let block = blockLines(after: scalar.mark) {
                return MarkdownText(block.text, origin: SourceLocation(file: start.file, line: block.line, column: 0),
                                    indentation: block.indentation)
            }
            return MarkdownText(text, origin: SourceLocation(file: start.file, line: start.line + 1, column: 0))
        case .singleQuoted, .doubleQuoted:
            // The mark points at the opening quote.
            return MarkdownText(text, origin: SourceLocation(file: start.file, line: start.line, column: start.column + 1))
        default:
            return MarkdownText(text, origin: start)
        }
    }

    /// The lines of the block scalar whose indicator is at `mark`: its first line number in the file,
    /// its indentation, and the text with that indentation removed.
    private func blockLines(after mark: Mark?) -> (text: String, line: Int, indentation: Int)? {
        guard let mark else { return nil }
        let first = mark.line  // 0-based index of the line after the indicator
        guard first < sourceLines.count else { return nil }
        var indentation: Int?
        var lines: [Substring] = []
        for line in sourceLines[first...] {
            let spaces = line.prefix { $0 == " " }.count
            if line.allSatisfy({ $0 == " " || $0 == "\r" }) {
                lines.append("")
                continue
            }
            if indentation == nil { indentation = spaces }
            guard let indentation, spaces >= indentation else { break }
            lines.append(line.dropFirst(indentation))
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let indentation, !lines.isEmpty else { return nil }
        let text = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }.joined(separator: "\n") + "\n"
        return (text, max(origin.line, 1) + first, indentation)
    }

    // MARK: Sequences

    /// The items of a list field; a single scalar is accepted as a list of one only when `allowSingle`.
    package mutating func sequence(_ key: String, allowSingle: Bool = false) -> [Node] {
        guard let node = node(key) else { return [] }
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar where allowSingle: return [node]
        default:
            error(location(of: node), "'\(key)' must be a list, not a \(node.kindName)",
                  suggestion: node.kindName == "single value" ? "write it as a list: \(key): [\(node.scalar?.string ?? "")]" : nil)
            return []
        }
    }

    package mutating func stringList(_ key: String) -> [String] {
        sequence(key).compactMap { item in
            guard let text = scalarText(item, key: key) else { return nil }
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty {
                error(location(of: item), "'\(key)' has an empty item")
                return nil
            }
            return trimmed
        }
    }

    package mutating func reference<Kind>(_ key: String, as kind: Kind.Type) -> Reference<Kind>? {
        guard let node = node(key) else { return nil }
        return reference(node, key: key, as: kind)
    }

    package mutating func reference<Kind>(_ node: Node, key: String, as kind: Kind.Type) -> Reference<Kind>? {
        guard let text = scalarText(node, key: key) else { return nil }
        let trimmed = text.trimmingWhitespace()
        let at = location(of: node)
        guard let id = Identifier<Kind>(trimmed) else {
            let slug = Identifier<Kind>.slug(from: trimmed)
            error(at, "'\(trimmed)' is not a valid id in '\(key)': \(Identifier<Kind>.problem(with: trimmed) ?? "")",
                  suggestion: slug.isEmpty ? nil : "did you mean '\(slug)'?")
            return nil
        }
        return Reference(id, at: at)
    }

    package mutating func references<Kind>(_ key: String, as kind: Kind.Type) -> [Reference<Kind>] {
        sequence(key, allowSingle: false).compactMap { reference($0, key: key, as: kind) }
    }

    // MARK: Unknown keys

    /// Warns about every field that was never read, naming the nearest known field.
    package mutating func reportUnknownKeys(known: [String]) {
        for key in order where !read.contains(key) {
            let at = values[key].map { location(of: $0.key) } ?? mappingLocation
            warning(at, "unknown field '\(key)' is ignored",
                    suggestion: Suggestions.nearest(to: key, among: known).map { "did you mean '\($0)'?" })
        }
    }
}

extension Node {
    package var kindName: String {
        switch self {
        case .scalar: "single value"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }
}
