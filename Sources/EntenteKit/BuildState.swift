import EntenteModel
import EntenteSupport
import EntenteLoading
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import EntentePages
import EntenteOutput
/// What a build leaves behind for the next one, so that a rebuild redoes only what changed.
public struct BuildState: Sendable {
    /// Caches that may come from a failed build too: decoded files and rendered Markdown.
    package var loadCache = SiteLoader.LoadCache()
    package var markdownCache: RenderedContent?
    /// The last successful build, which a rebuild's changes are measured against.
    package var baseline: Baseline?
    /// The files a watcher saw change since the last rebuild (absolute paths); nil when unknown.
    public var changedFiles: Set<String>?

    package struct Baseline: Sendable {
        package var renderer: PageRenderer
        package var dependencies: [PageRenderer.Page: Set<PageRenderer.Dependency>]
        /// The same the other way round, the search index's files left out: the pages that depend on each thing,
        /// so that a text edit finds the pages to render again without looking at every page.
        package var dependents: [PageRenderer.Dependency: [PageRenderer.Page]]

        package init(renderer: PageRenderer, dependencies: [PageRenderer.Page: Set<PageRenderer.Dependency>]) {
            self.renderer = renderer
            self.dependencies = dependencies
            var dependents: [PageRenderer.Dependency: [PageRenderer.Page]] = [:]
            for (page, uses) in dependencies {
                if case .searchFile = page { continue }
                for dependency in uses { dependents[dependency, default: []].append(page) }
            }
            self.dependents = dependents
        }

        /// After text edits alone: the same pages but for the search index's files, which follow its words.
        package init(textEditOf baseline: Baseline, renderer: PageRenderer,
                     searchFiles: [PageRenderer.Page: Set<PageRenderer.Dependency>]) {
            self.renderer = renderer
            var dependencies = baseline.dependencies
            for page in baseline.dependencies.keys where searchFiles[page] == nil {
                if case .searchFile = page { dependencies[page] = nil }
            }
            dependencies.merge(searchFiles) { _, new in new }
            self.dependencies = dependencies
            self.dependents = baseline.dependents
        }
    }

    public init() {}
}

/// The outcome of one rebuild: what to render, and what is gone.
public struct Rebuild: Sendable {
    public var diagnostics: [Diagnostic]
    /// The renderer for the new site; nil when the content has errors.
    public var renderer: PageRenderer?
    /// The pages whose output may have changed (every page on a first or full build).
    public var pagesToRender: [PageRenderer.Page]
    /// Pages of the previous build that no longer exist.
    public var removedPages: [PageRenderer.Page]
    /// Whether the theme's assets may have changed.
    public var assetsChanged: Bool
    public var timings: StepTimings

    public var succeeded: Bool { renderer != nil && !diagnostics.hasErrors }
}
