/// A position in a source file, 1-based. Line 0 means "the whole file".
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// The file, as a path the user can open (relative to where they ran the command when possible).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem found in a site: every loader, resolver and renderer reports through this type.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible, Error {
    /// How serious a problem is: errors fail the build, warnings are printed and the build goes on.
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A fix the user can apply, shown after the message ("did you mean 'india'?").
    public var suggestion: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, suggestion: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.suggestion = suggestion
    }

    public static func error(_ location: SourceLocation, _ message: String, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, message, suggestion: suggestion)
    }

    public static func warning(_ location: SourceLocation, _ message: String, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.warning, location, message, suggestion: suggestion)
    }

    /// `path:line:column: error: message; suggestion`, the format compilers and editors understand.
    public var description: String {
        let line = max(location.line, 1)
        let column = max(location.column, 1)
        var text = "\(location.file):\(line):\(column): \(severity.rawValue): \(message)"
        if let suggestion { text += "; \(suggestion)" }
        return text
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

/// Thrown when a step found errors: carries every diagnostic of the run, warnings included.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    /// Whether any of these diagnostics is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
