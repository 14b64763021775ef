import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// An actor wherever a page links to one.
package struct ActorLinkModel: TemplateModel {
    package var name: String
    package var url: String
    package var kind: String
    package var kindTitle: String

    package static let schema = TemplateSchema<ActorLinkModel>("actor", [
        .text("name", "the actor's name") { $0.name },
        .text("url", "its page, relative to this page") { $0.url },
        .text("kind", "`state`, `organisation`, `faction` or `other`") { $0.kind },
        .text("kind_title", "the kind as a heading (`State`)") { $0.kindTitle },
    ])
}

/// An actor in the actors index: with its region and how many agreements it is party to.
package struct IndexedActorModel: TemplateModel {
    package var link: ActorLinkModel
    package var region: String?
    package var treatyCount: Int

    package static let schema = TemplateSchema<IndexedActorModel>("actor", ActorLinkModel.schema.fields { $0.link } + [
        .optionalText("region", "the actor's region") { $0.region },
        .optionalText("region_key", "the region as a key (`east-asia`), as its page's address and the filter script use it") {
            $0.region.map(ActorFacet.slug(ofRegion:))
        },
        .int("treaty_count", "how many agreements it is party to") { $0.treatyCount },
    ])
}

/// An actor in the network page's table.
package struct NetworkActorModel: TemplateModel {
    package var link: ActorLinkModel
    package var treatyCount: Int
    package var counterpartCount: Int

    package static let schema = TemplateSchema<NetworkActorModel>("actor", ActorLinkModel.schema.fields { $0.link } + [
        .int("treaty_count", "how many agreements it is party to") { $0.treatyCount },
        .int("counterpart_count", "how many actors it shares an agreement with") { $0.counterpartCount },
    ])
}

/// An actor that shares agreements with the actor of the page.
package struct CounterpartModel: TemplateModel {
    package var link: ActorLinkModel
    package var count: Int
    package var pairURL: String

    package static let schema = TemplateSchema<CounterpartModel>("counterpart", ActorLinkModel.schema.fields { $0.link } + [
        .int("count", "how many agreements the two share") { $0.count },
        .text("pair_url", "the page of the two actors' relationship, relative to this page") { $0.pairURL },
    ])
}

/// A party of the treaty of the page, with its own dates.
package struct PartyModel: TemplateModel {
    package var link: ActorLinkModel
    package var note: String?
    package var signed, ratified, acceded, inForce, withdrawn: DateModel?

    package static let schema = TemplateSchema<PartyModel>("party", ActorLinkModel.schema.fields { $0.link } + [
        .optionalText("note", "a note on this party's participation") { $0.note },
        .optionalObject("signed", "when it signed") { $0.signed },
        .optionalObject("ratified", "when it ratified") { $0.ratified },
        .optionalObject("acceded", "when it acceded") { $0.acceded },
        .optionalObject("in_force", "when the agreement entered into force for it") { $0.inForce },
        .optionalObject("withdrawn", "when it withdrew") { $0.withdrawn },
    ])
}
