/// Markdown written by a user, with where it starts so that problems inside it point at the right line.
public struct MarkdownText: Hashable, Sendable {
    public var source: String
    /// The file and line of the Markdown's first line.
    public var origin: SourceLocation

    public init(_ source: String, origin: SourceLocation) {
        self.source = source
        self.origin = origin
    }

    /// The location of a line and column inside this text (both 1-based).
    public func location(line: Int, column: Int) -> SourceLocation {
        guard line > 0 else { return origin }
        let column = line == 1 && origin.column > 0 ? origin.column + max(column, 1) - 1 : column
        return SourceLocation(file: origin.file, line: max(origin.line, 1) + line - 1, column: column)
    }
}
