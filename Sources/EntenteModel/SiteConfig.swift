/// The site-wide settings of `Content/site.yaml`.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    public var description: String?
    public var language: String
    /// Only for absolute URLs (feeds, sitemap, canonical links); every page link stays relative.
    public var baseURL: String?
    public var author: String?
    public var autolinkMentions: Bool
    /// Pass raw HTML in Markdown through; off by default because content is untrusted.
    public var unsafeHTML: Bool
    /// Link to `folder/` rather than `folder/index.html`: nicer on a web host, but no longer browsable from disk.
    public var prettyLinks: Bool
    /// A credits line shown in every page's footer (for data taken from ATOP, COW, …).
    public var credits: String?
    /// Write "Cite this" files (BibTeX, RIS, CSL-JSON) beside every analysis and treaty page.
    public var citations: Bool = true
    /// The day the site's data describes (`as_of`); when absent, the latest dated fact of the content.
    public var asOf: PartialDate?
    /// How many years after `as_of` the watchlist looks for terms that end or renew (`watch_years`).
    public var watchYears: Int = 5
    /// The days the network is drawn as it stood (`snapshots`); nil: one per decade of the data, and `as_of`.
    public var snapshots: [PartialDate]?

    public init(title: String, description: String? = nil, language: String = "en", baseURL: String? = nil,
                author: String? = nil, autolinkMentions: Bool = true, unsafeHTML: Bool = false,
                prettyLinks: Bool = false, credits: String? = nil) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.author = author
        self.autolinkMentions = autolinkMentions
        self.unsafeHTML = unsafeHTML
        self.prettyLinks = prettyLinks
        self.credits = credits
    }
}

/// Everything loaded from a site's `Content/`, before references are checked.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var actors: [Actor]
    public var treaties: [Treaty]
    public var analyses: [Analysis]
    /// Every entity with a file in Content/, including files that failed to load, so that references
    /// to them are not reported as unknown on top of the file's own errors.
    public var declared: Set<EntityKey>
    /// Drafts left out of this build: a link to one is reported as such, not as an unknown id.
    public var excludedDrafts: Set<AnalysisID>
    /// Analyses dated after the build's day, left out until then; a link to one is reported as such.
    public var scheduled: [AnalysisID: ScheduledAnalysis]
    /// The writers of `Content/authors/`.
    public var authors: [Author]
    /// Every author with a file, loaded or not (as `declared` for the other kinds).
    public var declaredAuthors: Set<AuthorID>
    /// The build's day (`--now`, else today): the access date of citations. Nil when not building.
    public var buildDay: PartialDate?

    public init(config: SiteConfig, actors: [Actor], treaties: [Treaty], analyses: [Analysis], authors: [Author] = [],
                declaredAuthors: Set<AuthorID> = [], declared: Set<EntityKey> = [], excludedDrafts: Set<AnalysisID> = [],
                scheduled: [AnalysisID: ScheduledAnalysis] = [:]) {
        self.authors = authors
        self.declaredAuthors = declaredAuthors.union(authors.map(\.id))
        self.excludedDrafts = excludedDrafts
        self.scheduled = scheduled
        self.config = config
        self.actors = actors
        self.treaties = treaties
        self.analyses = analyses
        self.declared = declared.union(actors.map { .actor($0.id) }).union(treaties.map { .treaty($0.id) })
            .union(analyses.map { .analysis($0.id) })
    }
}
