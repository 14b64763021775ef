import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
/// The network's snapshots: what was in force on chosen days.
extension PageRenderer {
    /// See `ResolvedSite.snapshotDays`.
    package var snapshotDays: [PartialDate] { site.snapshotDays }

    package func snapshotLinks(current: PartialDate?, _ root: String) -> [SnapshotLinkModel] {
        snapshotDays.map { day in
            SnapshotLinkModel(date: DateModel(day), url: links.folder("network/" + day.description, from: root), current: day == current)
        }
    }

    /// An actor on each snapshot day: what bound it and with whom.
    package func actorSnapshots(_ id: ActorID, _ root: String) -> [ActorSnapshotModel] {
        let treaties = (site.treatiesOfActor[id] ?? []).compactMap { site.treatiesByID[$0] }
        return zip(snapshotDays, snapshotLinks(current: nil, root)).map { day, link in
            var inForce: [TreatyLinkModel] = []
            var counterparts: [ActorID] = []
            for treaty in treaties {
                guard let status = site.snapshotStatuses[day]?[treaty.id], status.isActive else { continue }
                var model = treatyLink(treaty.id, root)
                (model.status, model.statusKey) = (status.title, status.rawValue)
                inForce.append(model)
                for party in site.distinctParties(of: treaty) where party != id && !counterparts.contains(party) {
                    counterparts.append(party)
                }
            }
            let sorted = counterparts.compactMap { site.actorsByID[$0] }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            return ActorSnapshotModel(snapshot: link, treaties: inForce, counterparts: sorted.map { actorLink($0.id, root) })
        }
    }

    /// A treaty's status on each snapshot day.
    package func treatySnapshots(_ treaty: Treaty, _ root: String) -> [TreatySnapshotModel] {
        zip(snapshotDays, snapshotLinks(current: nil, root)).map { day, link in
            let status = site.snapshotStatuses[day]?[treaty.id]
            return TreatySnapshotModel(snapshot: link, status: status?.title, statusKey: status?.rawValue,
                                       inForce: status?.isActive ?? false)
        }
    }

    package func snapshotPage(_ day: PartialDate, _ root: String) -> PageContent {
        let link: SitePictures.Link = { [links] key in links.page(key, from: root) }
        let inForce = site.treaties.compactMap { treaty -> IndexedTreatyModel? in
            guard let status = site.snapshotStatuses[day]?[treaty.id], status.isActive else { return nil }
            var model = IndexedTreatyModel(link: treatyLink(treaty.id, root), parties: site.distinctParties(of: treaty).map { actorLink($0, root) })
            (model.link.status, model.link.statusKey) = (status.title, status.rawValue)
            return model
        }
        let possibly = site.treaties.compactMap { treaty -> PossiblyInForceModel? in
            guard let doubt = treaty.doubt(at: day) else { return nil }
            let model = IndexedTreatyModel(link: treatyLink(treaty.id, root), parties: site.distinctParties(of: treaty).map { actorLink($0, root) })
            return PossiblyInForceModel(treaty: model, reason: Self.sentence(for: doubt))
        }
        let model = SnapshotPageModel(
            frame: frame(root, title: "In force on \(day.display)", section: "network",
                         description: "The agreements in force on \(day.display) and the actors they bound.",
                         canonical: canonical(.snapshot(day))),
            date: DateModel(day), picture: pictures.snapshot(day, site, index, link, pairLink(root)), treaties: inForce, possibly: possibly,
            snapshots: snapshotLinks(current: day, root), networkURL: links.folder("network", from: root))
        return .page(.snapshot, model)
    }

    /// Why an agreement is listed as perhaps in force on a snapshot day.
    static func sentence(for doubt: StandingDoubt) -> String {
        switch doubt {
        case .spanningDates(let events):
            let facts = events.map { "\($0.type.title.lowercased()) \($0.date.display)" }
            return "The record dates it only to the month or year: " + facts.joined(separator: "; ") + "."
        case .undatedEntryIntoForce:
            return "Stated to be in force, but no date of entry into force is on record."
        case .endedLaterUndated(let end):
            return "It ended \(end.display), so it had been in force, but no date of entry into force is on record."
        }
    }
}
