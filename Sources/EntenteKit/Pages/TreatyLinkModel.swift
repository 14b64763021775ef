import TemplateEngine

/// An agreement wherever a page links to one.
struct TreatyLinkModel: TemplateModel {
    var name: String
    var url: String
    var short: String?
    var instrument: String
    var kind: String?
    var status: String?
    var statusKey: String?
    var date: DateModel?

    static let schema = TemplateSchema<TreatyLinkModel>("treaty", [
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
struct IndexedTreatyModel: TemplateModel {
    var link: TreatyLinkModel
    var parties: [ActorLinkModel]

    static let schema = TemplateSchema<IndexedTreatyModel>("treaty", TreatyLinkModel.schema.fields { $0.link } + [
        .joinedList("parties", "its parties") { $0.parties },
    ])
}

/// An agreement on the page of one of its parties, with that party's dates.
struct ActorTreatyModel: TemplateModel {
    var link: TreatyLinkModel
    var signed, acceded, ratified, withdrawn: DateModel?

    static let schema = TemplateSchema<ActorTreatyModel>("treaty", TreatyLinkModel.schema.fields { $0.link } + [
        .optionalObject("signed", "when the actor signed") { $0.signed },
        .optionalObject("acceded", "when it acceded") { $0.acceded },
        .optionalObject("ratified", "when it ratified") { $0.ratified },
        .optionalObject("withdrawn", "when it withdrew") { $0.withdrawn },
    ])
}

/// An agreement that shares parties with the treaty of the page.
struct SharingTreatyModel: TemplateModel {
    var link: TreatyLinkModel
    var shared: Int

    static let schema = TemplateSchema<SharingTreatyModel>("treaty", TreatyLinkModel.schema.fields { $0.link } + [
        .int("shared", "how many parties the two share") { $0.shared },
    ])
}

/// A name with a link, where a page lists tags or other pages.
struct NamedLinkModel: TemplateModel {
    var name: String
    var url: String

    static let schema = TemplateSchema<NamedLinkModel>("link", [
        .text("name", "the name") { $0.name },
        .text("url", "its page, relative to this page") { $0.url },
    ])
}

/// A name alone: an alias.
struct NameModel: TemplateModel {
    var name: String

    static let schema = TemplateSchema<NameModel>("alias", [.text("name", "the other name") { $0.name }])
}
