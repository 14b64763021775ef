import EntenteModel
import EntenteSupport
import EntenteLoading
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import EntentePages
import EntenteOutput
/// What to build and where.
public struct BuildOptions: Sendable {
    public var siteDirectory: String
    public var outputDirectory: String
    public var includeDrafts: Bool
    /// Overrides `base_url` from site.yaml when set.
    public var baseURL: String?
    /// Keep what each page depends on, so that later rebuilds render only what changed (the preview server).
    public var trackDependencies: Bool
    /// Build even when the output is up to date with its inputs.
    public var force = false
    /// The build's day: analyses dated after it are left out until then. Nil: no embargo.
    public var today: PartialDate?
    /// Include analyses dated after `today`.
    public var includeFuture = false

    public init(siteDirectory: String, outputDirectory: String, includeDrafts: Bool = false, baseURL: String? = nil,
                force: Bool = false, trackDependencies: Bool = false, today: PartialDate? = nil, includeFuture: Bool = false) {
        self.today = today
        self.includeFuture = includeFuture
        self.force = force
        self.trackDependencies = trackDependencies
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
    }
}

/// The outcome of a build.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pagesWritten: Int
    public var filesWritten: Int
    public var timings = StepTimings()
    /// Nothing changed since the build that wrote the output: nothing was done.
    public var upToDate = false
    /// With `upToDate`: how many warnings that build printed.
    public var earlierWarnings = 0

    public init(diagnostics: [Diagnostic], pagesWritten: Int, filesWritten: Int, timings: StepTimings = StepTimings()) {
        self.diagnostics = diagnostics
        self.pagesWritten = pagesWritten
        self.filesWritten = filesWritten
        self.timings = timings
    }

    public var succeeded: Bool { !diagnostics.hasErrors }
}
