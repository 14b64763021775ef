import Foundation

/// JSON as JavaScript, for data a page loads with a `<script>` element: browsers refuse `fetch` from `file://`,
/// and the site must work opened from disk.
public enum ScriptData {
    /// `window.<variable> = <json>;`
    public static func assignment(variable: String, json: String) -> String {
        escapingScriptEnd("window.\(variable) = ", json.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// `ENTENTE_SEARCH_LOADED(<arguments>);`, the callback the search script waits on for each file it loads.
    public static func searchCallback(_ arguments: [String]) -> String {
        escapingScriptEnd("ENTENTE_SEARCH_LOADED(", arguments.joined(separator: ","), close: ")")
    }

    /// A value as compact JSON (keys sorted, so that the same input writes the same bytes).
    public static func json<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// JSON text is also a JavaScript expression; "</" is escaped so that no string can end a script element.
    /// A byte scan: Foundation's replacingOccurrences took a quarter of a second on a large site's index.
    private static func escapingScriptEnd(_ prefix: String, _ json: String, close: String = "") -> String {
        var bytes: [UInt8] = Array(prefix.utf8)
        bytes.reserveCapacity(json.utf8.count + json.utf8.count / 64 + 32)
        var previous: UInt8 = 0
        for byte in json.utf8 {
            if previous == UInt8(ascii: "<"), byte == UInt8(ascii: "/") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
            previous = byte
        }
        bytes.append(contentsOf: (close + ";\n").utf8)
        return String(decoding: bytes, as: UTF8.self)
    }
}
