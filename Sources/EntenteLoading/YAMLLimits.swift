import EntenteModel
import EntenteSupport
internal import CYaml

/// What one YAML (or JSON) document may make the loader do, checked on libyaml's event stream before Yams
/// builds a node tree: nesting depth, and the size of the tree once aliases are expanded. A YAML alias bomb
/// ("billion laughs") is a few hundred bytes that expand to billions of nodes; Yams composes it cheaply, but
/// anything that walks or hashes the tree (Yams's own duplicate-key check does, for an alias used as a key)
/// would never finish.
package enum YAMLLimits {
    /// Sections, lists and mappings nested deeper than this are refused; real content nests four deep.
    package static let maximumDepth = 64
    /// Nodes in a document with every alias expanded; the largest real content file has a few thousand.
    package static let maximumNodes = 100_000

    /// libyaml counts nesting itself and stops with a parser error at its limit, which is process-wide.
    private static let nestingLimitSet: Bool = {
        yaml_set_max_nest_level(Int32(maximumDepth))
        return true
    }()

    /// Sets libyaml's nesting limit once; call before any parse.
    package static func prepare() {
        precondition(nestingLimitSet)
    }

    /// Whether `text` could hold an anchor at all (`&name`): only then can aliases expand it, and the event
    /// pass is needed. Ampersands in prose (`Belt & Road`) are followed by a space.
    package static func mayHaveAnchors(_ text: String) -> Bool {
        var previousWasAmpersand = false
        for byte in text.utf8 {
            if previousWasAmpersand, byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
            previousWasAmpersand = byte == UInt8(ascii: "&")
        }
        return false
    }

    /// A problem with the document's size after alias expansion: the message and the 1-based line and
    /// column of the alias that crossed the limit. Nil when within the limits, or when libyaml reports a
    /// syntax error (Yams reports that one with its context).
    package static func expansionProblem(in text: String) -> (message: String, line: Int, column: Int)? {
        prepare()
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer -> (String, Int, Int)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // Per open node: its anchor, expanded size so far and expanded depth below it.
            var open: [(anchor: String?, size: Int, depth: Int)] = [(nil, 0, 0)]
            var anchors: [String: (size: Int, depth: Int)] = [:]
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                func close(size: Int, depth: Int, anchor: String?) -> (String, Int, Int)? {
                    if let anchor { anchors[anchor] = (size, depth) }
                    open[open.count - 1].size += size
                    open[open.count - 1].depth = max(open[open.count - 1].depth, depth)
                    if open[0].size > maximumNodes || open.count > 1 && open[open.count - 1].size > maximumNodes {
                        return ("the document expands to more than \(maximumNodes) values through its aliases; "
                                + "content files are limited to \(maximumNodes)", Int(mark.line) + 1, Int(mark.column) + 1)
                    }
                    if open.count - 1 + depth > maximumDepth {
                        return ("the document nests more than \(maximumDepth) levels deep through its aliases; "
                                + "content files are limited to \(maximumDepth)", Int(mark.line) + 1, Int(mark.column) + 1)
                    }
                    return nil
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    if let problem = close(size: 1, depth: 0, anchor: string(event.data.scalar.anchor)) { return problem }
                case YAML_SEQUENCE_START_EVENT:
                    open.append((string(event.data.sequence_start.anchor), 1, 0))
                case YAML_MAPPING_START_EVENT:
                    open.append((string(event.data.mapping_start.anchor), 1, 0))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard open.count > 1 else { return nil }
                    let node = open.removeLast()
                    if let problem = close(size: node.size, depth: node.depth + 1, anchor: node.anchor) { return problem }
                case YAML_ALIAS_EVENT:
                    // An unknown alias is Yams's error to report; count it as one value.
                    let target = string(event.data.alias.anchor).flatMap { anchors[$0] } ?? (1, 0)
                    if let problem = close(size: target.size, depth: target.depth, anchor: nil) { return problem }
                default:
                    break
                }
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
