/// The HTML escaping of `{{name}}`: exactly `&`, `<`, `>`, `"` and `'`, as the Mustache specification and
/// swift-mustache escape them.
public enum HTMLEscaping {
    /// Appends `text` to `output`, escaped. Text with nothing to escape, the usual case, is appended whole.
    static func append(_ text: String, to output: inout String) {
        let needsEscaping = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains(where: isSpecial)
        } ?? text.utf8.contains(where: isSpecial)
        guard needsEscaping else {
            output.append(text)
            return
        }
        let utf8 = text.utf8
        var segmentStart = utf8.startIndex
        var index = segmentStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            if isSpecial(byte) {
                // Special bytes are ASCII, so the segment boundaries are character boundaries.
                output.append(contentsOf: Substring(utf8[segmentStart..<index]))
                output.append(replacement(for: byte))
                segmentStart = utf8.index(after: index)
            }
            utf8.formIndex(after: &index)
        }
        output.append(contentsOf: Substring(utf8[segmentStart..<utf8.endIndex]))
    }

    /// `text`, escaped.
    public static func escape(_ text: String) -> String {
        var output = ""
        append(text, to: &output)
        return output
    }

    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        // All five are in 0x22...0x3E; one comparison rules out most bytes.
        byte <= 0x3E && (byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27)
    }

    private static func replacement(for byte: UInt8) -> String {
        switch byte {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x22: "&quot;"
        default: "&#39;"
        }
    }
}
