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
    /// The files beside a page bundle's `index.md` (`Content/analyses/<slug>/index.md`), as paths relative to its
    /// folder, sorted: published next to the page, so that `![map](map.png)` works in the editor and on the site.
    /// Empty for an analysis that is a single file.
    public var files: [String] = []
    /// The bundle's folder, when the analysis is a page bundle.
    public var bundleFolder: String?
    /// The sources its text cites as `[text](source:id)`, in the order of its front matter.
    public var sources: [Source] = []
    /// Its authors' ids (`authors:` in its front matter), checked against `Content/authors/`.
    public var authors: [Reference<AuthorTag>] = []

    /// A source an analysis cites: what `[text](source:id)` points at, listed under the text.
    public struct Source: Hashable, Sendable {
        public var id: String
        public var title: String
        public var url: String?
        public var date: PartialDate?
        public var publisher: String?

        public init(id: String, title: String, url: String? = nil, date: PartialDate? = nil, publisher: String? = nil) {
            self.id = id
            self.title = title
            self.url = url
            self.date = date
            self.publisher = publisher
        }

        /// The id of its entry in the reference list, which `[text](source:id)` links to.
        public static func anchor(of id: String) -> String { "source-" + id }
    }

    /// Ids an analysis cannot have: `analyses/page/` holds the further pages of the list of analyses.
    public static let reservedIDs: Set<String> = ["page"]

    /// Names the build writes into an analysis's folder, which a bundle's own files may not take: its page and its
    /// text for the search (`SearchIndexFiles.textFile`, which a test keeps in step).
    public static let reservedFileNames: Set<String> = ["index.html", "text.js"]

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
