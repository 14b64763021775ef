/// A dated piece of writing about actors and treaties, from `Content/analyses/<slug>.md`.
public struct Analysis: Hashable, Sendable {
    /// A correction made after publication, shown at the top of the analysis.
    public struct Correction: Hashable, Sendable {
        public var date: PartialDate
        /// What was corrected, in plain text.
        public var note: String

        public init(date: PartialDate, note: String) {
            self.date = date
            self.note = note
        }
    }

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
    /// When it was last revised, if it was after its date.
    public var updated: PartialDate?
    /// Corrections, oldest first.
    public var corrections: [Correction] = []
    public var body: MarkdownText
    public var location: SourceLocation

    public init(id: AnalysisID, title: String, date: PartialDate, author: String? = nil, summary: String? = nil,
                actors: [Reference<ActorTag>] = [], treaties: [Reference<TreatyTag>] = [], tags: [String] = [],
                draft: Bool = false, updated: PartialDate? = nil, corrections: [Correction] = [], body: MarkdownText,
                location: SourceLocation) {
        self.updated = updated
        self.corrections = corrections
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

    /// The last time it changed: its date, a later `updated`, or its latest correction. Feeds use it.
    public var lastChanged: PartialDate {
        ([date] + [updated].compactMap { $0 } + corrections.map(\.date)).max()!
    }
}
