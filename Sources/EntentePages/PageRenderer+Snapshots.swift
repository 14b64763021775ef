import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
/// The network's snapshots: what was in force on chosen days.
extension PageRenderer {
    /// `snapshots` of site.yaml, else the first year of each decade the data spans and `as_of`, oldest first.
    package var snapshotDays: [PartialDate] {
        if let chosen = site.config.snapshots { return chosen }
        guard let asOf = site.asOf,
              let first = site.treaties.flatMap({ $0.events.map(\.date) + $0.parties.compactMap(\.signed) }).min() else { return [] }
        let firstDecade = (first.year + 9) / 10 * 10
        var days = stride(from: firstDecade, to: asOf.year, by: 10).compactMap { PartialDate(year: $0) }
        days.append(asOf)
        return days
    }

    package func snapshotLinks(current: PartialDate?, _ root: String) -> [SnapshotLinkModel] {
        snapshotDays.map { day in
            SnapshotLinkModel(date: DateModel(day), url: links.folder("network/" + day.description, from: root), current: day == current)
        }
    }

    package func snapshotPage(_ day: PartialDate, _ root: String) -> PageContent {
        let link: SitePictures.Link = { [links] key in links.page(key, from: root) }
        let inForce = site.treaties.compactMap { treaty -> IndexedTreatyModel? in
            guard let status = treaty.standing(at: day).status, status.isActive else { return nil }
            var model = IndexedTreatyModel(link: treatyLink(treaty.id, root), parties: site.distinctParties(of: treaty).map { actorLink($0, root) })
            (model.link.status, model.link.statusKey) = (status.title, status.rawValue)
            return model
        }
        let model = SnapshotPageModel(
            frame: frame(root, title: "In force on \(day.display)", section: "network",
                         description: "The agreements in force on \(day.display) and the actors they bound.",
                         canonical: canonical(.snapshot(day))),
            date: DateModel(day), picture: pictures.snapshot(day, site, index, link), treaties: inForce,
            snapshots: snapshotLinks(current: day, root), networkURL: links.folder("network", from: root))
        return .page(.snapshot, model)
    }
}
