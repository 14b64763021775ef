import EntenteModel

/// The links of a page's frame that follow from its depth alone: home, every section, the feed and the
/// stylesheet. Made once per depth rather than for every page (about twenty strings each).
package struct FrameLinks: Sendable {
    /// The sections of the navigation bar, in its order, by name and folder; `Authors` only on a site with authors.
    package static let navigation: [(name: String, folder: String)] = [
        ("Analyses", "analyses"), ("Actors", "actors"), ("Treaties", "treaties"), ("Network", "network"),
        ("Timeline", "timeline"), ("Watchlist", "watch"), ("Tags", "tags"), ("Authors", "authors"),
    ]
    /// The folders a page can be in besides those of the navigation bar.
    private static let otherSections: [(name: String, folder: String)] = [("Search", "search")]

    let home: String
    /// Each section of `navigation` and `otherSections`, by folder, in that order.
    let sections: [(name: String, folder: String, url: String)]
    let sectionLinks: SectionLinksModel
    let feed: String
    let stylesheet: String

    init(root: String, links: SiteLinks) {
        home = links.folder("", from: root)
        let sections = (Self.navigation + Self.otherSections).map { ($0.name, $0.folder, links.folder($0.folder, from: root)) }
        func url(_ folder: String) -> String { sections.first { $0.1 == folder }!.2 }
        self.sections = sections
        sectionLinks = SectionLinksModel(analyses: url("analyses"), actors: url("actors"), treaties: url("treaties"),
                                         network: url("network"), timeline: url("timeline"), tags: url("tags"),
                                         search: url("search"))
        feed = links.file("feed.xml", from: root)
        stylesheet = links.file("assets/style.css", from: root)
    }
}
