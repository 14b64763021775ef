import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// An agreement wherever a page links to one.
package struct TreatyLinkModel: TemplateModel {
    package var name: String
    package var url: String
    package var short: String?
    package var instrument: String
    package var kind: String?
    package var status: String?
    package var statusKey: String?
    package var date: DateModel?

    package static let schema = TemplateSchema<TreatyLinkModel>("treaty", [
        .text("name", "the agreement's name") { $0.name },
        .text("url", "its page, relative to this page") { $0.url },
        .optionalText("short", "its short name") { $0.short },
        .text("instrument", "the kind of instrument (`Treaty`, `Joint statement`)") { $0.instrument },
        .optionalText("kind", "its kind (`Defence pact`)") { $0.kind },
        .optionalText("status", "its status (`In force`)") { $0.status },
        .optionalText("status_key", "the status as a key (`in-force`), for styling") { $0.statusKey },
        .optionalObject("date", "the date it is known by: its signature, else its earliest event") { $0.date },
    ])
}

/// An agreement in the treaties index, with its parties.
package struct IndexedTreatyModel: TemplateModel {
    package var link: TreatyLinkModel
    package var parties: [ActorLinkModel]

    package static let schema = TemplateSchema<IndexedTreatyModel>("treaty", TreatyLinkModel.schema.fields { $0.link } + [
        .joinedList("parties", "its parties") { $0.parties },
    ])
}

/// An agreement on the page of one of its parties, with that party's dates.
package struct ActorTreatyModel: TemplateModel {
    package var link: TreatyLinkModel
    package var signed, acceded, ratified, withdrawn: DateModel?

    package static let schema = TemplateSchema<ActorTreatyModel>("treaty", TreatyLinkModel.schema.fields { $0.link } + [
        .optionalObject("signed", "when the actor signed") { $0.signed },
        .optionalObject("acceded", "when it acceded") { $0.acceded },
        .optionalObject("ratified", "when it ratified") { $0.ratified },
        .optionalObject("withdrawn", "when it withdrew") { $0.withdrawn },
    ])
}

/// An agreement that shares parties with the treaty of the page.
package struct SharingTreatyModel: TemplateModel {
    package var link: TreatyLinkModel
    package var shared: Int

    package static let schema = TemplateSchema<SharingTreatyModel>("treaty", TreatyLinkModel.schema.fields { $0.link } + [
        .int("shared", "how many parties the two share") { $0.shared },
    ])
}

/// A name with a link, where a page lists tags or other pages.
package struct NamedLinkModel: TemplateModel {
    package var name: String
    package var url: String

    package static let schema = TemplateSchema<NamedLinkModel>("link", [
        .text("name", "the name") { $0.name },
        .text("url", "its page, relative to this page") { $0.url },
    ])
}

/// A name alone: an alias.
package struct NameModel: TemplateModel {
    package var name: String

    package static let schema = TemplateSchema<NameModel>("alias", [.text("name", "the other name") { $0.name }])
}
