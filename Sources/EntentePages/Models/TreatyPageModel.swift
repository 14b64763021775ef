import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// One agreement's page.
package struct TreatyPageModel: TemplateModel {
    package var frame: PageFrame
    package var treaty: TreatyDetailModel

    package static let schema = TemplateSchema<TreatyPageModel>("treaty page", PageFrame.schema.fields { $0.frame } + [
        .object("treaty", "the agreement") { $0.treaty },
    ])
}

/// The agreement of its own page.
package struct TreatyDetailModel: TemplateModel {
    /// The agreement's status and where it comes from.
    package struct Status: TemplateModel {
        package var title: String
        package var key: String
        package var active: Bool
        package var derived: Bool
        package var from: StatusSource?
        package var asOf: DateModel?

        package static let schema = TemplateSchema<Status>("status", [
            .text("title", "the status (`In force`)") { $0.title },
            .text("key", "the same as a key (`in-force`)") { $0.key },
            .bool("active", "whether the agreement binds its parties") { $0.active },
            .bool("derived", "whether it was derived from the events rather than stated") { $0.derived },
            .optionalObject("from", "the event it was derived from") { $0.from },
            .optionalObject("as_of", "the day the site's data describes (`as_of`): the status holds as of then") { $0.asOf },
        ])
    }

    /// How long the agreement binds, and how it renews itself.
    package struct Term: TemplateModel {
        package var length: String?
        package var expires: DateModel?
        package var termEnds: DateModel?
        package var expired: Bool
        package var renewal: String?
        package var notice: String?

        package static let schema = TemplateSchema<Term>("term", [
            .optionalText("length", "its term (`20 years`, `indefinite`)") { $0.length },
            .optionalObject("expires", "when the first term ends: `expires`, else entry into force plus the term") { $0.expires },
            .optionalObject("term_ends", "when the term running on the site's `as_of` ends, renewals included") { $0.termEnds },
            .bool("expired", "whether the term had run out by `as_of` with no renewal") { $0.expired },
            .optionalText("renewal", "each automatic renewal's length (`5 years`)") { $0.renewal },
            .optionalText("notice", "the notice that stops a renewal (`1 year`)") { $0.notice },
        ])
    }

    /// The event a derived status comes from.
    package struct StatusSource: TemplateModel {
        package var type: String
        package var date: DateModel

        package static let schema = TemplateSchema<StatusSource>("status event", [
            .text("type", "what happened (`Signed`)") { $0.type },
            .object("date", "when") { $0.date },
        ])
    }

    /// One of the agreement's obligations.
    package struct Obligation: TemplateModel {
        package var name: String
        package var key: String

        package static let schema = TemplateSchema<Obligation>("obligation", [
            .text("name", "the obligation (`Defence`)") { $0.name },
            .text("key", "the same as a key") { $0.key },
        ])
    }

    /// One provision, as HTML.
    package struct Provision: TemplateModel {
        package var html: String

        package static let schema = TemplateSchema<Provision>("provision", [.text("html", "the provision as HTML") { $0.html }])
    }

    /// One numbered source.
    package struct Source: TemplateModel {
        package var number: Int
        package var title: String
        package var url: String
        package var date: DateModel?

        package static let schema = TemplateSchema<Source>("source", [
            .int("number", "its number, as events cite it") { $0.number },
            .text("title", "its title") { $0.title },
            .text("url", "where it is") { $0.url },
            .optionalObject("date", "its own date, when it has one") { $0.date },
        ])
    }

    /// One event of the agreement.
    package struct Event: TemplateModel {
        package var date: DateModel
        package var type: String
        package var typeKey: String
        package var note: String?
        package var actor: ActorLinkModel?
        package var source: Source?

        package static let schema = TemplateSchema<Event>("event", [
            .object("date", "when it happened") { $0.date },
            .text("type", "what happened (`Signed`)") { $0.type },
            .text("type_key", "the same as a key") { $0.typeKey },
            .optionalText("note", "a note on the event") { $0.note },
            .optionalObject("actor", "the party it concerns") { $0.actor },
            .optionalObject("source", "the source it cites") { $0.source },
        ])
    }

    package var link: TreatyLinkModel
    package var id: String
    package var aliases: [NameModel]
    package var instrumentKey: String
    package var isTreaty: Bool
    package var instrumentNote: String?
    package var kindKey: String?
    package var obligations: [Obligation]
    package var status: Status?
    package var summary: String?
    package var body: String?
    package var provisions: [Provision]
    package var parties: [PartyModel]
    package var sources: [Source]
    package var events: [Event]
    package var supersedes: TreatyLinkModel?
    package var supersededBy: [TreatyLinkModel]
    package var related: [TreatyLinkModel]
    package var sharingParties: [SharingTreatyModel]
    package var sharingPartiesMore: Int
    package var listings: AnalysisListingsModel
    package var feedURL: String
    package var dataURL: String
    package var citations: [CitationLinkModel]
    package var snapshots: [TreatySnapshotModel]
    package var term: Term?
    package var picture: String?

    package static let schema = TemplateSchema<TreatyDetailModel>("treaty",
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
        .joinedList("citations", "its citation as BibTeX, RIS and CSL-JSON files") { $0.citations },
        .optionalObject("term", "its term, expiry and renewal, when the record gives any") { $0.term },
        .joinedList("snapshots", "its status on each of the network's snapshot days") { $0.snapshots },
        .optionalText("picture", "its events on a time axis (inline SVG)") { $0.picture },
    ] + AnalysisListingsModel.schema.fields { $0.listings })
}
