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
    /// Where a rebuild keeps the analyses' Markdown and HTML between builds, out of memory (made by the first).
    package var textSpill: TextSpill?

    package struct Baseline: Sendable {
        package typealias Page = PageRenderer.Page
        package typealias Dependency = PageRenderer.Dependency

        package var renderer: PageRenderer
        // Pages and dependencies are numbered, and the index links numbers: on the 10,000-analysis site it holds
        // about a million links, and a page is 48 bytes where its number is 4.
        private var pageNumbers: [Page: Int32] = [:]
        private var pagesByNumber: [Page?] = []
        /// Numbers of forgotten pages, given to the next new ones.
        private var freePageNumbers: [Int32] = []
        private var dependencyNumbers: [Dependency: Int32] = [:]
        /// What each page depends on (the search index's files, compared rather than tracked, on nothing), by
        /// page number: dependency numbers, sorted.
        private var uses: [[Int32]] = []
        /// The same the other way round, by dependency number: the pages that depend on it, so that a rebuild finds
        /// the pages to render again without looking at every page.
        private var users: [Set<Int32>] = []

        package init(renderer: PageRenderer, dependencies: [Page: Set<Dependency>]) {
            self.renderer = renderer
            pageNumbers.reserveCapacity(dependencies.count)
            for (page, uses) in dependencies { record(page, dependsOn: uses) }
        }

        /// Every page of the last build.
        package var pages: Dictionary<Page, Int32>.Keys { pageNumbers.keys }

        package func contains(_ page: Page) -> Bool { pageNumbers.index(forKey: page) != nil }

        /// The pages that depend on `dependency`.
        package func pages(dependingOn dependency: Dependency) -> [Page] {
            guard let number = dependencyNumbers[dependency] else { return [] }
            return users[Int(number)].map { pagesByNumber[Int($0)]! }
        }

        /// Records what `page` depends on now (a new page, or one rendered again).
        package mutating func record(_ page: Page, dependsOn dependencies: Set<Dependency>) {
            let number = pageNumbers[page] ?? newNumber(for: page)
            let new = dependencies.map { dependencyNumber($0) }.sorted()
            let old = uses[Int(number)]
            guard old != new else { return }
            uses[Int(number)] = new
            // Both are sorted: one walk finds what was dropped and what was added.
            var (i, j) = (0, 0)
            while i < old.count || j < new.count {
                if j == new.count || (i < old.count && old[i] < new[j]) {
                    users[Int(old[i])].remove(number)
                    i += 1
                } else if i == old.count || new[j] < old[i] {
                    users[Int(new[j])].insert(number)
                    j += 1
                } else {
                    (i, j) = (i + 1, j + 1)
                }
            }
        }

        /// Forgets a page that is gone.
        package mutating func forget(_ page: Page) {
            guard let number = pageNumbers.removeValue(forKey: page) else { return }
            for dependency in uses[Int(number)] { users[Int(dependency)].remove(number) }
            uses[Int(number)] = []
            pagesByNumber[Int(number)] = nil
            freePageNumbers.append(number)
        }

        private mutating func newNumber(for page: Page) -> Int32 {
            let number: Int32
            if let free = freePageNumbers.popLast() {
                number = free
                pagesByNumber[Int(number)] = page
            } else {
                number = Int32(pagesByNumber.count)
                pagesByNumber.append(page)
                uses.append([])
            }
            pageNumbers[page] = number
            return number
        }

        private mutating func dependencyNumber(_ dependency: Dependency) -> Int32 {
            if let number = dependencyNumbers[dependency] { return number }
            let number = Int32(users.count)
            dependencyNumbers[dependency] = number
            users.append([])
            return number
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
    /// The last build's renderer, when this rebuild took its place: held until the rebuild is let go of, so that
    /// freeing its caches (16 ms of a treaty edit on the 10,000-analysis corpus) comes after the pages, not before.
    var retired: PageRenderer?

    public var succeeded: Bool { renderer != nil && !diagnostics.hasErrors }
}
