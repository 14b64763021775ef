import EntenteModel
import EntenteLoading
/// A value to write as YAML: the few shapes that content files use.
public indirect enum YAMLValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case list([YAMLValue])
    /// Keys in the order given: output is deterministic because callers give them in a fixed order.
    case mapping([YAMLEntry])
}

/// One `key: value` line of a mapping.
public struct YAMLEntry: Hashable, Sendable {
    public var key: String
    public var value: YAMLValue

    public init(_ key: String, _ value: YAMLValue) {
        self.key = key
        self.value = value
    }
}

/// Writes block-style YAML in which every string is double-quoted and escaped.
///
/// Quoting every string sidesteps YAML's implicit typing (`no`, `1961-07-06`, `null`, `#`, a leading `*`):
/// whatever the data holds is read back as the same text. Keys are written bare and must be plain
/// identifiers (`a-z`, `0-9`, `_`), which every key of the content format is.
public enum YAMLEmitter {
    /// The document for a top-level mapping, ending in a newline; `comment` lines come first as `# …`.
    public static func document(_ entries: [YAMLEntry], comment: [String] = []) -> String {
        var lines = comment.map { $0.isEmpty ? "#" : "# " + $0 }
        emit(mapping: entries, indent: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a YAML double-quoted scalar.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if needsEscape(scalar) {
                    result += scalar.value <= 0xFF ? "\\x" + hex(scalar.value, width: 2) : "\\u" + hex(scalar.value, width: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x2028, 0x2029, 0xFEFF: true
        default: false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func scalar(_ value: YAMLValue) -> String? {
        switch value {
        case .string(let text): quoted(text)
        case .integer(let number): String(number)
        case .list(let items) where items.isEmpty: "[]"
        case .mapping(let entries) where entries.isEmpty: "{}"
        case .list, .mapping: nil
        }
    }

    private static func emit(mapping entries: [YAMLEntry], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for entry in entries {
            precondition(isPlainKey(entry.key), "YAML keys written by the importer are plain identifiers")
            if let text = scalar(entry.value) {
                lines.append("\(pad)\(entry.key): \(text)")
                continue
            }
            lines.append("\(pad)\(entry.key):")
            switch entry.value {
            case .list(let items): emit(list: items, indent: indent + 2, into: &lines)
            case .mapping(let nested): emit(mapping: nested, indent: indent + 2, into: &lines)
            case .string, .integer: break
            }
        }
    }

    private static func emit(list items: [YAMLValue], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            if let text = scalar(item) {
                lines.append("\(pad)- \(text)")
                continue
            }
            switch item {
            case .mapping(let entries):
                // The first key shares the dash's line; the others line up under it.
                var nested: [String] = []
                emit(mapping: entries, indent: indent + 2, into: &nested)
                if let first = nested.first {
                    nested[0] = pad + "- " + first.dropFirst(indent + 2)
                }
                lines += nested
            case .list(let inner):
                lines.append("\(pad)-")
                emit(list: inner, indent: indent + 2, into: &lines)
            case .string, .integer: break
            }
        }
    }

    private static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }
}
