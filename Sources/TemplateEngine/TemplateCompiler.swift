/// Checks parsed templates against a `TemplateType` and compiles them to `CompiledOp`s.
///
/// The stack of scopes has the same shape at compile time as at render time, so every name is resolved here to a
/// stack position and field indices. A name binds to the innermost scope whose type declares it: an absent value
/// there renders nothing and never falls through to an outer scope that happens to have the same name.
/// Partials and parents are compiled inline at each inclusion, with their blocks filled in.
struct TemplateCompiler {
    /// What a scope declares: an object's fields, or nothing (a scalar, which answers only `.`).
    private enum Scope {
        case object(TemplateObjectType)
        case value(TemplateType)

        init(_ type: TemplateType) {
            var unwrapped = type
            while case .optional(let wrapped) = unwrapped { unwrapped = wrapped }
            if case .object(let objectType) = unwrapped { self = .object(objectType) } else { self = .value(type) }
        }

        var type: TemplateType {
            switch self {
            case .object(let objectType): .object(objectType)
            case .value(let type): type
            }
        }
    }

    /// Collects ops, merging adjacent text (including text from partials and blocks) into one op.
    private struct OpBuilder {
        var ops: [CompiledOp] = []
        var pendingText = ""

        mutating func append(text: String) { pendingText.append(text) }

        mutating func append(_ op: CompiledOp) {
            flush()
            ops.append(op)
        }

        mutating func finish() -> [CompiledOp] {
            flush()
            return ops
        }

        private mutating func flush() {
            guard !pendingText.isEmpty else { return }
            ops.append(.text(pendingText))
            pendingText = ""
        }
    }

    private let templates: [String: ParsedTemplate]
    private var problemSet: Set<TemplateProblem> = []
    private var scopes: [Scope]
    /// The most scopes open at once, to size the render stack.
    private(set) var maximumDepth = 1
    /// The file whose nodes are being compiled: problems name it.
    private var file: String
    /// The partials being compiled, outermost first: one that appears again includes itself.
    private var partialChain: [String] = []
    /// The parents being compiled, each with the blocks that fill it; the same pair again would never end.
    private var parentChain: [String] = []
    /// The blocks that fill slots of the same name, the outermost taking precedence as in the specification.
    private var overrides: [String: TemplateBlock] = [:]
    /// The slots met while compiling the current parent, to report blocks that fill nothing.
    private var slotsSeen: Set<String> = []
    private var expansions = 0
    /// Inlining copies each partial once per inclusion; templates that include each other many times over could
    /// multiply that without bound, so the total is capped.
    private static let expansionBudget = DynamicRenderer.expansionBudget
    private var expansionsLeft = expansionBudget

    init(templates: [String: ParsedTemplate], rootType: TemplateType, file: String) {
        self.templates = templates
        self.file = file
        scopes = [Scope(rootType)]
    }

    /// Every problem found, each once, sorted.
    var problems: [TemplateProblem] { problemSet.sorted() }

    mutating func compile(_ template: ParsedTemplate) -> [CompiledOp] {
        problemSet.formUnion(template.problems)
        var builder = OpBuilder()
        compile(template.nodes, into: &builder)
        return builder.finish()
    }

    private mutating func report(_ message: String, at position: TemplatePosition, suggestion: String? = nil) {
        problemSet.insert(TemplateProblem(file: file, line: position.line, column: position.column,
                                          message: message, suggestion: suggestion))
    }

    private mutating func compile(_ nodes: [TemplateNode], into builder: inout OpBuilder) {
        for node in nodes {
            switch node {
            case .text(let text):
                builder.append(text: text)
            case .lineStart:
                break
            case .variable(let name, let escaped, let position):
                guard let (path, type) = resolve(name, at: position) else { continue }
                if Self.isWritable(type) {
                    builder.append(.value(path, escaped: escaped))
                } else {
                    report("'\(name)' is \(Self.phrase(type)) and cannot be written as text", at: position)
                }
            case .section(let name, let inverted, let body, let position):
                compileSection(name, inverted: inverted, body: body, at: position, into: &builder)
            case .partial(let name, let indentation, let position):
                compilePartial(name, indentation: indentation, at: position, into: &builder)
            case .parent(let name, let indentation, let blocks, let position):
                compileParent(name, indentation: indentation, blocks: blocks, at: position, into: &builder)
            case .block(let slot):
                compileSlot(slot, into: &builder)
            }
        }
    }

    private mutating func compileBody(_ body: [TemplateNode], opening scope: Scope?) -> [CompiledOp] {
        if let scope {
            scopes.append(scope)
            maximumDepth = max(maximumDepth, scopes.count)
        }
        var builder = OpBuilder()
        compile(body, into: &builder)
        if scope != nil { scopes.removeLast() }
        return builder.finish()
    }

    // MARK: Sections

    /// How a section over a value of some type renders.
    private enum SectionKind {
        /// Once when true; no scope (bool, optional bool).
        case condition
        /// Once when present, the value the innermost scope (objects, optional objects, optional text and numbers).
        case scope(Scope)
        /// Once per element (lists, optional lists).
        case loop(Scope)
    }

    private static func sectionKind(for type: TemplateType) -> SectionKind? {
        switch type {
        case .bool: return .condition
        case .list(let element): return .loop(Scope(element))
        case .object(let objectType): return .scope(.object(objectType))
        case .int, .text: return nil
        case .optional(let wrapped):
            var unwrapped = wrapped
            while case .optional(let inner) = unwrapped { unwrapped = inner }
            switch unwrapped {
            case .bool: return .condition
            case .list(let element): return .loop(Scope(element))
            case .object(let objectType): return .scope(.object(objectType))
            case .int, .text: return .scope(.value(unwrapped))
            case .optional: return nil
            }
        }
    }

    private mutating func compileSection(_ name: TemplateName, inverted: Bool, body: [TemplateNode],
                                         at position: TemplatePosition, into builder: inout OpBuilder) {
        // An unknown name is reported once; its body is not checked against a scope that cannot be known.
        guard let (path, type) = resolve(name, at: position) else { return }
        guard let kind = Self.sectionKind(for: type) else {
            report("'\(name)' is \(Self.phrase(type)), not a list or a condition", at: position)
            // Checked as if the value were the scope, so problems inside are reported too.
            _ = compileBody(body, opening: .value(type))
            return
        }
        if inverted {
            if case .scope(.object) = kind, case .object = type {
                report("'\(name)' is \(Self.phrase(type)) and always present, so '{{^\(name)}}' would never render", at: position)
            }
            builder.append(.condition(path, whenTruthy: false, body: compileBody(body, opening: nil)))
            return
        }
        switch kind {
        case .condition:
            builder.append(.condition(path, whenTruthy: true, body: compileBody(body, opening: nil)))
        case .scope(let scope):
            builder.append(.scope(path, body: compileBody(body, opening: scope)))
        case .loop(let scope):
            builder.append(.loop(path, body: compileBody(body, opening: scope)))
        }
    }

    private static func isWritable(_ type: TemplateType) -> Bool {
        switch type {
        case .bool, .int, .text: true
        case .optional(let wrapped): isWritable(wrapped)
        case .list, .object: false
        }
    }

    // MARK: Names

    /// The path and type of `name` in the current scopes, or nil after reporting why it has none.
    /// A value reached through an optional is optional: absent along the way means absent at the end.
    private mutating func resolve(_ name: TemplateName, at position: TemplatePosition) -> (ValuePath, TemplateType)? {
        guard let first = name.segments.first else {
            return (ValuePath(depth: scopes.count - 1, fields: []), scopes[scopes.count - 1].type)
        }
        var binding: (depth: Int, field: Int, type: TemplateType)?
        for depth in scopes.indices.reversed() {
            if case .object(let objectType) = scopes[depth], let field = objectType.index(of: first) {
                binding = (depth, field, objectType.fields[field].type)
                break
            }
        }
        guard let binding else {
            reportUnknown(first, at: position)
            return nil
        }
        var fields = [binding.field]
        var type = binding.type
        var isOptional = false
        for (offset, segment) in name.segments.enumerated().dropFirst() {
            var unwrapped = type
            while case .optional(let wrapped) = unwrapped {
                unwrapped = wrapped
                isOptional = true
            }
            guard case .object(let objectType) = unwrapped else {
                let prefix = name.segments[..<offset].joined(separator: ".")
                report("'\(prefix)' is \(Self.phrase(type)) and has no field '\(segment)'", at: position)
                return nil
            }
            guard let field = objectType.index(of: segment) else {
                report("\(objectType.withArticle) has no field '\(segment)'", at: position,
                       suggestion: NameSuggestion.didYouMean(segment, among: objectType.fields.map(\.name)))
                return nil
            }
            fields.append(field)
            type = objectType.fields[field].type
        }
        if isOptional, !Self.isOptional(type) { type = .optional(type) }
        return (ValuePath(depth: binding.depth, fields: fields), type)
    }

    /// How messages name `type`: `TemplateType.description`, with optionals read as "an optional date".
    private static func phrase(_ type: TemplateType) -> String {
        guard case .optional(let wrapped) = type else { return type.description }
        let inner = phrase(wrapped)
        for article in ["a ", "an "] where inner.hasPrefix(article) {
            return "an optional " + inner.dropFirst(article.count)
        }
        return "optional " + inner
    }

    private static func isOptional(_ type: TemplateType) -> Bool {
        if case .optional = type { true } else { false }
    }

    private mutating func reportUnknown(_ name: String, at position: TemplatePosition) {
        var visible: [String] = []
        var innermostObject: TemplateObjectType?
        for scope in scopes.reversed() {
            guard case .object(let objectType) = scope else { continue }
            if innermostObject == nil { innermostObject = objectType }
            visible.append(contentsOf: objectType.fields.map(\.name))
        }
        let owner = innermostObject?.withArticle ?? scopes[scopes.count - 1].type.description
        report("\(owner) has no field '\(name)'", at: position,
               suggestion: NameSuggestion.didYouMean(name, among: visible))
    }

    // MARK: Partials, parents and blocks

    private mutating func canExpand(at position: TemplatePosition) -> Bool {
        guard expansions < DynamicRenderer.maximumExpansions else {
            report("partials, parents and blocks are nested more than \(DynamicRenderer.maximumExpansions) deep",
                   at: position)
            return false
        }
        guard expansionsLeft > 0 else {
            report("partials, parents and blocks are included more than \(Self.expansionBudget) times in all",
                   at: position)
            return false
        }
        expansionsLeft -= 1
        return true
    }

    /// Compiles `nodes` of `file` in place, with the current scopes.
    private mutating func inline(_ nodes: [TemplateNode], of file: String, into builder: inout OpBuilder) {
        let outerFile = self.file
        self.file = file
        expansions += 1
        compile(nodes, into: &builder)
        expansions -= 1
        self.file = outerFile
    }

    private mutating func compilePartial(_ name: String, indentation: String?, at position: TemplatePosition,
                                         into builder: inout OpBuilder) {
        guard let template = templates[name] else {
            report("the partial '\(name)' does not exist", at: position,
                   suggestion: NameSuggestion.didYouMean(name, among: templates.keys.sorted()))
            return
        }
        // Inlining cannot end once a partial is inside itself, whatever the scopes are then.
        guard !partialChain.contains(name) else {
            report("the partial '\(name)' includes itself; checked templates cannot recurse", at: position)
            return
        }
        guard canExpand(at: position) else { return }
        problemSet.formUnion(template.problems)
        partialChain.append(name)
        inline(DynamicRenderer.indented(template.nodes, by: indentation), of: template.file, into: &builder)
        partialChain.removeLast()
    }

    private mutating func compileParent(_ name: String, indentation: String?, blocks: [TemplateBlock],
                                        at position: TemplatePosition, into builder: inout OpBuilder) {
        guard let template = templates[name] else {
            report("the parent template '\(name)' does not exist", at: position,
                   suggestion: NameSuggestion.didYouMean(name, among: templates.keys.sorted()))
            return
        }
        let outerOverrides = overrides
        for block in blocks where overrides[block.name] == nil {
            overrides[block.name] = block
        }
        // A parent may include itself with other blocks (the specification's recursion test); the same parent
        // with the same blocks again would never end.
        let key = ([name] + overrides.sorted { $0.key < $1.key }.map { name, block in
            "\(name)@\(block.file):\(block.position.line):\(block.position.column)"
        }).joined(separator: "|")
        defer { overrides = outerOverrides }
        guard !parentChain.contains(key) else {
            report("the parent '\(name)' includes itself; checked templates cannot recurse", at: position)
            return
        }
        guard canExpand(at: position) else { return }
        problemSet.formUnion(template.problems)
        let outerSlots = slotsSeen
        slotsSeen = []
        parentChain.append(key)
        inline(DynamicRenderer.indented(template.nodes, by: indentation), of: template.file, into: &builder)
        parentChain.removeLast()
        let slots = slotsSeen
        slotsSeen = outerSlots.union(slots)
        for block in blocks where !slots.contains(block.name) {
            let outerFile = file
            file = block.file
            report("the parent '\(name)' has no block '\(block.name)'", at: block.position,
                   suggestion: NameSuggestion.didYouMean(block.name, among: slots.sorted()))
            file = outerFile
        }
    }

    private mutating func compileSlot(_ slot: TemplateBlock, into builder: inout OpBuilder) {
        slotsSeen.insert(slot.name)
        guard let filling = overrides[slot.name] else {
            let outerFile = file
            file = slot.file
            compile(slot.body, into: &builder)
            file = outerFile
            return
        }
        guard canExpand(at: slot.position) else { return }
        inline(DynamicRenderer.filling(slot, with: filling), of: filling.file, into: &builder)
    }
}
