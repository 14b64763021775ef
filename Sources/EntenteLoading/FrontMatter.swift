import EntenteModel
import EntenteSupport
/// Splits a Markdown file into its YAML front matter and its body.
///
/// The front matter sits between a first line `---` and the next line that is `---` or `...`.
package struct FrontMatter: Equatable {
    /// The YAML text, without the fences.
    package var yaml: String
    /// The Markdown after the closing fence.
    package var body: String
    /// The 1-based line on which the body starts.
    package var bodyLine: Int

    package enum Problem: Error, Equatable {
        case missing
        case unterminated
    }

    /// Splits `text`; a byte-order mark and CRLF line endings are accepted.
    package static func split(_ text: String) -> Result<FrontMatter, Problem> {
        var lines: [Substring] = []
        var remainder = Substring(text)
        if remainder.first == "\u{FEFF}" { remainder = remainder.dropFirst() }
        // Split lazily, only as far as the closing fence, and by bytes: a line break is one byte in UTF-8
        // (a CR before it is trimmed below), and searching by Character costs grapheme breaking on every byte.
        func nextLine() -> Substring? {
            guard !remainder.isEmpty else { return nil }
            if let newline = remainder.utf8.firstIndex(of: UInt8(ascii: "\n")) {
                var line = remainder[..<newline]
                if line.utf8.last == UInt8(ascii: "\r") { line = line.dropLast() }
                remainder = remainder[remainder.utf8.index(after: newline)...]
                return line
            }
            let line = remainder
            remainder = remainder[remainder.endIndex...]
            return line
        }
        guard let first = nextLine(), first.trimmingTrailingSpaces() == "---" else { return .failure(.missing) }
        while let line = nextLine() {
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed == "---" || trimmed == "..." {
                return .success(FrontMatter(yaml: lines.joined(separator: "\n"), body: String(remainder),
                                            bodyLine: lines.count + 3))
            }
            lines.append(line)
        }
        return .failure(.unterminated)
    }
}

extension Substring {
    package func trimmingTrailingSpaces() -> Substring {
        var view = self
        while let last = view.last, last == " " || last == "\t" || last == "\r" { view = view.dropLast() }
        return view
    }
}
