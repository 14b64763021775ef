import Foundation
import Mustache
import PropertyBased
import Testing
@testable import TemplateEngine

/// Property-based differential tests of the engine, over random templates and values:
///
/// 1. the dynamic mode renders byte for byte what swift-mustache (the engine it replaced) renders;
/// 2. a template that compiles renders in the compiled mode exactly as in the dynamic mode;
/// 3. nothing traps: random byte and tag soup is parsed, compiled against random types and rendered in both modes,
///    and compiled templates are rendered with values of other shapes.
///
/// Every run draws new cases. A failure names its (shrunk) case and the seed that makes it again: add
/// `.fixedSeed("…")` to the `@Test` to reproduce it (and remove it afterwards: the trait always reports an issue).
struct PropertyDifferentialTests {
    /// `PROPERTY_CASES_SCALE=20 swift test --filter PropertyDifferential` runs 20 times as many cases.
    static let scale = ProcessInfo.processInfo.environment["PROPERTY_CASES_SCALE"].flatMap(Int.init) ?? 1

    // MARK: 1. Dynamic mode vs swift-mustache

    @Test func dynamicModeRendersAsSwiftMustache() async throws {
        await propertyCheck(count: 400 * Self.scale, input: Self.differentialCases(.swiftMustache)) { test in
            let library = test.library
            #expect(library.problems.isEmpty)
            let ours = library.renderDynamic(DiffCase.mainName, test.data.dynamicValue)
            var theirLibrary = MustacheLibrary()
            do {
                for (name, text) in test.sources { theirLibrary.register(try MustacheTemplate(string: text), named: name) }
            } catch {
                Issue.record("swift-mustache cannot parse it: \(error)")
                return
            }
            let theirs = theirLibrary.render(Self.mustacheValue(test.data), withTemplate: DiffCase.mainName)
            #expect(ours == theirs)
        }
    }

    // MARK: 2. Compiled mode vs dynamic mode

    @Test func compiledModeRendersAsDynamicMode() async {
        var compiled = 0
        var tried = 0
        await propertyCheck(count: 400 * Self.scale, input: Self.differentialCases(.engineOnly)) { test in
            tried += 1
            let type = CaseMaker.inferredType(test.data)
            let value = test.data.value(as: type)
            let library = test.library
            guard let template = library.compile(DiffCase.mainName, for: type).template else { return }
            compiled += 1
            #expect(template.render(value) == library.renderDynamic(DiffCase.mainName, value))
        }
        // Some random templates use names as the value's type does not allow; enough must compile for the property
        // to say something (about half do).
        #expect(compiled >= tried / 5, "only \(compiled) of \(tried) templates compiled")
    }

    // MARK: 3. Nothing traps

    @Test func soupNeverTraps() async {
        await propertyCheck(count: 300 * Self.scale, input: Self.soupCases) { soup in
            let library = soup.library
            _ = library.problems
            for name in [SoupCase.mainName] + SoupCase.partialNames {
                _ = library.renderDynamic(name, soup.value)
                let (template, problems) = library.compile(name, for: soup.type)
                #expect(template != nil || !problems.isEmpty)
                _ = template?.render(soup.value)
            }
        }
    }

    /// A compiled template reads fields by position; values of another shape must render as absent, never trap.
    @Test func compiledTemplatesNeverTrapOnValuesOfOtherShapes() async {
        await propertyCheck(count: 300 * Self.scale, input: Self.differentialCases(.engineOnly), Self.values) { test, other in
            let type = CaseMaker.inferredType(test.data)
            guard let template = test.library.compile(DiffCase.mainName, for: type).template else { return }
            _ = template.render(other.dynamicValue)
            _ = template.render(other.value(as: type))
            _ = template.render(.list([other.dynamicValue]))
            _ = template.render(.absent)
        }
    }

    // MARK: What the properties found

    /// A section over `true` opens no scope in either mode (the dynamic mode used to make `true` the current value,
    /// so `{{.}}` in it wrote "true" there and the tag in the compiled mode); swift-mustache agrees.
    @Test func conditionOpensNoScope() throws {
        let template = "{{#tags}}{{#flag}}{{.}}{{/flag}}{{^flag}}-{{/flag}}{{/tags}}"
        let data = SpecJSON.object([(key: "flag", value: .bool(true)), (key: "tags", value: .array([.int(1), .string("x")]))])
        let type = CaseMaker.inferredType(data)
        let library = TemplateLibrary(["page": TemplateSource(text: template, file: "page")])
        #expect(library.renderDynamic("page", data.dynamicValue) == "1x")
        #expect(library.compile("page", for: type).template?.render(data.value(as: type)) == "1x")
        #expect(try MustacheTemplate(string: template).render(Self.mustacheValue(data)) == "1x")
    }

    // MARK: Generators

    /// Cases for swift-mustache, or (`engineOnly`) cases that also use what only this engine supports the same way.
    static func differentialCases(_ mode: CaseMaker.Mode) -> Generator<DiffCase, [DiffCase]> {
        Generator(run: { rng in
            var maker = CaseMaker(mode: mode, dice: Dice(&rng))
            return maker.makeCase()
        }, shrink: { $0.shrunk(mode) })
    }

    static let values = Generator<SpecJSON, Shrink.None<SpecJSON>>(run: { rng in
        var maker = CaseMaker(mode: .engineOnly, dice: Dice(&rng))
        return maker.dice.chance(0.8) ? maker.object(depth: 0) : maker.value(for: maker.dice.pick(CaseMaker.fieldNames), depth: 0)
    })

    static let soupCases = Generator<SoupCase, Shrink.None<SoupCase>>(run: { rng in
        var dice = Dice(&rng)
        return SoupCase.make(&dice)
    })

    /// `json` as swift-mustache reads it: objects become dictionaries, null `NSNull` (which, like `.absent`, stops
    /// the lookup of a name and renders as nothing).
    static func mustacheValue(_ json: SpecJSON) -> Any {
        switch json {
        case .null: NSNull()
        case .bool(let value): value
        case .int(let value): value
        case .decimal(let text), .string(let text): text
        case .array(let elements): elements.map(mustacheValue)
        case .object(let members):
            Dictionary(members.map { ($0.key, mustacheValue($0.value)) }, uniquingKeysWith: { first, _ in first })
        }
    }
}

// MARK: - Random numbers

/// The package's random number generator, re-seeded from it into a concrete one that is cheap to pass around.
struct Dice {
    var rng: Xoshiro

    init(_ source: inout any SeededRandomNumberGenerator) {
        rng = Xoshiro(seed: (source.next(), source.next(), source.next(), source.next() | 1))
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < probability }
    mutating func pick<T>(_ options: [T]) -> T { options[int(0...options.count - 1)] }

    /// One of `options`, each as likely as its weight.
    mutating func weighted<T>(_ options: [(Double, T)]) -> T {
        var roll = Double.random(in: 0..<options.reduce(0) { $0 + $1.0 }, using: &rng)
        for (weight, option) in options {
            if roll < weight { return option }
            roll -= weight
        }
        return options[options.count - 1].1
    }
}

// MARK: - Structured cases

/// A template as the generator builds it, written out by `TemplateWriter`.
indirect enum GenNode: Sendable, Equatable {
    enum Style: Sendable, Equatable { case escaped, triple, ampersand }

    case text(String)
    case variable(String, Style, spaced: Bool)
    case section(String, inverted: Bool, spaced: Bool, body: [GenNode])
    case comment(String)
    case partial(String, spaced: Bool)
    /// `{{=open close=}}`: the tags after it (in the text) use these delimiters.
    case setDelimiters(String, String)
    /// `{{$name}}…{{/name}}`, in a parent template or as what fills a parent's block.
    case block(String, body: [GenNode])
    /// `{{<name}}…{{/name}}` with the blocks that fill it.
    case parent(String, blocks: [GenNode])
}

/// Writes nodes as Mustache text, following the delimiter changes in text order.
struct TemplateWriter {
    private var open = "{{"
    private var close = "}}"
    private var output = ""

    static func write(_ nodes: [GenNode]) -> String {
        var writer = TemplateWriter()
        writer.write(nodes)
        return writer.output
    }

    /// Whether the text of `nodes` ends with part of the opening delimiter in force there (`<` under `<% %>`).
    static func endsWithPartOfDelimiter(_ nodes: [GenNode]) -> Bool {
        var writer = TemplateWriter()
        writer.write(nodes)
        return (1..<writer.open.count).contains { writer.output.hasSuffix(writer.open.prefix($0)) }
    }

    private mutating func tag(_ sigil: String, _ name: String, spaced: Bool) {
        let space = spaced ? " " : ""
        output += open + sigil + space + name + space + close
    }

    private mutating func write(_ nodes: [GenNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let name, let style, let spaced):
                switch style {
                case .escaped: tag("", name, spaced: spaced)
                case .ampersand: tag("&", name, spaced: spaced)
                case .triple:
                    let space = spaced ? " " : ""
                    output += open + "{" + space + name + space + "}" + close
                }
            case .section(let name, let inverted, let spaced, let body):
                tag(inverted ? "^" : "#", name, spaced: spaced)
                write(body)
                tag("/", name, spaced: spaced)
            case .comment(let text):
                output += open + "!" + text + close
            case .partial(let name, let spaced):
                tag(">", name, spaced: spaced)
            case .setDelimiters(let newOpen, let newClose):
                output += open + "=" + newOpen + " " + newClose + "=" + close
                open = newOpen
                close = newClose
            case .block(let name, let body):
                tag("$", name, spaced: false)
                write(body)
                tag("/", name, spaced: false)
            case .parent(let name, let blocks):
                tag("<", name, spaced: false)
                write(blocks)
                tag("/", name, spaced: false)
            }
        }
    }
}

/// A template, its partials and the value to render.
struct DiffCase: Sendable, CustomTestStringConvertible {
    static let mainName = "page"

    var template: [GenNode]
    /// Partial `p<i>` includes only partials after it, so nothing recurses.
    var partials: [(name: String, nodes: [GenNode])]
    var data: SpecJSON

    var sources: [(name: String, text: String)] {
        [(Self.mainName, TemplateWriter.write(template))] + partials.map { ($0.name, TemplateWriter.write($0.nodes)) }
    }

    var library: TemplateLibrary {
        var sources: [String: TemplateSource] = [:]
        for (name, text) in self.sources { sources[name] = TemplateSource(text: text, file: name) }
        return TemplateLibrary(sources)
    }

    var testDescription: String {
        let templates = sources.map { "\($0.name): \(String(reflecting: $0.text))" }.joined(separator: "\n")
        return "\n" + templates + "\ndata: " + Self.json(data)
    }

    static func json(_ value: SpecJSON) -> String {
        switch value {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .decimal(let text): text
        case .string(let text): String(reflecting: text)
        case .array(let elements): "[" + elements.map(json).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.map { "\($0.key): \(json($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    // MARK: Shrinking

    /// Smaller cases: one node, partial, field or element fewer, or a section replaced by its body. Only cases that
    /// still keep the generator's rules, so a shrunk failure is not one of the divergences the rules avoid.
    func shrunk(_ mode: CaseMaker.Mode) -> [DiffCase] {
        var candidates: [DiffCase] = []
        for smaller in Self.shrinks(of: template) {
            var copy = self
            copy.template = smaller
            candidates.append(copy)
        }
        for index in partials.indices {
            var copy = self
            copy.partials.remove(at: index)
            candidates.append(copy)
            for smaller in Self.shrinks(of: partials[index].nodes) {
                var copy = self
                copy.partials[index].nodes = smaller
                candidates.append(copy)
            }
        }
        for smaller in Self.shrinks(of: data) {
            var copy = self
            copy.data = smaller
            candidates.append(copy)
        }
        return candidates.filter { CaseMaker.isValid($0, mode) }
    }

    private static func shrinks(of nodes: [GenNode]) -> [[GenNode]] {
        var result: [[GenNode]] = []
        for (index, node) in nodes.enumerated() {
            var removed = nodes
            removed.remove(at: index)
            result.append(removed)
            let inner: [GenNode]
            switch node {
            case .section(_, _, _, let body), .block(_, let body), .parent(_, let body):
                inner = body
            default:
                continue
            }
            var spliced = nodes
            spliced.replaceSubrange(index...index, with: inner)
            result.append(spliced)
            for smaller in shrinks(of: inner) {
                var copy = nodes
                switch node {
                case .section(let name, let inverted, let spaced, _):
                    copy[index] = .section(name, inverted: inverted, spaced: spaced, body: smaller)
                case .block(let name, _): copy[index] = .block(name, body: smaller)
                case .parent(let name, _): copy[index] = .parent(name, blocks: smaller)
                default: break
                }
                result.append(copy)
            }
        }
        return result
    }

    private static func shrinks(of value: SpecJSON) -> [SpecJSON] {
        switch value {
        case .array(let elements):
            var result: [SpecJSON] = []
            for index in elements.indices {
                var copy = elements
                copy.remove(at: index)
                result.append(.array(copy))
                for smaller in shrinks(of: elements[index]) {
                    var copy = elements
                    copy[index] = smaller
                    result.append(.array(copy))
                }
            }
            return result
        case .object(let members):
            var result: [SpecJSON] = []
            for index in members.indices {
                var copy = members
                copy.remove(at: index)
                result.append(.object(copy))
                for smaller in shrinks(of: members[index].value) {
                    var copy = members
                    copy[index].value = smaller
                    result.append(.object(copy))
                }
            }
            return result
        case .string(let text) where !text.isEmpty:
            return [.string("")]
        default:
            return []
        }
    }
}

/// Makes random templates and values over a small vocabulary of field names, each always holding the same kind of
/// value, so a template can know what a name may be without knowing the value.
///
/// In `swiftMustache` mode it keeps away from where this engine and swift-mustache legitimately differ:
///
/// - Standalone lines: a line holding only whitespace and section, comment, partial or delimiter tags is removed
///   with its tags, and the two engines differ on what counts (several tags on a line; the indentation of a
///   standalone partial, which this engine adds to every line of the partial and swift-mustache adds to rendered
///   text after each newline, values included). Every line break is generated with non-whitespace text on both of
///   its sides, and a template without any gets some, so no line is ever standalone.
/// - A line that starts with whitespace and ends the template with nothing else on it (a template of just `" "`):
///   swift-mustache drops the whitespace. Ruled out with standalone lines.
/// - Interpolating a list or an object: this engine writes nothing, swift-mustache writes its description. Only
///   names that hold scalars (`a`, `b`, `flag`) or that are missing are interpolated, and `{{.}}` only where the
///   current value is a scalar.
/// - An inverted section over an empty list: swift-mustache makes the list the current value inside it, the
///   specification (and this engine) do not change the context. `.` is not used directly inside `{{^items}}` or
///   `{{^tags}}`.
/// - Delimiters set inside a section: the specification (and this engine) keep them after the section closes,
///   swift-mustache goes back to the ones the section opened with. Delimiters are only set outside sections.
/// - Delimiters of other lengths than two: swift-mustache finds the text of a section (for lambdas) by stepping back
///   two characters from its closing tag, and traps when a section with an empty body is closed by `|/name|`.
///   Only two-character delimiters are set.
/// - Text that ends the template with the start of the opening delimiter (`x<` under `<% %>`): swift-mustache
///   tries to read the whole delimiter there and fails to parse. Such a template gets one more character.
/// - Triple mustaches under other delimiters: this engine reads `<%{name}%>`, swift-mustache `<%{name%>}`. Only
///   `{{&name}}` is used once the delimiters are not `{{ }}`.
/// - Whitespace between the opening delimiter and the sigil (`{{ #name}}`): this engine allows it, swift-mustache
///   reads a variable and fails. Whitespace is only generated after the sigil.
/// - Partials that include themselves: swift-mustache recurses until the stack overflows; this engine stops. Each
///   partial includes only partials after it.
/// - Combining marks: swift-mustache parses and escapes by `Character`, so a combining mark after `}}` or after
///   `<` glues to it (no tag end, no escaping); this engine works on bytes. Text and values use no combining marks.
/// - Names that start with `.` (`.a`, swift-mustache's lookup in the current value only) or contain `(`, `)`, `*`
///   (swift-mustache's transforms and dynamic names) are not generated. Nor are blocks and parents (`{{$b}}`,
///   `{{<p}}`), left to the compiled-vs-dynamic property: swift-mustache rejects anything but blocks and text inside
///   a parent tag, which the specification (and this engine) ignore.
struct CaseMaker {
    enum Mode: Sendable {
        /// Only what swift-mustache renders as this engine does.
        case swiftMustache
        /// Anything this engine parses: standalone lines, delimiters anywhere, parents and blocks.
        case engineOnly
    }

    /// What `.` is at some point of a template, as far as swift-mustache can agree on it.
    enum Dot {
        case object
        case scalar
        /// Unknown, or known to differ between the engines: not used.
        case unusable
    }

    /// Every object's fields. `a`: text or number; `b`: text, number or condition; `flag`: condition; `obj`: an
    /// object; `items`: a list of objects; `tags`: a list of texts and numbers. Any may be null or missing.
    static let fieldNames = ["a", "b", "flag", "obj", "items", "tags"]
    static let scalarNames = ["a", "b", "flag"]
    static let missingName = "zz"
    static let dottedNames = ["obj.a", "obj.b", "obj.flag", "obj.obj", "obj.items", "obj.tags", "obj.obj.a", "obj.zz",
                              "items.a", "tags.a", "a.b", "zz.a", "obj.obj.obj.b"]
    static let partialNames = ["p0", "p1", "p2"]
    static let blockNames = ["b1", "b2"]
    static let delimiterPairs = [("{{", "}}"), ("<%", "%>"), ("[[", "]]"), ("|", "|")]

    /// Text characters: none of the delimiters' (`{`, `}`, `%`, `[`, `]`, `|`), so text never forms a tag.
    static let textCharacters = ["x", "y", "z", " ", " ", "\t", "<", ">", "&", "\"", "'", "é", "😀", ".", "#", "/", "^",
                                 "!", "=", "-"]
    /// In `engineOnly` mode text may also hold the delimiters' characters, and so form other tags than meant.
    static let delimiterCharacters = ["{", "}", "%", "[", "]", "|"]
    static let valueCharacters = ["x", "y", " ", "<", ">", "&", "\"", "'", "\n", "\t", "é", "😀", "{{a}}", "\r\n", "}}"]

    let mode: Mode
    var dice: Dice
    var maximumListLength = 3
    /// Nodes left to make in the current template.
    private var budget = 0

    init(mode: Mode, dice: Dice) {
        self.mode = mode
        self.dice = dice
    }

    /// A case; in `engineOnly` mode its templates mostly use names as the value's inferred type allows, so that
    /// many compile (partials as if included at the top).
    mutating func makeCase() -> DiffCase {
        let data = object(depth: 0)
        let scopes = [Self.inferredType(data)]
        let partialCount = dice.int(0...Self.partialNames.count)
        var partials: [(name: String, nodes: [GenNode])] = []
        for index in 0..<partialCount {
            let includable = Array(Self.partialNames[(index + 1)..<partialCount])
            partials.append((Self.partialNames[index],
                             template(dot: .unusable, scopes: scopes, includable: includable, size: 8)))
        }
        let main = template(dot: .object, scopes: scopes, includable: Array(Self.partialNames[0..<partialCount]), size: 16)
        return DiffCase(template: main, partials: partials, data: data)
    }

    // MARK: Templates

    private struct Context {
        var dot: Dot
        /// In `engineOnly` mode: the types of the scopes, outermost first, for choosing names the checker accepts.
        var scopes: [TemplateType]
        var depth: Int
        var delimitersAreDefault: Bool
        let includable: [String]
    }

    private mutating func template(dot: Dot, scopes: [TemplateType], includable: [String], size: Int) -> [GenNode] {
        budget = dice.int(1...size)
        var context = Context(dot: dot, scopes: scopes, depth: 0, delimitersAreDefault: true, includable: includable)
        var nodes: [GenNode] = []
        while budget > 0 {
            nodes += node(&context)
        }
        if mode == .swiftMustache, !Self.linesHaveText(nodes) || TemplateWriter.endsWithPartOfDelimiter(nodes) {
            nodes.append(.text("x"))
        }
        return nodes
    }

    private mutating func nodes(_ context: Context) -> [GenNode] {
        var context = context
        var nodes: [GenNode] = []
        for _ in 0..<dice.int(0...4) where budget > 0 {
            nodes += node(&context)
        }
        return nodes
    }

    private enum Kind { case text, newline, variable, section, comment, partial, delimiters, block, parent }

    /// A node; in `engineOnly` mode, tags other than variables are sometimes alone on their lines (sections on two
    /// lines), indented, so that the lines are standalone.
    private mutating func node(_ context: inout Context) -> [GenNode] {
        let standalone = mode == .engineOnly && dice.chance(0.3)
        let node = oneNode(&context, standalone: standalone)
        switch node {
        case .text, .variable: return [node]
        default: return standalone ? [.text("\n" + indentation()), node, .text("\n")] : [node]
        }
    }

    private mutating func indentation() -> String { dice.pick(["", "  ", "\t"]) }

    private mutating func oneNode(_ context: inout Context, standalone: Bool) -> GenNode {
        budget -= 1
        let engineOnly = mode == .engineOnly
        var kinds: [(Double, Kind)] = [(3, .text), (1.2, .newline), (3, .variable), (0.6, .comment)]
        if context.depth < 4 { kinds.append((2.2, .section)) }
        if !context.includable.isEmpty || dice.chance(0.1) { kinds.append((0.8, .partial)) }
        if context.depth == 0 || engineOnly { kinds.append((0.4, .delimiters)) }
        if engineOnly, context.depth < 4 {
            kinds.append((0.5, .block))
            if !context.includable.isEmpty { kinds.append((0.4, .parent)) }
        }
        switch dice.weighted(kinds) {
        case .text:
            return .text(text(1...5))
        case .newline:
            return .text(lineBreak())
        case .variable:
            var style = dice.pick([GenNode.Style.escaped, .escaped, .triple, .ampersand])
            if style == .triple, !context.delimitersAreDefault, !engineOnly { style = .ampersand }
            return .variable(variableName(context), style, spaced: dice.chance(0.3))
        case .section:
            let inverted = dice.chance(0.35)
            let (name, scopes) = sectionName(context, inverted: inverted)
            var inner = context
            inner.depth += 1
            inner.scopes = scopes
            inner.dot = Self.dot(inside: name, inverted: inverted, outside: context.dot, engineOnly: engineOnly)
            var body = nodes(inner)
            if standalone { body = [.text("\n")] + body + [.text("\n" + indentation())] }
            if engineOnly { context.delimitersAreDefault = inner.delimitersAreDefault }
            return .section(name, inverted: inverted, spaced: dice.chance(0.3), body: body)
        case .comment:
            var text = text(0...4)
            if engineOnly, dice.chance(0.3) { text += "\n" + self.text(0...2) }
            return .comment(text)
        case .partial:
            let name = context.includable.isEmpty || dice.chance(0.1) ? "nope" : dice.pick(context.includable)
            return .partial(name, spaced: dice.chance(0.3))
        case .delimiters:
            let pairs = engineOnly ? Self.delimiterPairs : Self.delimiterPairs.filter { $0.0.count == 2 }
            let (open, close) = dice.pick(pairs)
            context.delimitersAreDefault = open == "{{"
            return .setDelimiters(open, close)
        case .block:
            var inner = context
            inner.depth += 1
            var body = nodes(inner)
            if standalone { body = [.text("\n")] + body + [.text("\n" + indentation())] }
            return .block(dice.pick(Self.blockNames), body: body)
        case .parent:
            var blocks: [GenNode] = []
            for _ in 0..<dice.int(0...2) {
                var inner = context
                inner.depth += 1
                blocks.append(.block(dice.pick(Self.blockNames), body: nodes(inner)))
                if dice.chance(0.3) { blocks.append(.text(lineBreak())) }
            }
            return .parent(dice.pick(context.includable), blocks: blocks)
        }
    }

    /// What `.` is inside a section over `name`.
    static func dot(inside name: String, inverted: Bool, outside: Dot, engineOnly: Bool) -> Dot {
        if engineOnly { return .object }
        let last = name.split(separator: ".").last.map(String.init) ?? "."
        if inverted {
            return last == "items" || last == "tags" ? .unusable : outside
        }
        switch last {
        case "obj", "items": return .object
        case "a", "tags": return .scalar
        // `.`; `b` and `flag` (a condition opens no scope, and text and numbers are scalars); missing names.
        default: return outside
        }
    }

    private mutating func variableName(_ context: Context) -> String {
        if mode == .engineOnly {
            let typed = Self.names(in: context.scopes).filter { Self.isWritable($0.type) }.map(\.name)
            if !typed.isEmpty, dice.chance(0.85) { return dice.pick(typed) }
            return dice.pick(Self.fieldNames + Self.scalarNames + [".", ".", Self.missingName] + Self.dottedNames)
        }
        var names = Self.scalarNames + Self.scalarNames + [Self.missingName]
            + Self.dottedNames.filter(Self.isInterpolable)
        if context.dot == .scalar { names += [".", "."] }
        return dice.pick(names)
    }

    /// Whether the value of `name` is always a scalar or missing.
    static func isInterpolable(_ name: String) -> Bool {
        if name == "." { return false }
        let segments = name.split(separator: ".").map(String.init)
        return scalarNames.contains(segments.last!) || segments.last == missingName
            || segments.dropLast().contains { $0 != "obj" }
    }

    /// A name for a section and the scopes inside it.
    private mutating func sectionName(_ context: Context, inverted: Bool) -> (String, [TemplateType]) {
        if mode == .engineOnly {
            let typed = Self.names(in: context.scopes).compactMap { name, type in
                Self.scopes(inside: type, inverted: inverted, outside: context.scopes).map { (name, $0) }
            }
            if !typed.isEmpty, dice.chance(0.85) { return dice.pick(typed) }
        }
        var names = Self.fieldNames + Self.fieldNames + [Self.missingName] + Self.dottedNames
        if context.dot != .unusable || mode == .engineOnly { names.append(".") }
        return (dice.pick(names), context.scopes)
    }

    // MARK: Types, for engineOnly mode

    /// The type `json` suggests, like `SpecJSON.inferredType`, except that null and the elements of empty lists are
    /// of no type yet and merge into any other (`SpecJSON` makes them text, so a list of objects that is sometimes
    /// empty would become a list of texts, and its objects values of another type). Field names always hold the same
    /// kind of value, so every value made here is of its inferred type, mixed scalars aside (which both modes write
    /// as what they are).
    static func inferredType(_ json: SpecJSON) -> TemplateType {
        shape(of: json).type
    }

    private indirect enum Shape {
        case unknown, bool, int, text
        case optional(Shape)
        case list(Shape)
        case object([(name: String, shape: Shape)])

        var type: TemplateType {
            switch self {
            case .unknown, .text: .text
            case .bool: .bool
            case .int: .int
            case .optional(let wrapped): .optional(wrapped.type)
            case .list(let element): .list(element.type)
            case .object(let fields):
                .object(TemplateObjectType(name: "object", fields: fields.map { .init(name: $0.name, type: $0.shape.type) }))
            }
        }

        func merged(with other: Shape) -> Shape {
            switch (self, other) {
            case (.unknown, let known), (let known, .unknown): return known
            case (.optional(let x), .optional(let y)): return .optional(x.merged(with: y))
            case (.optional(let x), let y), (let y, .optional(let x)): return .optional(x.merged(with: y))
            case (.list(let x), .list(let y)): return .list(x.merged(with: y))
            case (.object(let x), .object(let y)):
                let names = Set(x.map(\.name)).union(y.map(\.name)).sorted()
                return .object(names.map { name in
                    let left = x.first { $0.name == name }?.shape
                    let right = y.first { $0.name == name }?.shape
                    if let left, let right { return (name, left.merged(with: right)) }
                    return (name, .optional(left ?? right ?? .unknown))
                })
            case (.bool, .bool): return .bool
            case (.int, .int): return .int
            default: return .text
            }
        }
    }

    private static func shape(of json: SpecJSON) -> Shape {
        switch json {
        case .null: .optional(.unknown)
        case .bool: .bool
        case .int: .int
        case .decimal, .string: .text
        case .array(let elements): .list(elements.map(shape).reduce(Shape.unknown) { $0.merged(with: $1) })
        case .object(let members): .object(members.map { ($0.key, shape(of: $0.value)) })
        }
    }

    private static func unwrapped(_ type: TemplateType) -> TemplateType {
        if case .optional(let wrapped) = type { unwrapped(wrapped) } else { type }
    }

    private static func isWritable(_ type: TemplateType) -> Bool {
        switch unwrapped(type) {
        case .bool, .int, .text: true
        default: false
        }
    }

    /// The names the checker resolves in `scopes` (fields, fields of object fields, `.`) and their types.
    private static func names(in scopes: [TemplateType]) -> [(name: String, type: TemplateType)] {
        var result: [(name: String, type: TemplateType)] = []
        if let innermost = scopes.last { result.append((".", innermost)) }
        var seen: Set<String> = []
        for scope in scopes.reversed() {
            guard case .object(let objectType) = unwrapped(scope) else { continue }
            for field in objectType.fields where seen.insert(field.name).inserted {
                result.append((field.name, field.type))
                guard case .object(let inner) = unwrapped(field.type) else { continue }
                let isOptional = if case .optional = field.type { true } else { false }
                for innerField in inner.fields {
                    let type = isOptional ? TemplateType.optional(innerField.type) : innerField.type
                    result.append((field.name + "." + innerField.name, type))
                }
            }
        }
        return result
    }

    /// The scopes inside a section over a value of `type`, or nil when the checker rejects the section.
    private static func scopes(inside type: TemplateType, inverted: Bool, outside: [TemplateType]) -> [TemplateType]? {
        let isOptional = if case .optional = type { true } else { false }
        switch unwrapped(type) {
        case .bool: return outside
        case .list(let element): return inverted ? outside : outside + [element]
        case .object: return inverted ? (isOptional ? outside : nil) : outside + [unwrapped(type)]
        case .int, .text: return isOptional ? (inverted ? outside : outside + [unwrapped(type)]) : nil
        case .optional: return nil
        }
    }

    private mutating func text(_ length: ClosedRange<Int>) -> String {
        var text = ""
        for _ in 0..<dice.int(length) {
            text += mode == .engineOnly && dice.chance(0.05) ? dice.pick(Self.delimiterCharacters) : dice.pick(Self.textCharacters)
        }
        return text
    }

    private mutating func nonBlank() -> String {
        var character = " "
        while character.allSatisfy(\.isWhitespace) { character = dice.pick(Self.textCharacters) }
        return character
    }

    /// A line break with non-whitespace text on both sides (swift-mustache mode), or any line break.
    private mutating func lineBreak() -> String {
        let newline = dice.chance(0.8) ? "\n" : "\r\n"
        if mode == .engineOnly, dice.chance(0.5) {
            return dice.pick(["", "  ", "\t"]) + newline + dice.pick(["", "  ", " \t"])
        }
        return nonBlank() + dice.pick(["", " "]) + newline + dice.pick(["", "  "]) + nonBlank()
    }

    // MARK: Values

    mutating func object(depth: Int) -> SpecJSON {
        var members: [(key: String, value: SpecJSON)] = []
        for name in Self.fieldNames {
            switch dice.int(0...19) {
            case 0...2: members.append((name, .null))
            case 3...5: break
            default: members.append((name, value(for: name, depth: depth)))
            }
        }
        return .object(members.sorted { $0.key < $1.key })
    }

    mutating func value(for name: String, depth: Int) -> SpecJSON {
        switch name {
        case "a": return dice.chance(0.5) ? textValue() : .int(intValue())
        case "b": return dice.pick([textValue(), .int(intValue()), .bool(dice.chance(0.5))])
        case "flag": return .bool(dice.chance(0.5))
        case "obj": return depth < 3 ? object(depth: depth + 1) : .null
        case "items":
            guard depth < 3 else { return .array([]) }
            return .array((0..<dice.int(0...maximumListLength)).map { _ in object(depth: depth + 1) })
        default:
            return .array((0..<dice.int(0...maximumListLength)).map { _ in dice.chance(0.5) ? textValue() : .int(intValue()) })
        }
    }

    private mutating func textValue() -> SpecJSON {
        .string((0..<dice.int(0...4)).map { _ in dice.pick(Self.valueCharacters) }.joined())
    }

    private mutating func intValue() -> Int {
        dice.chance(0.8) ? dice.int(-2...3) : dice.pick([Int.min, Int.max, 1_000_000, -42])
    }

    // MARK: Rules

    /// Whether `test` keeps the rules of `mode` (for shrunk cases; made cases keep them by construction).
    static func isValid(_ test: DiffCase, _ mode: Mode) -> Bool {
        guard mode == .swiftMustache else { return true }
        let templates = [(test.template, Dot.object)] + test.partials.map { ($0.nodes, Dot.unusable) }
        return templates.allSatisfy { nodes, dot in
            var delimitersAreDefault = true
            return rulesHold(nodes, dot: dot, depth: 0, delimitersAreDefault: &delimitersAreDefault)
                && linesHaveText(nodes) && !TemplateWriter.endsWithPartOfDelimiter(nodes)
        }
    }

    private static func rulesHold(_ nodes: [GenNode], dot: Dot, depth: Int, delimitersAreDefault: inout Bool) -> Bool {
        for node in nodes {
            switch node {
            case .text, .comment, .partial:
                continue
            case .variable(let name, let style, _):
                if style == .triple, !delimitersAreDefault { return false }
                if name == "." ? dot != .scalar : !isInterpolable(name) { return false }
            case .section(let name, let inverted, _, let body):
                if name == ".", dot == .unusable { return false }
                let inner = Self.dot(inside: name, inverted: inverted, outside: dot, engineOnly: false)
                if !rulesHold(body, dot: inner, depth: depth + 1, delimitersAreDefault: &delimitersAreDefault) { return false }
            case .setDelimiters(let open, let close):
                if depth > 0 || open.count != 2 || close.count != 2 { return false }
                delimitersAreDefault = open == "{{"
            case .block, .parent:
                return false
            }
        }
        return true
    }

    /// Whether every line of a template has non-whitespace text on it.
    private static func linesHaveText(_ nodes: [GenNode]) -> Bool {
        var lineHasText = false
        func scan(_ nodes: [GenNode]) -> Bool {
            for node in nodes {
                switch node {
                case .text(let text):
                    for character in text.unicodeScalars {
                        if character == "\n" {
                            if !lineHasText { return false }
                            lineHasText = false
                        } else if !CharacterSet.whitespaces.contains(character) && character != "\r" {
                            lineHasText = true
                        }
                    }
                case .section(_, _, _, let body), .block(_, let body), .parent(_, let body):
                    if !scan(body) { return false }
                default:
                    continue
                }
            }
            return true
        }
        return scan(nodes) && lineHasText
    }
}

// MARK: - Soup

/// Random text that is mostly Mustache syntax, partials included, a random type to compile against and a random
/// value (not necessarily of that type).
struct SoupCase: Sendable, CustomTestStringConvertible {
    static let mainName = "page"
    static let partialNames = ["p", "q"]

    var sources: [String: String]
    var type: TemplateType
    var value: TemplateValue

    var library: TemplateLibrary {
        TemplateLibrary(sources.mapValues { TemplateSource(text: $0, file: "soup") })
    }

    var testDescription: String {
        sources.sorted { $0.key < $1.key }.map { "\($0.key): \(String(reflecting: $0.value))" }.joined(separator: "\n")
            + "\ntype: \(type)"
    }

    private static let pieces = [
        "{{", "}}", "{{{", "}}}", "{", "}", "{{a}}", "{{{a}}}", "{{&a}}", "{{ b }}", "{{.}}", "{{a.b}}", "{{a..b}}",
        "{{#a}}", "{{/a}}", "{{^a}}", "{{#items}}", "{{/items}}", "{{#.}}", "{{/.}}", "{{^.}}", "{{# obj }}",
        "{{/obj}}", "{{/ }}", "{{#}}", "{{!c}}", "{{!", "{{>p}}", "{{>q}}", "{{> p }}", "{{>nope}}", "{{>*p}}",
        "{{<p}}", "{{<q}}", "{{/p}}", "{{/q}}", "{{$b1}}", "{{/b1}}", "{{$b2}}", "{{/b2}}", "{{=<% %>=}}",
        "{{=| |=}}", "{{= =}}", "{{=a=}}", "<%a%>", "<%#a%>", "<%/a%>", "<%={{ }}=%>", "|a|", "|={{ }}=|", "{{%x}}",
        "{{a b}}", "{{ #a}}", "\n", "\r\n", "\r", "  ", "\t", "x", "<&>", "é", "😀", "\u{301}", "\u{0}", "=", "#",
    ]

    static func make(_ dice: inout Dice) -> SoupCase {
        var sources: [String: String] = [:]
        for name in [mainName] + partialNames where name == mainName || dice.chance(0.6) {
            sources[name] = dice.chance(0.25) ? byteSoup(&dice) : tagSoup(&dice, includes: name == mainName ? 6 : 1)
        }
        // Lists of at most one element: a section over a longer list inside a partial that includes itself would
        // multiply the work at each level.
        var maker = CaseMaker(mode: .engineOnly, dice: dice)
        maker.maximumListLength = 1
        let json = maker.dice.chance(0.8) ? maker.object(depth: 0)
            : maker.value(for: maker.dice.pick(CaseMaker.fieldNames), depth: 0)
        dice = maker.dice
        let type = randomType(&dice, depth: 0)
        let value = dice.chance(0.5) ? json.value(as: type) : json.dynamicValue
        return SoupCase(sources: sources, type: type, value: value)
    }

    /// At most `includes` partial and parent tags: partials may include each other, and one that includes itself
    /// twice would double its work at each level up to the engine's limits, a second of work per case.
    private static func tagSoup(_ dice: inout Dice, includes: Int) -> String {
        var includesLeft = includes
        var text = ""
        for _ in 0..<dice.int(0...24) {
            let piece = dice.pick(pieces)
            if piece.hasPrefix("{{>") || piece.hasPrefix("{{<") {
                guard includesLeft > 0 else { continue }
                includesLeft -= 1
            }
            text += piece
        }
        return text
    }

    private static func byteSoup(_ dice: inout Dice) -> String {
        let bytes = (0..<dice.int(0...40)).map { _ in
            dice.chance(0.5) ? UInt8(dice.int(0...255)) : dice.pick(Array("{}#^/!<>&=$%.ab \n".utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func randomType(_ dice: inout Dice, depth: Int) -> TemplateType {
        let scalars: [TemplateType] = [.bool, .int, .text]
        guard depth < 3 else { return dice.pick(scalars) }
        switch dice.int(0...5) {
        case 0...1: return dice.pick(scalars)
        case 2: return .optional(randomType(&dice, depth: depth + 1))
        case 3: return .list(randomType(&dice, depth: depth + 1))
        default:
            var fields: [TemplateObjectType.Field] = []
            for name in CaseMaker.fieldNames + ["b1", "p"] where dice.chance(0.5) {
                fields.append(.init(name: name, type: randomType(&dice, depth: depth + 1)))
            }
            return .object(TemplateObjectType(name: "soup", fields: fields))
        }
    }
}
