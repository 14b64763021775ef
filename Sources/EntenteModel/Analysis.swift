/// A dated piece of writing about actors and treaties, from `Content/analyses/<slug>.md`.
public struct Analysis: Hashable, Sendable {
    public var id: AnalysisID
    public var title: String
    public var date: PartialDate
    public var author: String?
    public var summary: String?
    public var actors: [Reference<ActorTag>]
    public var treaties: [Reference<TreatyTag>]
    public var tags: [String]
    /// Where the tags are written, for diagnostics about them.
    public var tagsLocation: SourceLocation?
    public var draft: Bool
    public var body: MarkdownText
    public var location: SourceLocation

    public init(id: AnalysisID, title: String, date: PartialDate, author: String? = nil, summary: String? = nil,
                actors: [Reference<ActorTag>] = [], treaties: [Reference<TreatyTag>] = [], tags: [String] = [],
                draft: Bool = false, body: MarkdownText, location: SourceLocation) {
        self.id = id
        self.title = title
        self.date = date
        self.author = author
        self.summary = summary
        self.actors = actors
        self.treaties = treaties
        self.tags = tags
        self.draft = draft
        self.body = body
        self.location = location
    }
}
