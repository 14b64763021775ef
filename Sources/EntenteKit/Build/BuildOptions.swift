/// What to build and where.
public struct BuildOptions: Sendable {
    public var siteDirectory: String
    public var outputDirectory: String
    public var includeDrafts: Bool
    /// Overrides `base_url` from site.yaml when set.
    public var baseURL: String?
    /// Keep what each page depends on, so that later rebuilds render only what changed (the preview server).
    public var trackDependencies: Bool

    public init(siteDirectory: String, outputDirectory: String, includeDrafts: Bool = false, baseURL: String? = nil,
                trackDependencies: Bool = false) {
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

    public init(diagnostics: [Diagnostic], pagesWritten: Int, filesWritten: Int, timings: StepTimings = StepTimings()) {
        self.diagnostics = diagnostics
        self.pagesWritten = pagesWritten
        self.filesWritten = filesWritten
        self.timings = timings
    }

    public var succeeded: Bool { !diagnostics.hasErrors }
}
