#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTML that cmark-gfm wrote, as plain text: for meta descriptions and for what search finds and quotes.
public enum PlainText {
    /// One pass over the bytes, straight into the string's storage: tags dropped, line breaks as spaces, the five
    /// entities cmark-gfm writes decoded, runs of spaces (from line breaks and dropped blocks) made one, no space at
    /// either end. A tag is skipped to its `>` with `memchr`: links' addresses make up much of an analysis's HTML.
    public static func fromHTML(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { text in
                guard let base = bytes.baseAddress else { return 0 }
                let end = bytes.count
                var count = 0
                var index = 0
                while index < end {
                    var byte = base[index]
                    index += 1
                    switch byte {
                    case UInt8(ascii: "<"):
                        // The tag's own `>` and all before it are dropped; a tag never closed runs to the end.
                        index = memchr(base + index, Int32(UInt8(ascii: ">")), end - index)
                            .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) + 1 } ?? end
                        continue
                    case UInt8(ascii: ">"):
                        continue
                    case UInt8(ascii: "&"):
                        if let entity = entities.first(where: { bytes[(index - 1)...].starts(with: $0.name) }) {
                            byte = entity.byte
                            index += entity.name.count - 1
                        }
                    case UInt8(ascii: "\n"), UInt8(ascii: "\t"):
                        byte = UInt8(ascii: " ")
                    default:
                        break
                    }
                    if byte == UInt8(ascii: " "), count == 0 || text[count - 1] == UInt8(ascii: " ") { continue }
                    text[count] = byte
                    count += 1
                }
                if count > 0, text[count - 1] == UInt8(ascii: " ") { count -= 1 }
                return count
            }
        }
    }

    /// The entities cmark-gfm writes in text, and the bytes they stand for.
    private static let entities: [(name: [UInt8], byte: UInt8)] =
        [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")].map { (Array($0.0.utf8), UInt8(ascii: $0.1)) }
}
