import EntenteModel

/// The links of a page's frame that follow from its depth alone: home, every section, the feed and the
/// stylesheet. Made once per depth rather than for every page (about twenty strings each).
package struct FrameLinks: Sendable {
    /// A section of the site, by name and folder, with the link to it from pages at this depth.
    typealias Section = (name: String, folder: String, url: String)

    let home: String
    let sectionLinks: SectionLinksModel
    let feed: String
    let stylesheet: String
    /// The sections of the navigation bar, in its order, `Authors` among them.
    private let navigation: [Section]
    /// The sections a page can be in besides those of the navigation bar.
    private let others: [Section]

    init(root: String, links: SiteLinks) {
        func section(_ name: String, _ folder: String) -> Section { (name, folder, links.folder(folder, from: root)) }
        let navigation = [section("Analyses", "analyses"), section("Actors", "actors"), section("Treaties", "treaties"),
                          section("Network", "network"), section("Timeline", "timeline"), section("Watchlist", "watch"),
                          section("Tags", "tags"), section("Authors", "authors")]
        let others = [section("Search", "search")]
        (self.navigation, self.others) = (navigation, others)
        home = links.folder("", from: root)
        func url(_ folder: String) -> String { (navigation + others).first { $0.folder == folder }!.url }
        sectionLinks = SectionLinksModel(analyses: url("analyses"), actors: url("actors"), treaties: url("treaties"),
                                         network: url("network"), timeline: url("timeline"), tags: url("tags"),
                                         search: url("search"))
        feed = links.file("feed.xml", from: root)
        stylesheet = links.file("assets/style.css", from: root)
    }

    /// The navigation bar: `Authors` only on a site with authors.
    func navigation(withAuthors: Bool) -> [Section] {
        withAuthors ? navigation : navigation.filter { $0.folder != "authors" }
    }

    /// The section whose folder is `folder`, among the navigation bar's (`navigation(withAuthors:)`) and the others.
    func section(_ folder: String?, withAuthors: Bool) -> Section? {
        navigation(withAuthors: withAuthors).first { $0.folder == folder } ?? others.first { $0.folder == folder }
    }
}
