/// One page that search can find: an analysis, an actor or a treaty.
public struct SearchDocument: Sendable {
    /// What kind of page it is; written as one letter in the index.
    public enum Kind: String, Sendable {
        case analysis = "a", actor = "c", treaty = "t"
    }

    /// How much a match in each part of a page counts: a word of its title or of a name it is known by ranks a
    /// page above any page that has the word only in its text.
    public enum Field: Int, Sendable {
        case title = 32, name = 24, tag = 8, summary = 6, detail = 4
    }

    public var kind: Kind
    public var title: String
    /// Its folder from the site's root, ending in `/` (`analyses/some-id/`).
    public var path: String
    /// Its date as the site shows it, if it has one.
    public var date: String?
    /// Its short texts (title, names, tags, summary, kind, region…) with how much each counts.
    public var fields: [(text: String, field: Field)]
    /// The terms of its Markdown; each occurrence counts one, up to `bodyCap`.
    public var body: SearchTerms

    /// A word repeated in the text counts at most this often: long pages do not outrank short ones by length.
    public static let bodyCap = 4

    public init(kind: Kind, title: String, path: String, date: String?, fields: [(text: String, field: Field)], body: SearchTerms) {
        self.kind = kind
        self.title = title
        self.path = path
        self.date = date
        self.fields = fields
        self.body = body
    }

    /// Each term of the page with its score: the rule, written plainly. The index computes the same by term
    /// number (`SearchIndexFiles.scoresByTerm(of:)`, which a test compares with this).
    func scores() -> [String: Int] {
        var scores: [String: Int] = [:]
        for (term, count) in zip(body.terms, body.counts) { scores[term] = min(Int(count), Self.bodyCap) }
        for (text, field) in fields {
            // A field counts once however often it repeats a word.
            for term in Set(SearchWords.terms(in: text)) { scores[term, default: 0] += field.rawValue }
        }
        return scores
    }
}
