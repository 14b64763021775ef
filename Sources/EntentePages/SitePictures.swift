import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
import Synchronization
/// The SVG pictures of the site, drawn at build time by the types in `Pictures/`: the pages ask for them here.
package struct SitePictures: Sendable {
    package typealias Link = @Sendable (EntityKey) -> String
    /// The link to the page of two actors, for the lines between them.
    package typealias PairLink = @Sendable (ActorID, ActorID) -> String

    /// The whole network's layout, made once per build: the network page and every snapshot share it.
    private let layout: NetworkLayoutBox

    package init() { layout = NetworkLayoutBox(offered: nil) }

    /// Pictures that take the last build's network layout when the network's places follow from the same inputs.
    package init(after previous: SitePictures) { layout = NetworkLayoutBox(offered: previous.layout.made) }

    package func network(_ site: ResolvedSite, _ index: SiteIndex, _ link: Link, _ pairLink: @escaping PairLink) -> String? {
        site.actors.isEmpty ? nil : NetworkPicture.render(site: site, index: index, layout: layout.get(site), day: nil,
                                                          link: link, pairLink: pairLink)
    }

    /// The agreements in force at the end of `day`, each actor where the whole network puts it.
    package func snapshot(_ day: PartialDate, _ site: ResolvedSite, _ index: SiteIndex, _ link: Link, _ pairLink: @escaping PairLink) -> String? {
        site.actors.isEmpty ? nil : NetworkPicture.render(site: site, index: index, layout: layout.get(site), day: day,
                                                          link: link, pairLink: pairLink)
    }

    package func egoNetwork(_ actor: ActorID, _ site: ResolvedSite, _ index: SiteIndex, _ link: Link, _ pairLink: @escaping PairLink) -> String? {
        (index.counterparts[actor] ?? []).isEmpty ? nil
            : EgoNetworkPicture.render(actor: actor, site: site, index: index, link: link, pairLink: pairLink)
    }

    package func treatyTimeline(_ treaty: Treaty, _ site: ResolvedSite, _ link: Link) -> String? {
        TreatyTimelinePicture.render(treaty: treaty, site: site, link: link)
    }

    /// Agreements still in force run to the latest date the site records, not to the day of the build,
    /// so that the same content always gives the same picture.
    package func siteTimeline(_ site: ResolvedSite, _ link: Link) -> String? {
        guard !site.treaties.isEmpty else { return nil }
        let latest = (site.treaties.flatMap { $0.events.map(\.date) } + site.analyses.map(\.date)).max()
        return SiteTimelinePicture.render(site: site, link: link, today: latest ?? PartialDate(year: 2000)!)
    }
}

/// The network's layout, computed by the first page that asks for it. Laying out is pure, so two pages that ask at
/// once get equal layouts.
private final class NetworkLayoutBox: Sendable {
    typealias Made = (inputs: NetworkPicture.LayoutInputs, layout: NetworkPicture.Layout)
    private let stored = Mutex<Made?>(nil)
    /// The last build's layout, taken if this site's inputs are the same.
    private let offered: Mutex<Made?>

    init(offered: Made?) { self.offered = Mutex(offered) }

    /// The layout, once it is made; until then the one offered, which the next build may take as well.
    var made: Made? { stored.withLock { $0 } ?? offered.withLock { $0 } }

    func get(_ site: ResolvedSite) -> NetworkPicture.Layout {
        if let made = stored.withLock({ $0 }) { return made.layout }
        let inputs = NetworkPicture.LayoutInputs(site: site)
        let layout = offered.withLock { offer -> NetworkPicture.Layout? in
            defer { offer = nil }
            return offer.flatMap { $0.inputs == inputs ? NetworkPicture.layout($0.layout, placedFor: site) : nil }
        } ?? NetworkPicture.layout(site: site)
        stored.withLock { $0 = (inputs, layout) }
        return layout
    }
}
