import EntenteModel
import EntenteSupport

/// An analysis as a list item, its model made and the `analysis-item` partial rendered once per analysis and
/// page depth, shared by every page of one build that lists the analysis.
///
/// An analysis is listed on the analyses page, on each of its tags' pages, and on the page of every actor and
/// treaty it is about or mentions: on the 10,000-analysis corpus that is about 90,000 list items but fewer
/// than 40,000 distinct ones. Template lookups are the dearest part of rendering, so each distinct item is
/// rendered once.
package typealias ListItemCache = ComputedPerKey<ListItemKey, ListedAnalysisModel>

/// An analysis listed from a page whose root is `root`.
package struct ListItemKey: Hashable, Sendable {
    package let analysis: AnalysisID
    package let root: String
}
