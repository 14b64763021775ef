/// HTML that cmark-gfm wrote, as plain text: for meta descriptions and for what search finds and quotes.
public enum PlainText {
    /// One pass over the bytes, straight into the string's storage: tags dropped, line breaks as spaces, the five
    /// entities cmark-gfm writes decoded, runs of spaces (from line breaks and dropped blocks) made one, no space at
    /// either end.
    public static func fromHTML(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { text in
                var count = 0
                var insideTag = false
                var index = 0
                while index < bytes.count {
                    var byte = bytes[index]
                    index += 1
                    if byte == UInt8(ascii: "<") { insideTag = true; continue }
                    if byte == UInt8(ascii: ">") { insideTag = false; continue }
                    guard !insideTag else { continue }
                    if byte == UInt8(ascii: "&"), let entity = entities.first(where: { bytes[(index - 1)...].starts(with: $0.name) }) {
                        byte = entity.byte
                        index += entity.name.count - 1
                    } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                        byte = UInt8(ascii: " ")
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
