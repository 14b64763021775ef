/// Re-indents the lines of parsed template text: what a standalone partial does to the partial's lines, and what a
/// block slot does to the content that fills it. Works on nodes, not on rendered output, so values that contain
/// newlines are never indented, as the specification requires.
struct Reindentation {
    /// Indentation removed from the start of each line (the content's own indentation), as far as the line has it.
    let removed: String
    /// Indentation then added to the start of each line.
    let added: String
    /// Whether the first line gets `added` too; not when the content continues a line already begun.
    let indentsFirstLine: Bool

    /// `nodes` with every line start re-indented; nested partials, parents and blocks that stand alone on their
    /// lines have their own indentation re-indented the same way, so it composes.
    func apply(to nodes: [TemplateNode]) -> [TemplateNode] {
        var state = State(isFirstNode: true)
        return apply(to: nodes, state: &state)
    }

    private struct State {
        var isFirstNode: Bool
        /// A line just started: the next text loses `removed` and gains `pending`.
        var atLineStart = false
        var pending = ""
    }

    private func reindented(_ indentation: String) -> String {
        added + Self.dropping(removed, from: indentation)
    }

    /// `text` without the part of `prefix` it starts with.
    private static func dropping(_ prefix: String, from text: String) -> String {
        guard !prefix.isEmpty else { return text }
        var textIndex = text.unicodeScalars.startIndex
        var prefixIndex = prefix.unicodeScalars.startIndex
        while textIndex != text.unicodeScalars.endIndex, prefixIndex != prefix.unicodeScalars.endIndex,
              text.unicodeScalars[textIndex] == prefix.unicodeScalars[prefixIndex] {
            text.unicodeScalars.formIndex(after: &textIndex)
            prefix.unicodeScalars.formIndex(after: &prefixIndex)
        }
        return String(text.unicodeScalars[textIndex...])
    }

    private func apply(to nodes: [TemplateNode], state: inout State) -> [TemplateNode] {
        var result: [TemplateNode] = []
        result.reserveCapacity(nodes.count + nodes.count / 2)

        func flushLineStart(_ state: inout State) {
            if state.atLineStart, !state.pending.isEmpty { result.append(.text(state.pending)) }
            state.atLineStart = false
            state.pending = ""
        }

        for node in nodes {
            switch node {
            case .lineStart:
                flushLineStart(&state)
                result.append(.lineStart)
                state.atLineStart = true
                state.pending = state.isFirstNode && !indentsFirstLine ? "" : added
            case .text(let text):
                if state.atLineStart {
                    let line = state.pending + Self.dropping(removed, from: text)
                    state.atLineStart = false
                    state.pending = ""
                    if !line.isEmpty { result.append(.text(line)) }
                } else {
                    result.append(node)
                }
            case .variable:
                flushLineStart(&state)
                result.append(node)
            case .section(let name, let inverted, let body, let position):
                flushLineStart(&state)
                state.isFirstNode = false
                result.append(.section(name, inverted: inverted, body: apply(to: body, state: &state), position))
            case .partial(let name, let indentation, let position):
                // A standalone partial's line is gone, indentation and all: its own indentation carries it.
                state.atLineStart = false
                state.pending = ""
                result.append(.partial(name, indentation: indentation.map(reindented), position))
            case .parent(let name, let indentation, let blocks, let position):
                if indentation == nil { flushLineStart(&state) } else { state.atLineStart = false; state.pending = "" }
                state.isFirstNode = false
                let blocks = blocks.map { reindented($0, state: &state) }
                result.append(.parent(name, indentation: indentation.map(reindented), blocks: blocks, position))
            case .block(let block):
                if block.isStandalone { state.atLineStart = false; state.pending = "" } else { flushLineStart(&state) }
                state.isFirstNode = false
                result.append(.block(reindented(block, state: &state)))
            }
            state.isFirstNode = false
        }
        flushLineStart(&state)
        return result
    }

    private func reindented(_ block: TemplateBlock, state: inout State) -> TemplateBlock {
        var block = block
        block.indentation = block.isStandalone || !block.indentation.isEmpty ? reindented(block.indentation) : ""
        block.body = apply(to: block.body, state: &state)
        return block
    }
}
