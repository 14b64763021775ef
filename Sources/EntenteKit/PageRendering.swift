import EntenteModel
import EntentePages
import EntenteSupport

/// The one render path of `build`, `check` and `serve`: every page rendered once, on every core, and handed to
/// what each command does with it (write it, check its links, serve it).
///
/// The order keeps memory low on a large site. Analysis pages go first: each takes its Markdown's HTML out of
/// a one-off build's hand-out-once store, so the site-wide pages (the lists of every analysis, the search
/// index, the open data) start with that memory free. Those are then rendered one after another in one task
/// while the other pages take the other cores: two of them at once held a few hundred megabytes more on a
/// 100,000-analysis site.
package enum PageRendering {
    /// Up to this many pages, no site-wide page holds enough memory that two at once matter.
    static let smallRebuild = 5_000

    /// `deliver`'s result for every page, in the order of `pages`.
    package static func render<Output: Sendable>(_ pages: [PageRenderer.Page], with renderer: PageRenderer,
                                                 deliver: @escaping @Sendable (PageRenderer.Page, String) -> Output) async -> [Output] {
        let renderOne: @Sendable (PageRenderer.Page) -> Output = { page in deliver(page, renderer.render(page)) }
        var outputs = [Output?](repeating: nil, count: pages.count)
        let analyses = pages.indices.filter { if case .analysis = pages[$0] { true } else { false } }
        for (index, output) in zip(analyses, await ParallelMap.map(analyses.map { pages[$0] }, renderOne)) {
            outputs[index] = output
        }
        let siteWide = pages.indices.filter { pages[$0].isSiteWide }
        let others = pages.indices.filter { if case .analysis = pages[$0] { false } else { !pages[$0].isSiteWide } }
        if let width = ParallelMap.width, pages.count <= smallRebuild {
            // A preview's rebuild of a few pages, in as many tasks as below (the site-wide stream beside `width`
            // workers), which take the pages as they come, the dearest first: the site-wide stream alone used to
            // sit idle or keep the others waiting (a treaty edit's data files against its 296 pages of lists).
            let rest = siteWide + others
            let rendered = await ParallelMap.$width.withValue(width + 1) { await ParallelMap.map(rest.map { pages[$0] }, renderOne) }
            for (index, output) in zip(rest, rendered) { outputs[index] = output }
            return outputs.map { $0! }
        }
        async let siteWideOutputs = siteWide.map { renderOne(pages[$0]) }
        for (index, output) in zip(others, await ParallelMap.map(others.map { pages[$0] }, renderOne)) {
            outputs[index] = output
        }
        for (index, output) in zip(siteWide, await siteWideOutputs) { outputs[index] = output }
        return outputs.map { $0! }
    }
}
