/// HTML that cmark-gfm wrote, as plain text: for meta descriptions and for what search finds and quotes.
public enum PlainText {
    /// One pass over the bytes: tags dropped, line breaks as spaces, the five entities cmark-gfm writes decoded.
    public static func fromHTML(_ html: String) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(html.utf8.count)
        html.utf8.withContiguousStorageIfAvailable { bytes in append(bytes, to: &text) } ?? {
            let copy = Array(html.utf8)
            copy.withUnsafeBufferPointer { append($0, to: &text) }
        }()
        // Trimmed at both ends, and runs of spaces (from line breaks and dropped blocks) made one.
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(text.count)
        for byte in text {
            if byte == UInt8(ascii: " "), collapsed.last == UInt8(ascii: " ") || collapsed.isEmpty { continue }
            collapsed.append(byte)
        }
        if collapsed.last == UInt8(ascii: " ") { collapsed.removeLast() }
        return String(decoding: collapsed, as: UTF8.self)
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) {
        var insideTag = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "<") { insideTag = true; continue }
            if byte == UInt8(ascii: ">") { insideTag = false; continue }
            guard !insideTag else { continue }
            if byte == UInt8(ascii: "&"), let entity = entities.first(where: { bytes[(index - 1)...].starts(with: $0.name) }) {
                text.append(entity.byte)
                index += entity.name.count - 1
                continue
            }
            text.append(byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") ? UInt8(ascii: " ") : byte)
        }
    }

    /// The entities cmark-gfm writes in text, and the bytes they stand for.
    private static let entities: [(name: [UInt8], byte: UInt8)] =
        [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")].map { (Array($0.0.utf8), UInt8(ascii: $0.1)) }
}
