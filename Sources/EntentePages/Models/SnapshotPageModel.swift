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
    package var snapshots: [SnapshotLinkModel]
    package var networkURL: String

    package static let schema = TemplateSchema<SnapshotPageModel>("snapshot page", PageFrame.schema.fields { $0.frame } + [
        .object("date", "the day it shows (a month or a year: its last day)") { $0.date },
        .optionalText("picture", "the agreements in force that day (inline SVG)") { $0.picture },
        .list("treaties", "the agreements in force that day, with their status then") { $0.treaties },
        .joinedList("snapshots", "every snapshot, oldest first") { $0.snapshots },
        .text("network_url", "the whole network's page") { $0.networkURL },
    ])
}
