/// What to build and where.
public struct BuildOptions: Sendable {
    public var siteDirectory: String
    public var outputDirectory: String
    public var includeDrafts: Bool
    /// Overrides `base_url` from site.yaml when set.
    public var baseURL: String?

    public init(siteDirectory: String, outputDirectory: String, includeDrafts: Bool = false, baseURL: String? = nil) {
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

    public var succeeded: Bool { !diagnostics.hasErrors }
}
