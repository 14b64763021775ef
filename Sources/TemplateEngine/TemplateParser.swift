/// Parses Mustache text into nodes in three passes: tokens (following delimiter changes), the standalone-line rules,
/// then the tree of sections. Works on UTF-8 bytes and never traps: whatever it cannot parse becomes a problem and
/// is left out.
struct TemplateParser {
    /// Deeper nesting is an error: rendering and compiling recurse once per level, and arbitrary input must not
    /// exhaust the stack.
    static let maximumNesting = 200

    static func parse(_ text: String, file: String) -> ParsedTemplate {
        var parser = TemplateParser(text: text, file: file)
        parser.tokenize()
        let tokens = parser.applyStandaloneRules()
        let nodes = parser.buildTree(tokens)
        return ParsedTemplate(file: file, nodes: nodes, problems: parser.problems)
    }

    // MARK: Tokens

    private enum TokenKind: Equatable {
        case text
        case lineStart
        case variable(escaped: Bool)
        case sectionOpen
        case invertedOpen
        case close
        case comment
        case partial
        case setDelimiters
        case parentOpen
        case blockOpen

        /// Tags that vanish with their line when nothing else is on it.
        var canStandAlone: Bool {
            switch self {
            case .sectionOpen, .invertedOpen, .close, .comment, .partial, .setDelimiters, .parentOpen, .blockOpen: true
            case .text, .lineStart, .variable: false
            }
        }
    }

    /// What a section-like tag opens (and so what a close tag closes).
    private enum OpenKind: Equatable {
        case section, inverted, parent, block
    }

    private struct Token {
        var kind: TokenKind
        /// The text of a text token; the name of a tag.
        var content: String
        var position: TemplatePosition
        /// Text tokens are split after each newline; this one ends its line.
        var endsLine = false
        /// For close tags: what they close, when an open tag matches.
        var closes: OpenKind?
        /// Set on partial, parent and block tags by the standalone rules: the whitespace their line started with.
        var indentation: String?
        var isStandalone = false
        /// For a block tag that shares its line with other content: the whitespace before it, when only
        /// whitespace precedes it.
        var inlineIndentation = ""
    }

    private let bytes: [UInt8]
    private let file: String
    private var tokens: [Token] = []
    private var problems: [TemplateProblem] = []

    private var line = 1
    private var lineStartOffset = 0
    // Columns count Characters from the line's start; the last answer is kept so many tags on one long line do not
    // recount it from the start each time.
    private var columnCacheLineStart = -1
    private var columnCacheOffset = 0
    private var columnCacheValue = 1

    private init(text: String, file: String) {
        bytes = Array(text.utf8)
        self.file = file
    }

    private mutating func report(_ message: String, at position: TemplatePosition) {
        problems.append(TemplateProblem(file: file, line: position.line, column: position.column, message: message))
    }

    private mutating func column(at offset: Int) -> Int {
        if columnCacheLineStart != lineStartOffset || offset < columnCacheOffset {
            columnCacheLineStart = lineStartOffset
            columnCacheOffset = lineStartOffset
            columnCacheValue = 1
        }
        columnCacheValue += String(decoding: bytes[columnCacheOffset..<offset], as: UTF8.self).count
        columnCacheOffset = offset
        return columnCacheValue
    }

    /// Moves the line count past the newlines in `range`.
    private mutating func advanceLines(over range: Range<Int>) {
        for index in range where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStartOffset = index + 1
        }
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= bytes.count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private func trimmed(_ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, Self.isBlank(bytes[lower]) { lower += 1 }
        while upper > lower, Self.isBlank(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// Adds the text in `range` as tokens, one per line.
    private mutating func addText(_ range: Range<Int>) {
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "\n") {
                // Text positions are never reported, so their columns are not counted.
                let position = TemplatePosition(line: line, column: 1)
                tokens.append(Token(kind: .text, content: String(decoding: bytes[start...index], as: UTF8.self),
                                    position: position, endsLine: true))
                line += 1
                lineStartOffset = index + 1
                start = index + 1
            }
            index += 1
        }
        if start < range.upperBound {
            let position = TemplatePosition(line: line, column: 1)
            tokens.append(Token(kind: .text, content: String(decoding: bytes[start..<range.upperBound], as: UTF8.self),
                                position: position))
        }
    }

    private mutating func tokenize() {
        var opening = Array("{{".utf8)
        var closing = Array("}}".utf8)
        var openTags: [(kind: OpenKind, name: String)] = []
        var index = 0
        while index < bytes.count {
            guard let tagStart = find(opening, from: index) else {
                addText(index..<bytes.count)
                break
            }
            addText(index..<tagStart)
            let position = TemplatePosition(line: line, column: column(at: tagStart))
            var cursor = tagStart + opening.count
            let isTriple = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "{")
            if !isTriple {
                while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") {
                    cursor += 1
                }
            }
            let sigil: UInt8 = cursor < bytes.count ? bytes[cursor] : 0
            let terminator: [UInt8]
            switch sigil {
            case UInt8(ascii: "{") where isTriple: terminator = Array("}".utf8) + closing
            case UInt8(ascii: "="): terminator = Array("=".utf8) + closing
            default: terminator = closing
            }
            let hasSigil = sigil == UInt8(ascii: "{") ? isTriple : Self.sigils.contains(sigil)
            let contentStart = hasSigil ? cursor + 1 : cursor
            guard let contentEnd = find(terminator, from: contentStart) else {
                let shown = String(decoding: terminator, as: UTF8.self)
                report("the tag is not closed: '\(shown)' is missing", at: position)
                advanceLines(over: tagStart..<bytes.count)
                break
            }
            let tagEnd = contentEnd + terminator.count
            let content = contentStart..<contentEnd
            index = tagEnd
            defer { advanceLines(over: tagStart..<tagEnd) }

            func token(_ kind: TokenKind, _ name: String) -> Token {
                Token(kind: kind, content: name, position: position)
            }
            switch sigil {
            case UInt8(ascii: "!"):
                tokens.append(token(.comment, ""))
            case UInt8(ascii: "="):
                let parts = trimmed(content).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                if parts.count == 2, !parts.contains(where: { $0.contains("=") }) {
                    opening = Array(parts[0].utf8)
                    closing = Array(parts[1].utf8)
                    tokens.append(token(.setDelimiters, ""))
                } else {
                    report("a delimiter change needs two delimiters without '=' between '=' and '=', like {{=<% %>=}}",
                           at: position)
                }
            case UInt8(ascii: "%"):
                report("pragmas are not supported", at: position)
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                let name = trimmed(content)
                let kind: OpenKind = switch sigil {
                case UInt8(ascii: "#"): .section
                case UInt8(ascii: "^"): .inverted
                case UInt8(ascii: "<"): .parent
                default: .block
                }
                guard let valid = validName(name, for: kind == .section || kind == .inverted ? .value : .template,
                                            at: position) else { continue }
                openTags.append((kind, valid))
                let tokenKind: TokenKind = switch kind {
                case .section: .sectionOpen
                case .inverted: .invertedOpen
                case .parent: .parentOpen
                case .block: .blockOpen
                }
                tokens.append(token(tokenKind, valid))
            case UInt8(ascii: "/"):
                let name = trimmed(content)
                guard !name.isEmpty else {
                    report("the closing tag has no name", at: position)
                    continue
                }
                var closeToken = token(.close, name)
                if let match = openTags.lastIndex(where: { $0.name == name }) {
                    closeToken.closes = openTags[match].kind
                    openTags.removeSubrange(match...)
                }
                tokens.append(closeToken)
            case UInt8(ascii: ">"):
                let name = trimmed(content)
                guard let valid = validName(name, for: .template, at: position) else { continue }
                tokens.append(token(.partial, valid))
            case UInt8(ascii: "&"):
                guard let valid = validName(trimmed(content), for: .value, at: position) else { continue }
                tokens.append(token(.variable(escaped: false), valid))
            case UInt8(ascii: "{") where isTriple:
                guard let valid = validName(trimmed(content), for: .value, at: position) else { continue }
                tokens.append(token(.variable(escaped: false), valid))
            default:
                guard let valid = validName(trimmed(content), for: .value, at: position) else { continue }
                tokens.append(token(.variable(escaped: true), valid))
            }
        }
    }

    /// The characters that, right after the opening delimiter, say what kind of tag it is.
    private static let sigils: Set<UInt8> = Set("!=%#^</$>&".utf8)

    private enum NameUse { case value, template }

    private mutating func validName(_ name: String, for use: NameUse, at position: TemplatePosition) -> String? {
        if name.isEmpty {
            report("the tag has no name", at: position)
            return nil
        }
        switch use {
        case .value:
            if TemplateName(name) == nil {
                report("'\(name)' is not a valid name: use words separated by single dots, or '.'", at: position)
                return nil
            }
        case .template:
            if name.hasPrefix("*") {
                report("dynamic names ('\(name)') are not supported", at: position)
                return nil
            }
            if name.contains(where: \.isWhitespace) {
                report("'\(name)' is not a valid template name: it contains whitespace", at: position)
                return nil
            }
        }
        return name
    }

    // MARK: Standalone lines

    /// Removes the lines that hold only whitespace and standalone tags, and marks where every kept line starts.
    private func applyStandaloneRules() -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count + tokens.count / 2)
        var lineStart = 0
        for index in tokens.indices where tokens[index].endsLine || index == tokens.count - 1 {
            appendLine(tokens[lineStart...index], to: &result)
            lineStart = index + 1
        }
        return result
    }

    private static func isIndentation(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars
        if scalars.last == "\n" { scalars.removeLast() }
        if scalars.last == "\r" { scalars.removeLast() }
        return scalars.allSatisfy { $0 == " " || $0 == "\t" }
    }

    private func isStandalone(_ line: ArraySlice<Token>) -> Bool {
        let tags = line.filter { $0.kind != .text }
        guard !tags.isEmpty,
              line.allSatisfy({ $0.kind != .text || Self.isIndentation($0.content) }),
              tags.allSatisfy(\.kind.canStandAlone) else { return false }
        if tags.count == 1 { return true }
        // Several tags on one line stand alone only when all open or close parents and blocks, as in
        // `{{<layout}}{{$main}}` and `{{/main}}{{/layout}}`; a block opened and closed on its line is inline content.
        var sawBlockOpen = false
        for tag in tags {
            switch tag.kind {
            case .parentOpen: continue
            case .blockOpen: sawBlockOpen = true
            case .close where tag.closes == .parent: continue
            case .close where tag.closes == .block: if sawBlockOpen { return false }
            default: return false
            }
        }
        return true
    }

    private func appendLine(_ line: ArraySlice<Token>, to result: inout [Token]) {
        let leading = line.prefix(while: { $0.kind == .text }).map(\.content).joined()
        if isStandalone(line) {
            for var token in line where token.kind != .text {
                token.isStandalone = true
                token.indentation = leading
                result.append(token)
            }
            return
        }
        result.append(Token(kind: .lineStart, content: "", position: line.first!.position))
        var onlyWhitespaceSoFar = ""
        var precededByContent = false
        for var token in line {
            if token.kind == .blockOpen, !precededByContent { token.inlineIndentation = onlyWhitespaceSoFar }
            if token.kind == .text, Self.isIndentation(token.content), !token.endsLine {
                onlyWhitespaceSoFar += token.content
            } else {
                precededByContent = true
            }
            result.append(token)
        }
    }

    // MARK: Tree

    private struct Frame {
        let kind: OpenKind
        let token: Token
        var nodes: [TemplateNode] = []
    }

    private mutating func buildTree(_ tokens: [Token]) -> [TemplateNode] {
        var root: [TemplateNode] = []
        var frames: [Frame] = []

        func append(_ node: TemplateNode) {
            guard !frames.isEmpty else {
                root.append(node)
                return
            }
            // Inside `{{<parent}}`, only blocks count: the specification ignores any other content there.
            if frames[frames.count - 1].kind == .parent {
                guard case .block = node else { return }
            }
            frames[frames.count - 1].nodes.append(node)
        }

        func close(_ frame: Frame) {
            append(makeNode(frame))
        }

        for token in tokens {
            switch token.kind {
            case .text:
                append(.text(token.content))
            case .lineStart:
                append(.lineStart)
            case .comment, .setDelimiters:
                break
            case .variable(let escaped):
                if let name = TemplateName(token.content) { append(.variable(name, escaped: escaped, token.position)) }
            case .partial:
                append(.partial(token.content, indentation: token.isStandalone ? token.indentation : nil, token.position))
            case .sectionOpen, .invertedOpen, .parentOpen, .blockOpen:
                guard frames.count < Self.maximumNesting else {
                    report("sections are nested more than \(Self.maximumNesting) deep", at: token.position)
                    continue
                }
                let kind: OpenKind = switch token.kind {
                case .sectionOpen: .section
                case .invertedOpen: .inverted
                case .parentOpen: .parent
                default: .block
                }
                frames.append(Frame(kind: kind, token: token))
            case .close:
                guard let match = frames.lastIndex(where: { $0.token.content == token.content }) else {
                    report("'{{/\(token.content)}}' closes nothing: no section '\(token.content)' is open", at: token.position)
                    continue
                }
                if match != frames.count - 1 {
                    let innermost = frames[frames.count - 1].token
                    report("'{{/\(token.content)}}' closes '\(token.content)' but '\(innermost.content)' (line "
                           + "\(innermost.position.line), column \(innermost.position.column)) is still open",
                           at: token.position)
                }
                while frames.count > match {
                    close(frames.removeLast())
                }
            }
        }
        while let frame = frames.popLast() {
            let what = switch frame.kind {
            case .section, .inverted: "section"
            case .parent: "parent"
            case .block: "block"
            }
            report("the \(what) '\(frame.token.content)' is not closed", at: frame.token.position)
            append(makeNode(frame))
        }
        return root
    }

    private func makeNode(_ frame: Frame) -> TemplateNode {
        let token = frame.token
        switch frame.kind {
        case .section, .inverted:
            // The name was validated when the token was made.
            let name = TemplateName(token.content) ?? TemplateName(".")!
            return .section(name, inverted: frame.kind == .inverted, body: frame.nodes, token.position)
        case .parent:
            let blocks = frame.nodes.compactMap { node -> TemplateBlock? in
                if case .block(let block) = node { block } else { nil }
            }
            return .parent(token.content, indentation: token.isStandalone ? token.indentation : nil, blocks: blocks,
                           token.position)
        case .block:
            return .block(TemplateBlock(name: token.content, body: frame.nodes, isStandalone: token.isStandalone,
                                        indentation: blockIndentation(token, body: frame.nodes),
                                        position: token.position, file: file))
        }
    }

    /// A standalone block's lines are indented like its first line (or its tag, when it is empty); an inline block
    /// continues its line, so only the whitespace before it (if nothing else is) indents its later lines.
    private func blockIndentation(_ token: Token, body: [TemplateNode]) -> String {
        guard token.isStandalone else { return token.inlineIndentation }
        guard let first = body.first else { return token.indentation ?? "" }
        guard case .lineStart = first, body.count > 1, case .text(let text) = body[1] else { return "" }
        return String(text.prefix(while: { $0 == " " || $0 == "\t" }))
    }
}
