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

/// The network's layout, computed by the first page that asks for it, under the lock: the network page and a
/// snapshot rendered at once on two cores used to lay the network out twice, the second without the last build's
/// layout (which the first had taken), about 140 ms of a treaty edit.
private final class NetworkLayoutBox: Sendable {
    typealias Made = (inputs: NetworkPicture.LayoutInputs, layout: NetworkPicture.Layout)
    /// The layout once made, else the last build's, which this site takes if its inputs are the same.
    private let state: Mutex<(made: Made?, offered: Made?)>

    init(offered: Made?) { state = Mutex((nil, offered)) }

    /// The layout, once it is made; until then the one offered, which the next build may take as well.
    var made: Made? { state.withLock { $0.made ?? $0.offered } }

    func get(_ site: ResolvedSite) -> NetworkPicture.Layout {
        state.withLock { state in
            if let made = state.made { return made.layout }
            let inputs = NetworkPicture.LayoutInputs(site: site)
            let layout = state.offered.flatMap { $0.inputs == inputs ? NetworkPicture.layout($0.layout, placedFor: site) : nil }
                ?? NetworkPicture.layout(site: site)
            state = ((inputs, layout), nil)
            return layout
        }
    }
}
