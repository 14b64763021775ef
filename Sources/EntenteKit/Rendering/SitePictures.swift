/// The SVG pictures of the site, drawn at build time (see `Pictures/`): the pages ask for them here.
struct SitePictures: Sendable {
    typealias Link = @Sendable (EntityKey) -> String

    func network(_ site: ResolvedSite, _ index: SiteIndex, _ link: Link) -> String? { nil }
    func egoNetwork(_ actor: ActorID, _ site: ResolvedSite, _ index: SiteIndex, _ link: Link) -> String? { nil }
    func treatyTimeline(_ treaty: Treaty, _ site: ResolvedSite, _ link: Link) -> String? { nil }
    func siteTimeline(_ site: ResolvedSite, _ link: Link) -> String? { nil }
}
