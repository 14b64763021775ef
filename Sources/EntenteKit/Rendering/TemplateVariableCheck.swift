/// Warns about template variables that no page context provides: swift-mustache renders them as nothing,
/// so a typo (`{{treaty.nmae}}`) would otherwise silently empty a part of every page.
///
/// It reads only tag syntax (sections, partials, blocks, variables) and resolves each name the way Mustache
/// does, up the stack of sections, against `TemplateShape.pages`. A partial is checked where it is
/// included, and a name in it is reported only when no inclusion provides it; `analysis-item`, which Entente
/// renders by itself, is checked against its own context.
struct TemplateVariableCheck {
    /// One template: its text and the file to name in diagnostics.
    struct Source {
        var text: String
        var file: String
    }

    /// A tag of a template, with its children for sections, parents and blocks.
    struct Tag {
        enum Kind { case variable, section, invertedSection, partial, parent, block }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
        var children: [Tag] = []
    }

    /// A variable that was found missing somewhere, and the names it could have meant.
    private struct Miss {
        var template: String
        var tag: Tag
        var page: String
        var candidates: Set<String>
    }

    private let templates: [String: [Tag]]
    private var resolved: Set<String> = []
    private var misses: [String: Miss] = [:]

    /// Warnings for the templates in `sources` whose file `report` accepts (a site's own templates: the
    /// built-in theme is checked by a test).
    static func warnings(_ sources: [String: Source], report: (String) -> Bool) -> [Diagnostic] {
        var parsed: [String: [Tag]] = [:]
        for (name, source) in sources {
            // A template that changes its delimiters is not read here; nil also when tags do not nest.
            if let tags = parse(source.text) { parsed[name] = tags }
        }
        var check = TemplateVariableCheck(templates: parsed)
        let roots = TemplateShape.pages.merging(TemplateShape.standalonePartials) { $1 }
        for (page, shape) in roots.sorted(by: { $0.key < $1.key }) {
            guard let tags = parsed[page] else { continue }
            check.walk(tags, template: page, stack: [shape], page: page, including: [page])
        }
        var diagnostics: [Diagnostic] = []
        for (key, miss) in check.misses.sorted(by: { $0.key < $1.key }) where !check.resolved.contains(key) {
            guard let source = sources[miss.template], report(source.file) else { continue }
            let place = TemplateShape.pages[miss.template] != nil ? "the \(miss.page) page" : "any page that includes it"
            diagnostics.append(.warning(SourceLocation(file: source.file, line: miss.tag.line, column: miss.tag.column),
                                        "the template variable '\(miss.tag.name)' is not provided to \(place); it renders as nothing",
                                        suggestion: Suggestions.nearest(to: miss.tag.name, among: miss.candidates)
                                            .map { "did you mean '\($0)'?" }))
        }
        return diagnostics
    }

    private init(templates: [String: [Tag]]) {
        self.templates = templates
    }

    private mutating func walk(_ tags: [Tag], template: String, stack: [TemplateShape], page: String, including: [String]) {
        for tag in tags {
            switch tag.kind {
            case .variable:
                lookup(tag, template: template, stack: stack, page: page)
            case .section:
                switch lookup(tag, template: template, stack: stack, page: page) {
                case .found(.list(let element)):
                    walk(tag.children, template: template, stack: stack + [element], page: page, including: including)
                case .found(let shape):
                    walk(tag.children, template: template, stack: stack + [shape], page: page, including: including)
                case .unchecked:
                    walk(tag.children, template: template, stack: stack, page: page, including: including)
                case .missing:
                    break  // reported once; what is inside an unknown section cannot be checked
                }
            case .invertedSection:
                lookup(tag, template: template, stack: stack, page: page)
                walk(tag.children, template: template, stack: stack, page: page, including: including)
            case .block:
                walk(tag.children, template: template, stack: stack, page: page, including: including)
            case .partial, .parent:
                walk(tag.children, template: template, stack: stack, page: page, including: including)
                guard !including.contains(tag.name), including.count < 16, let partial = templates[tag.name] else { continue }
                walk(partial, template: tag.name, stack: stack, page: page, including: including + [tag.name])
            }
        }
    }

    private enum Lookup {
        case found(TemplateShape)
        /// The current item (`.`) or a position in a list (`first()`): nothing to check.
        case unchecked
        case missing
    }

    /// Resolves a tag's name as Mustache does and records whether it was found.
    @discardableResult
    private mutating func lookup(_ tag: Tag, template: String, stack: [TemplateShape], page: String) -> Lookup {
        let key = "\(template):\(tag.line):\(tag.column):\(tag.name)"
        guard let name = Self.plainName(tag.name) else {
            resolved.insert(key)
            return .unchecked
        }
        if let shape = Self.resolve(name, in: stack) {
            resolved.insert(key)
            return .found(shape)
        }
        var miss = misses[key] ?? Miss(template: template, tag: tag, page: page, candidates: [])
        miss.candidates.formUnion(Self.names(visibleIn: stack))
        misses[key] = miss
        return .missing
    }

    /// The name a tag looks up, without transforms (`uppercased(name)` reads `name`); nil when the tag reads
    /// the current item or the position in a list (`.`, `first()`).
    static func plainName(_ text: String) -> String? {
        var name = Substring(text)
        while let open = name.firstIndex(of: "("), name.last == ")" {
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
        }
        let trimmed = name.trimmingCharacters(in: " ")
        return trimmed.isEmpty || trimmed == "." ? nil : trimmed
    }

    /// The shape a dotted name finds: its first part up the stack (only the top with a leading '.'), the
    /// rest inside that; nil when nothing provides it.
    static func resolve(_ name: String, in stack: [TemplateShape]) -> TemplateShape? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first else { return nil }
        let scopes = name.hasPrefix(".") ? Array(stack.suffix(1)) : stack
        guard var shape = scopes.reversed().lazy.compactMap({ $0.child(first) }).first else { return nil }
        for part in parts.dropFirst() {
            guard let child = shape.child(part) else { return nil }
            shape = child
        }
        return shape
    }

    /// Every name a tag could read here, dotted, for suggestions.
    static func names(visibleIn stack: [TemplateShape]) -> Set<String> {
        var names: Set<String> = []
        func collect(_ shape: TemplateShape, prefix: String, depth: Int) {
            guard case .object(let fields) = shape, depth < 4 else { return }
            for (name, child) in fields {
                names.insert(prefix + name)
                collect(child, prefix: prefix + name + ".", depth: depth + 1)
            }
        }
        for scope in stack { collect(scope, prefix: "", depth: 0) }
        return names
    }

    // MARK: Tags

    /// The tags of a template as a tree, or nil when the template changes its delimiters or its sections
    /// do not close (swift-mustache reports those).
    static func parse(_ text: String) -> [Tag]? {
        var stack: [Tag] = [Tag(kind: .block, name: "", line: 0, column: 0)]
        var line = 1, column = 1
        let bytes = Array(text.utf8)
        var index = 0
        func advance(to end: Int) {
            while index < end {
                if bytes[index] == UInt8(ascii: "\n") { line += 1; column = 1 }
                else if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                advance(to: index + 1)
                continue
            }
            let (tagLine, tagColumn) = (line, column)
            let triple = index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "{")
            let start = index + (triple ? 3 : 2)
            let closing: [UInt8] = triple ? Array("}}}".utf8) : Array("}}".utf8)
            guard let end = find(closing, in: bytes, from: start) else { return nil }
            let content = String(decoding: bytes[start..<end], as: UTF8.self)
            advance(to: end + closing.count)
            var body = Substring(content).drop { $0 == " " }
            while body.last == " " { body = body.dropLast() }
            guard let sigil = body.first else { continue }
            func named(_ kind: Tag.Kind, dropping: Int = 1) -> Tag {
                let name = body.dropFirst(dropping).trimmingCharacters(in: " ")
                return Tag(kind: kind, name: name, line: tagLine, column: tagColumn)
            }
            if triple {
                stack[stack.count - 1].children.append(named(.variable, dropping: 0))
                continue
            }
            switch sigil {
            case "!", "%": continue
            case "=": return nil
            case "&": stack[stack.count - 1].children.append(named(.variable))
            case ">":
                let tag = named(.partial)
                if !tag.name.hasPrefix("*") { stack[stack.count - 1].children.append(tag) }
            case "#": stack.append(named(.section))
            case "^": stack.append(named(.invertedSection))
            case "<": stack.append(named(.parent))
            case "$": stack.append(named(.block))
            case "/":
                let name = named(.block).name
                guard stack.count > 1, stack[stack.count - 1].name == name else { return nil }
                let closed = stack.removeLast()
                stack[stack.count - 1].children.append(closed)
            default: stack[stack.count - 1].children.append(named(.variable, dropping: 0))
            }
        }
        return stack.count == 1 ? stack[0].children : nil
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var text = self.drop { $0 == character }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
