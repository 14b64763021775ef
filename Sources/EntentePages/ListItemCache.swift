import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
import Synchronization

/// The `analysis-item` partial rendered once per analysis and page depth, shared by every page of
/// one build that lists the analysis.
///
/// An analysis is listed on the analyses page, on each of its tags' pages, and on the page of every actor and
/// treaty it is about or mentions: on the 10,000-analysis corpus that is about 90,000 list items but fewer
/// than 40,000 distinct ones. Template lookups are the dearest part of rendering, so each distinct item is
/// rendered once. Rendering is pure, so which page renders an item first does not change any output.
package final class ListItemCache: Sendable {
    package struct Key: Hashable, Sendable {
        package let analysis: AnalysisID
        package let root: String
    }

    private let items = Mutex<[Key: String]>([:])

    /// The cached item, or `render()`'s result, which is then kept.
    package func item(_ key: Key, render: () -> String) -> String {
        if let cached = items.withLock({ $0[key] }) { return cached }
        // Rendered outside the lock: two pages may render the same item at once, and both get equal text.
        let html = render()
        items.withLock { $0[key] = html }
        return html
    }
}
