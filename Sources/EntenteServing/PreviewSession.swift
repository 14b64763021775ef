import EntenteKit
import EntenteModel
import EntenteSupport
import EntenteResolving
import EntentePages
import EntenteOutput
import TemplateEngine
import Foundation

/// Keeps a `PreviewSite` current: a full build first, then an incremental rebuild per burst of edits.
public struct PreviewSession: Sendable {
    public let builder: SiteBuilder
    public let site: PreviewSite
    private var state = BuildState()
    private var assetPaths: Set<String> = []
    /// The page bundles' files served now, with the stamp each had when read.
    private var bundleStamps: [String: FileStamp] = [:]
    /// Whether the first build is done, and the server may be serving while later ones run.
    private var servedBefore = false
    /// Whether a build has put files in the preview's folder (later ones replace them while they are read).
    private var builtBefore = false

    /// One rebuild, for the terminal line: what changed, what was rendered, how long it took.
    public struct Summary: Sendable {
        public var succeeded: Bool
        /// The paths of the pages rendered, in the order of their paths.
        public var renderedPages: [String]
        public var pagesRendered: Int { renderedPages.count }
        public var pagesRemoved: Int
        public var changed: [String]
        public var duration: Duration
        public var diagnostics: [Diagnostic]
        /// How long each step took.
        public var timings = StepTimings()
    }

    /// How much the server may grow over small rebuilds before the heap's free memory goes back to the system.
    static let growthBeforeTrim = 16 << 20
    /// How many pages a rebuild renders with large blocks mapped (`FreedMemory.mapLargeBlocks`).
    static let pagesMappingLargeBlocks = 1_000
    /// The resident memory after the last trim.
    private var residentAfterTrim = 0

    public init(options: BuildOptions, site: PreviewSite) {
        var options = options
        options.trackDependencies = true
        self.builder = SiteBuilder(options: options)
        self.site = site
    }

    /// Rebuilds and puts the result in the preview site; a failure keeps the last good site and shows the errors.
    public mutating func rebuild(changedFiles: [String] = []) async -> Summary {
        // Large blocks are mapped in builds of every page (`FreedMemory.mapLargeBlocks`): the first (`Main` asks for
        // it), and after an edit to a template or to site.yaml, from the start (mapped only while its pages were
        // rendered, the server was 300 MB after two template edits rather than 293); and while any other rebuild
        // renders over `pagesMappingLargeBlocks` pages. Not otherwise: between rebuilds, requests read whole pages,
        // and in small rebuilds the two threads' mappings wait on each other (a treaty edit took 450 ms rather
        // than 405).
        let templatesDirectory = URL(fileURLWithPath: builder.options.siteDirectory).standardizedFileURL.path + "/Templates/"
        if changedFiles.lazy.map({ URL(fileURLWithPath: $0).standardizedFileURL.path })
            .contains(where: { $0.hasPrefix(templatesDirectory) || $0.hasSuffix("/Content/site.yaml") }) {
            FreedMemory.mapLargeBlocks()
        }
        defer { FreedMemory.mapLargeBlocks(false) }
        let summary: Summary
        if servedBefore {
            summary = await ParallelMap.$width.withValue(max(1, ProcessInfo.processInfo.activeProcessorCount - 1)) {
                await rebuildNow(changedFiles: changedFiles)
            }
        } else {
            servedBefore = true
            summary = await rebuildNow(changedFiles: changedFiles)
        }
        // After a build of many pages, what it allocated and freed goes back to the system; only once the build has
        // let go of all of it (on the 10,000-analysis site, trimming inside the build left 533 MB resident, here
        // 310 MB). Not after every edit: trimming a large heap holds the allocator's lock, and every request waits.
        // A treaty edit renders about a hundred pages, two at a time: without a trim, 8 of them took the server from
        // 293 to 327 MB resident, and 3 name edits (50 pages each) to 352 MB. That trim took 14 to 25 ms, after the
        // reload is announced. A body edit renders a few pages and allocates little, but now and then one left
        // the server 35 MB larger (289 to 324 MB over 200 of them): then it is trimmed too.
        let resident = FreedMemory.resident ?? 0
        if summary.pagesRendered > 20 || resident > residentAfterTrim + Self.growthBeforeTrim {
            FreedMemory.release()
            residentAfterTrim = FreedMemory.resident ?? 0
        }
        return summary
    }

    private mutating func rebuildNow(changedFiles: [String]) async -> Summary {
        let start = ContinuousClock.now
        // After the first build, the watcher's list of changed files spares the loader a look at every file.
        if !changedFiles.isEmpty {
            state.changedFiles = Set(changedFiles.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        }
        let rebuild = await builder.rebuild(&state)
        if rebuild.pagesToRender.count > Self.pagesMappingLargeBlocks { FreedMemory.mapLargeBlocks() }
        var timings = rebuild.timings
        guard let renderer = rebuild.renderer, rebuild.succeeded else {
            await site.fail(with: rebuild.diagnostics)
            return Summary(succeeded: false, renderedPages: [], pagesRemoved: 0, changed: changedFiles,
                           duration: ContinuousClock.now - start, diagnostics: rebuild.diagnostics, timings: timings)
        }
        // Each page is written as it is rendered, on every core, so that no rebuild holds the site in memory.
        let site = self.site
        // Before the first build is served, no one reads the files: they are written in place, not renamed.
        let replacing = builtBefore
        builtBefore = true
        let outcomes = await PageRendering.render(rebuild.pagesToRender, with: renderer) { page, html in
            Self.store(Array(html.utf8), at: page.path, in: site, replacing: replacing)
        }
        var stored: [String] = []
        var problems: [Diagnostic] = []
        func keep(_ outcome: Result<String, DiagnosticsError>) {
            switch outcome {
            case .success(let path): stored.append(path)
            case .failure(let error): problems += error.diagnostics
            }
        }
        outcomes.forEach(keep)
        var removed = rebuild.removedPages.map(\.path)
        if rebuild.assetsChanged {
            for (path, bytes) in renderer.theme.assets.sorted(by: { $0.key < $1.key }) {
                keep(Self.store(bytes, at: path, in: site))
            }
            removed += assetPaths.subtracting(renderer.theme.assets.keys).sorted()
            assetPaths = Set(renderer.theme.assets.keys)
        }
        // A bundle's file is read again only when it is new or its stamp changed; one that is gone is removed.
        var stamps: [String: FileStamp] = [:]
        for file in renderer.bundleFiles {
            guard let stamp = FileStamp.of(file.source) else { continue }
            stamps[file.path] = stamp
            if bundleStamps[file.path] != stamp, let data = FileManager.default.contents(atPath: file.source) {
                keep(Self.store(Array(data), at: file.path, in: site))
            }
        }
        removed += bundleStamps.keys.filter { stamps[$0] == nil }.sorted()
        bundleStamps = stamps
        guard problems.isEmpty else {
            // The preview's own folder could not take a file (a full disk): say so as a failed build does.
            await site.fail(with: problems)
            return Summary(succeeded: false, renderedPages: [], pagesRemoved: 0, changed: changedFiles,
                           duration: ContinuousClock.now - start, diagnostics: problems, timings: timings)
        }
        await site.update(stored: stored, removed: removed)
        timings.finish("render")
        return Summary(succeeded: true, renderedPages: rebuild.pagesToRender.map(\.path), pagesRemoved: rebuild.removedPages.count,
                       changed: changedFiles, duration: ContinuousClock.now - start, diagnostics: rebuild.diagnostics,
                       timings: timings)
    }

    /// Stores one file in the preview's folder: its path, or why it could not be written.
    private static func store(_ bytes: [UInt8], at path: String, in site: PreviewSite,
                              replacing: Bool = true) -> Result<String, DiagnosticsError> {
        Result { () throws(DiagnosticsError) in
            try site.store(bytes, at: path, replacing: replacing)
            return path
        }
    }
}
