/// Whitespace trimming without Foundation, shared by loading, pages and the importer.
extension StringProtocol {
    package func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
