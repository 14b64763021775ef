#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// JSON as JavaScript, for data a page loads with a `<script>` element: browsers refuse `fetch` from `file://`,
/// and the site must work opened from disk.
public enum ScriptData {
    /// `window.<variable> = <json>;`
    public static func assignment(variable: String, json: String) -> String {
        escapingScriptEnd("window.\(variable) = ", json, trimming: true)
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
    /// With `trimming`, JSON's own white space around it (ASCII alone) is left out. A byte scan from each "<" to the next
    /// (`memchr`): Foundation's `replacingOccurrences` took a quarter of a second on a large site's index, and
    /// `trimmingCharacters` a tenth on the treaty filter's data.
    private static func escapingScriptEnd(_ prefix: String, _ json: String, close: String = "", trimming: Bool = false) -> String {
        var json = json
        let suffix = close + ";\n"
        return json.withUTF8 { text in
            let isSpace = { (byte: UInt8) in byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
            var (start, end) = (0, text.count)
            while trimming, start < end, isSpace(text[start]) { start += 1 }
            while trimming, end > start, isSpace(text[end - 1]) { end -= 1 }
            var bytes: [UInt8] = Array(prefix.utf8)
            bytes.reserveCapacity(prefix.utf8.count + (end - start) + (end - start) / 64 + suffix.utf8.count)
            guard let base = text.baseAddress else { return String(decoding: bytes + Array(suffix.utf8), as: UTF8.self) }
            var position = start
            while position < end {
                guard let found = memchr(base + position, Int32(UInt8(ascii: "<")), end - position) else {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[position..<end]))
                    break
                }
                let bracket = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[position...bracket]))
                if bracket + 1 < end, text[bracket + 1] == UInt8(ascii: "/") { bytes.append(UInt8(ascii: "\\")) }
                position = bracket + 1
            }
            bytes.append(contentsOf: suffix.utf8)
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
