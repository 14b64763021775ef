/// A name as a tag writes it: `.` (the current value) or dotted segments such as `date.iso`.
struct TemplateName: Sendable, Hashable, CustomStringConvertible {
    /// The name as written, without the surrounding whitespace.
    let text: String
    /// The segments of a dotted name; empty for `.`.
    let segments: [String]

    /// Whether this is `.`, the value on top of the context stack.
    var isImplicit: Bool { segments.isEmpty }

    var description: String { text }

    /// The name written as `text`, or nil when it is not a valid name (empty segments, whitespace inside).
    init?(_ text: String) {
        guard !text.isEmpty else { return nil }
        self.text = text
        if text == "." {
            segments = []
            return
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else { return nil }
        segments = parts
    }
}
