import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// A link to one of the network's snapshots.
package struct SnapshotLinkModel: TemplateModel {
    package var date: DateModel
    package var url: String
    package var current: Bool

    package static let schema = TemplateSchema<SnapshotLinkModel>("snapshot", [
        .object("date", "the day it shows") { $0.date },
        .text("url", "its page, relative to this page") { $0.url },
        .bool("current", "whether it is the page being shown") { $0.current },
    ])
}

/// The network as it stood on one day: what was in force, drawn where the whole network puts each actor.
package struct SnapshotPageModel: TemplateModel {
    package var frame: PageFrame
    package var date: DateModel
    package var picture: String?
    package var treaties: [IndexedTreatyModel]
    package var possibly: [PossiblyInForceModel]
    package var snapshots: [SnapshotLinkModel]
    package var networkURL: String

    package static let schema = TemplateSchema<SnapshotPageModel>("snapshot page", PageFrame.schema.fields { $0.frame } + [
        .object("date", "the day it shows (a month or a year: its last day)") { $0.date },
        .optionalText("picture", "the agreements in force that day (inline SVG)") { $0.picture },
        .list("treaties", "the agreements in force that day, with their status then") { $0.treaties },
        .joinedList("possibly", "agreements the dated record cannot place on that day, with the reason") { $0.possibly },
        .joinedList("snapshots", "every snapshot, oldest first") { $0.snapshots },
        .text("network_url", "the whole network's page") { $0.networkURL },
    ])
}

/// An agreement that may have been in force on a snapshot day: the record gives no day that settles it.
package struct PossiblyInForceModel: TemplateModel {
    package var treaty: IndexedTreatyModel
    package var reason: String

    package static let schema = TemplateSchema<PossiblyInForceModel>("agreement perhaps in force", IndexedTreatyModel.schema.fields { $0.treaty } + [
        .text("reason", "why the record cannot tell, in a sentence") { $0.reason },
    ])
}

/// An actor on one snapshot day: the agreements binding it then and its counterparts in them.
package struct ActorSnapshotModel: TemplateModel {
    package var snapshot: SnapshotLinkModel
    package var treaties: [TreatyLinkModel]
    package var counterparts: [ActorLinkModel]

    package static let schema = TemplateSchema<ActorSnapshotModel>("actor on a snapshot day", SnapshotLinkModel.schema.fields { $0.snapshot } + [
        .joinedList("treaties", "its agreements in force that day, with their status then") { $0.treaties },
        .joinedList("counterparts", "the actors bound with it by them") { $0.counterparts },
    ])
}

/// An agreement on one snapshot day: its status then.
package struct TreatySnapshotModel: TemplateModel {
    package var snapshot: SnapshotLinkModel
    package var status: String?
    package var statusKey: String?
    package var inForce: Bool

    package static let schema = TemplateSchema<TreatySnapshotModel>("agreement on a snapshot day", SnapshotLinkModel.schema.fields { $0.snapshot } + [
        .optionalText("status", "its status then; absent when nothing had happened yet") { $0.status },
        .optionalText("status_key", "the same as a key") { $0.statusKey },
        .bool("in_force", "whether it bound its parties that day") { $0.inForce },
    ])
}
