/// Markdown written by a user, with where it starts so that problems inside it point at the right line.
public struct MarkdownText: Hashable, Sendable {
    /// The text; empty while it is set aside (`setAside`).
    public var source: String
    /// The file and line of the Markdown's first line (and its column, when it starts mid-line).
    public var origin: SourceLocation
    /// How far every line is indented in the file (for YAML block scalars).
    public var indentation: Int
    /// Where the text was put while it is not held in memory, and what tells it from another text.
    public private(set) var setAside: SetAside?

    /// A text kept out of memory: a long-running preview holds every analysis's Markdown for the next rebuild,
    /// and on a large site that is over a hundred megabytes it reads only when a text must be rendered again.
    public struct SetAside: Hashable, Sendable {
        /// Where the text is in the store that set it aside, in bytes.
        public var offset: Int
        /// Its length in UTF-8 bytes.
        public var length: Int
        /// The text's hash value in this process, to tell it from a text held in memory.
        public var digest: Int

        public init(offset: Int, length: Int, digest: Int) {
            (self.offset, self.length, self.digest) = (offset, length, digest)
        }
    }

    public init(_ source: String, origin: SourceLocation, indentation: Int = 0) {
        self.source = source
        self.origin = origin
        self.indentation = indentation
    }

    /// A hash of the text's bytes, as `SetAside.digest` records it.
    public static func digest(of source: String) -> Int { source.bytesHash }

    /// This text with its source set aside by `store`, which is given the source and its digest and keeps the
    /// source somewhere, telling where (in bytes); nil when `store` could not keep it.
    public func settingAside(by store: (_ source: String, _ digest: Int) -> (offset: Int, length: Int)?) -> MarkdownText? {
        let digest = Self.digest(of: source)
        guard let place = store(source, digest) else { return nil }
        var text = self
        text.source = ""
        text.setAside = SetAside(offset: place.offset, length: place.length, digest: digest)
        return text
    }

    /// This text with its source back in memory.
    public func restoring(_ source: String) -> MarkdownText {
        var text = self
        text.source = source
        text.setAside = nil
        return text
    }

    /// Texts are equal when their sources are; a text set aside is compared by its length and digest. (Two
    /// different texts of the same length with the same 64-bit hash would pass for one: a chance of about one in
    /// 10^19 per comparison.)
    public static func == (lhs: MarkdownText, rhs: MarkdownText) -> Bool {
        guard lhs.origin == rhs.origin, lhs.indentation == rhs.indentation else { return false }
        switch (lhs.setAside, rhs.setAside) {
        case (nil, nil): return lhs.source == rhs.source
        case let (left?, right?): return left.length == right.length && left.digest == right.digest
        case let (left?, nil): return left.length == rhs.source.utf8.count && left.digest == digest(of: rhs.source)
        case let (nil, right?): return right.length == lhs.source.utf8.count && right.digest == digest(of: lhs.source)
        }
    }

    /// Hashes what equal texts share whether set aside or not.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(origin)
        hasher.combine(indentation)
    }

    /// The location of a line and column inside this text (both 1-based).
    public func location(line: Int, column: Int) -> SourceLocation {
        guard line > 0 else { return origin }
        var column = max(column, 1) + indentation
        if line == 1, origin.column > 0 { column += origin.column - 1 }
        return SourceLocation(file: origin.file, line: max(origin.line, 1) + line - 1, column: column)
    }
}
