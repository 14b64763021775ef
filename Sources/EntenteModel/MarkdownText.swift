/// Markdown written by a user, with where it starts so that problems inside it point at the right line.
public struct MarkdownText: Hashable, Sendable {
    public var source: String
    /// The file and line of the Markdown's first line (and its column, when it starts mid-line).
    public var origin: SourceLocation
    /// How far every line is indented in the file (for YAML block scalars).
    public var indentation: Int

    public init(_ source: String, origin: SourceLocation, indentation: Int = 0) {
        self.source = source
        self.origin = origin
        self.indentation = indentation
    }

    /// The location of a line and column inside this text (both 1-based).
    public func location(line: Int, column: Int) -> SourceLocation {
        guard line > 0 else { return origin }
        var column = max(column, 1) + indentation
        if line == 1, origin.column > 0 { column += origin.column - 1 }
        return SourceLocation(file: origin.file, line: max(origin.line, 1) + line - 1, column: column)
    }
}
