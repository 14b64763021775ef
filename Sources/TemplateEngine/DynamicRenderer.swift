/// Renders parsed templates with the Mustache specification's semantics: names are looked up by string through a
/// stack of contexts at render time. The reference the compiled mode is compared against, and the mode the
/// specification's tests run in.
struct DynamicRenderer {
    /// How many partials, parents and filled blocks may be expanded inside one another. Deeper recursion stops
    /// expanding (renders nothing) instead of exhausting the stack.
    static let maximumExpansions = 100
    /// How many expansions one rendering may do in all. Depth alone does not bound the work: a partial that
    /// includes itself twice per level doubles it at every level.
    static let expansionBudget = 100_000

    private let templates: [String: ParsedTemplate]
    private var stack: [TemplateValue]
    /// The blocks that fill slots of the same name, outermost first: the specification's top-level precedence.
    private var overrides: [String: TemplateBlock] = [:]
    private var expansions = 0
    private var expansionsLeft = expansionBudget

    init(templates: [String: ParsedTemplate], value: TemplateValue) {
        self.templates = templates
        stack = [value]
    }

    mutating func render(_ nodes: [TemplateNode], into output: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(text)
            case .lineStart:
                break
            case .variable(let name, let escaped, _):
                Self.write(lookUp(name), escaped: escaped, into: &output)
            case .section(let name, let inverted, let body, _):
                let value = lookUp(name)
                if inverted {
                    if !value.isTruthy { render(body, into: &output) }
                } else if case .list(let elements) = value {
                    for element in elements {
                        stack.append(element)
                        render(body, into: &output)
                        stack.removeLast()
                    }
                } else if case .bool = value {
                    // A condition opens no scope, as in the compiled mode (and swift-mustache, mustache.js): `.` in
                    // `{{#flag}}` is still the enclosing value, not `true`.
                    if value.isTruthy { render(body, into: &output) }
                } else if value.isTruthy {
                    stack.append(value)
                    render(body, into: &output)
                    stack.removeLast()
                }
            case .partial(let name, let indentation, _):
                guard let template = templates[name], mayExpand() else { continue }
                expansions += 1
                render(Self.indented(template.nodes, by: indentation), into: &output)
                expansions -= 1
            case .parent(let name, let indentation, let blocks, _):
                guard let template = templates[name], mayExpand() else { continue }
                let outerOverrides = overrides
                for block in blocks where overrides[block.name] == nil {
                    overrides[block.name] = block
                }
                expansions += 1
                render(Self.indented(template.nodes, by: indentation), into: &output)
                expansions -= 1
                overrides = outerOverrides
            case .block(let slot):
                guard let filling = overrides[slot.name] else {
                    render(slot.body, into: &output)
                    continue
                }
                guard mayExpand() else { continue }
                expansions += 1
                render(Self.filling(slot, with: filling), into: &output)
                expansions -= 1
            }
        }
    }

    /// Whether another partial, parent or block may be expanded; counts it against the budget when it may.
    private mutating func mayExpand() -> Bool {
        guard expansions < Self.maximumExpansions, expansionsLeft > 0 else { return false }
        expansionsLeft -= 1
        return true
    }

    static func indented(_ nodes: [TemplateNode], by indentation: String?) -> [TemplateNode] {
        guard let indentation, !indentation.isEmpty else { return nodes }
        return Reindentation(removed: "", added: indentation, indentsFirstLine: true).apply(to: nodes)
    }

    /// The content of `filling`, re-indented from its own indentation to the slot's.
    static func filling(_ slot: TemplateBlock, with filling: TemplateBlock) -> [TemplateNode] {
        if filling.indentation == slot.indentation, slot.isStandalone { return filling.body }
        return Reindentation(removed: filling.indentation, added: slot.indentation, indentsFirstLine: slot.isStandalone)
            .apply(to: filling.body)
    }

    /// The value of `name`: its first segment from the innermost context that has a field of that name (even an
    /// absent one: absent is the specification's null, which stops the search), the rest inside that value.
    private func lookUp(_ name: TemplateName) -> TemplateValue {
        guard let first = name.segments.first else { return stack.last ?? .absent }
        var found: TemplateValue?
        for context in stack.reversed() {
            if case .object(let object) = context, let value = object[first] {
                found = value
                break
            }
        }
        guard var value = found else { return .absent }
        for segment in name.segments.dropFirst() {
            guard case .object(let object) = value, let field = object[segment] else { return .absent }
            value = field
        }
        return value
    }

    /// Text, numbers (in decimal) and conditions ("true", "false") are written; absent values, lists and objects
    /// write nothing.
    static func write(_ value: TemplateValue, escaped: Bool, into output: inout String) {
        switch value {
        case .text(let text):
            if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(text) }
        case .int(let number):
            output.append(String(number))
        case .bool(let condition):
            output.append(condition ? "true" : "false")
        case .absent, .list, .object:
            break
        }
    }
}
