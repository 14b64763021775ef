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
    /// The last build's mention automaton and ids, for a rebuild after edits to texts alone.
    package var markdownNames: MarkdownRenderer.Names?
    /// Every problem of the last build, when it succeeded (what an edit that adds none leaves as it was).
    package var lastDiagnostics: [Diagnostic]?

    package struct Baseline: Sendable {
        package var renderer: PageRenderer
        /// What each page of the last build depends on (the search index's files, compared rather than tracked,
        /// with nothing).
        package private(set) var dependencies: [PageRenderer.Page: Set<PageRenderer.Dependency>]
        /// The same the other way round: the pages that depend on each thing, so that a rebuild finds the pages to
        /// render again without looking at every page.
        package private(set) var dependents: [PageRenderer.Dependency: Set<PageRenderer.Page>] = [:]

        package init(renderer: PageRenderer, dependencies: [PageRenderer.Page: Set<PageRenderer.Dependency>]) {
            self.renderer = renderer
            self.dependencies = dependencies
            for (page, uses) in dependencies {
                for dependency in uses { dependents[dependency, default: []].insert(page) }
            }
        }

        /// Records what `page` depends on now (a new page, or one rendered again).
        package mutating func record(_ page: PageRenderer.Page, dependsOn uses: Set<PageRenderer.Dependency>) {
            let old = dependencies.updateValue(uses, forKey: page) ?? []
            guard old != uses else { return }
            unlink(page, from: old.subtracting(uses))
            for dependency in uses.subtracting(old) { dependents[dependency, default: []].insert(page) }
        }

        /// Forgets a page that is gone.
        package mutating func forget(_ page: PageRenderer.Page) {
            unlink(page, from: dependencies.removeValue(forKey: page) ?? [])
        }

        private mutating func unlink(_ page: PageRenderer.Page, from uses: Set<PageRenderer.Dependency>) {
            for dependency in uses {
                dependents[dependency]?.remove(page)
                if dependents[dependency]?.isEmpty == true { dependents[dependency] = nil }
            }
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
