import TemplateEngine

/// One agreement's page.
struct TreatyPageModel: TemplateModel {
    var frame: PageFrame
    var treaty: TreatyDetailModel

    static let schema = TemplateSchema<TreatyPageModel>("treaty page", PageFrame.schema.fields { $0.frame } + [
        .object("treaty", "the agreement") { $0.treaty },
    ])
}

/// The agreement of its own page.
struct TreatyDetailModel: TemplateModel {
    /// The agreement's status and where it comes from.
    struct Status: TemplateModel {
        var title: String
        var key: String
        var active: Bool
        var derived: Bool
        var from: StatusSource?

        static let schema = TemplateSchema<Status>("status", [
            .text("title", "the status (`In force`)") { $0.title },
            .text("key", "the same as a key (`in-force`)") { $0.key },
            .bool("active", "whether the agreement binds its parties") { $0.active },
            .bool("derived", "whether it was derived from the events rather than stated") { $0.derived },
            .optionalObject("from", "the event it was derived from") { $0.from },
        ])
    }

    /// The event a derived status comes from.
    struct StatusSource: TemplateModel {
        var type: String
        var date: DateModel

        static let schema = TemplateSchema<StatusSource>("status event", [
            .text("type", "what happened (`Signed`)") { $0.type },
            .object("date", "when") { $0.date },
        ])
    }

    /// One of the agreement's obligations.
    struct Obligation: TemplateModel {
        var name: String
        var key: String

        static let schema = TemplateSchema<Obligation>("obligation", [
            .text("name", "the obligation (`Defence`)") { $0.name },
            .text("key", "the same as a key") { $0.key },
        ])
    }

    /// One provision, as HTML.
    struct Provision: TemplateModel {
        var html: String

        static let schema = TemplateSchema<Provision>("provision", [.text("html", "the provision as HTML") { $0.html }])
    }

    /// One numbered source.
    struct Source: TemplateModel {
        var number: Int
        var title: String
        var url: String
        var date: DateModel?

        static let schema = TemplateSchema<Source>("source", [
            .int("number", "its number, as events cite it") { $0.number },
            .text("title", "its title") { $0.title },
            .text("url", "where it is") { $0.url },
            .optionalObject("date", "its own date, when it has one") { $0.date },
        ])
    }

    /// One event of the agreement.
    struct Event: TemplateModel {
        var date: DateModel
        var type: String
        var typeKey: String
        var note: String?
        var actor: ActorLinkModel?
        var source: Source?

        static let schema = TemplateSchema<Event>("event", [
            .object("date", "when it happened") { $0.date },
            .text("type", "what happened (`Signed`)") { $0.type },
            .text("type_key", "the same as a key") { $0.typeKey },
            .optionalText("note", "a note on the event") { $0.note },
            .optionalObject("actor", "the party it concerns") { $0.actor },
            .optionalObject("source", "the source it cites") { $0.source },
        ])
    }

    var link: TreatyLinkModel
    var id: String
    var aliases: [NameModel]
    var instrumentKey: String
    var isTreaty: Bool
    var instrumentNote: String?
    var kindKey: String?
    var obligations: [Obligation]
    var status: Status?
    var summary: String?
    var body: String?
    var provisions: [Provision]
    var parties: [PartyModel]
    var sources: [Source]
    var events: [Event]
    var supersedes: TreatyLinkModel?
    var supersededBy: [TreatyLinkModel]
    var related: [TreatyLinkModel]
    var sharingParties: [SharingTreatyModel]
    var sharingPartiesMore: Int
    var listings: AnalysisListingsModel
    var feedURL: String
    var dataURL: String
    var picture: String?

    static let schema = TemplateSchema<TreatyDetailModel>("treaty",
        // The link's status is text; here it is the object below.
        TreatyLinkModel.schema.fields(excluding: ["status"]) { $0.link } + [
        .text("id", "the agreement's id") { $0.id },
        .joinedList("aliases", "its other names") { $0.aliases },
        .text("instrument_key", "the instrument as a key (`treaty`)") { $0.instrumentKey },
        .bool("is_treaty", "whether the instrument is a treaty") { $0.isTreaty },
        .optionalText("instrument_note", "why an instrument that is not a treaty does not bind") { $0.instrumentNote },
        .optionalText("kind_key", "the kind as a key") { $0.kindKey },
        .joinedList("obligations", "its obligations") { $0.obligations },
        .optionalObject("status", "its status, stated or derived") { $0.status },
        .optionalText("summary", "its summary as HTML") { $0.summary },
        .optionalText("body", "its text (the file's body) as HTML") { $0.body },
        .list("provisions", "its provisions") { $0.provisions },
        .list("parties", "its parties with their own dates") { $0.parties },
        .list("events", "its events, oldest first") { $0.events },
        .list("sources", "its sources, numbered") { $0.sources },
        .optionalObject("supersedes", "the agreement it replaced") { $0.supersedes },
        .joinedList("superseded_by", "the agreements that replaced it") { $0.supersededBy },
        .joinedList("related", "related agreements") { $0.related },
        .list("sharing_parties", "other agreements that share a party, most shared first") { $0.sharingParties },
        .optionalInt("sharing_parties_more", "how many more share a party than are listed; absent when none") {
            $0.sharingPartiesMore > 0 ? $0.sharingPartiesMore : nil
        },
        .text("feed_url", "its Atom feed") { $0.feedURL },
        .text("data_url", "its JSON record") { $0.dataURL },
        .optionalText("picture", "its events on a time axis (inline SVG)") { $0.picture },
    ] + AnalysisListingsModel.schema.fields { $0.listings })
}
