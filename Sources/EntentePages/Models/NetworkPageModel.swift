import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// The network of agreements.
package struct NetworkPageModel: TemplateModel {
    package struct Kind: TemplateModel {
        package var title: String
        package var key: String
        package var count: Int

        package static let schema = TemplateSchema<Kind>("kind", [
            .text("title", "the kind of agreement (`Defence pact`)") { $0.title },
            .text("key", "the same as a key") { $0.key },
            .int("count", "how many agreements of that kind") { $0.count },
        ])
    }

    package var frame: PageFrame
    package var picture: String?
    package var summary: String
    package var actorCount: Int
    package var treatyCount: Int
    package var kinds: [Kind]
    package var actors: [NetworkActorModel]
    package var snapshots: [SnapshotLinkModel]

    package static let schema = TemplateSchema<NetworkPageModel>("network page", PageFrame.schema.fields { $0.frame } + [
        .optionalText("picture", "the network picture (inline SVG)") { $0.picture },
        .text("summary", "the picture in one sentence") { $0.summary },
        .int("actor_count", "how many actors") { $0.actorCount },
        .int("treaty_count", "how many agreements") { $0.treatyCount },
        .list("kinds", "the kinds of agreement the site has") { $0.kinds },
        .list("actors", "every actor") { $0.actors },
        .joinedList("snapshots", "the network's snapshots, oldest first") { $0.snapshots },
    ])
}
