/// A problem in a template: where it is (the file, and the 1-based line and column of the tag's opening delimiter),
/// what is wrong and, when one is likely, a suggestion.
public struct TemplateProblem: Sendable, Hashable, Error, CustomStringConvertible, Comparable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// A likely fix, such as "did you mean 'date'?".
    public var suggestion: String?

    public init(file: String, line: Int, column: Int, message: String, suggestion: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }

    /// "file:line:column: error: message; suggestion", the form compilers use so editors can jump to it.
    public var description: String {
        let location = "\(file):\(line):\(column): error: \(message)"
        guard let suggestion else { return location }
        return location + "; " + suggestion
    }

    /// By file, then position, then message, so reports read top to bottom.
    public static func < (lhs: TemplateProblem, rhs: TemplateProblem) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        if lhs.column != rhs.column { return lhs.column < rhs.column }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return (lhs.suggestion ?? "") < (rhs.suggestion ?? "")
    }
}
