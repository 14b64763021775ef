import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// One actor's page.
package struct ActorPageModel: TemplateModel {
    package var frame: PageFrame
    package var actor: ActorDetailModel

    package static let schema = TemplateSchema<ActorPageModel>("actor page", PageFrame.schema.fields { $0.frame } + [
        .object("actor", "the actor") { $0.actor },
    ])
}

/// The actor of its own page.
package struct ActorDetailModel: TemplateModel {
    /// The actor's Wikidata item.
    package struct Wikidata: TemplateModel {
        package var id: String
        package var url: String

        package static let schema = TemplateSchema<Wikidata>("Wikidata item", [
            .text("id", "the item (`Q159`)") { $0.id },
            .text("url", "its page on Wikidata") { $0.url },
        ])
    }

    package var link: ActorLinkModel
    package var id: String
    package var short: String?
    package var aliases: [NameModel]
    package var region: String?
    package var partOf: ActorLinkModel?
    package var parts: [ActorLinkModel]
    package var summary: String?
    package var profile: String?
    package var iso3: String?
    package var cow: Int?
    package var wikidata: Wikidata?
    package var treaties: [ActorTreatyModel]
    package var counterparts: [CounterpartModel]
    package var snapshots: [ActorSnapshotModel]
    package var asOf: DateModel?
    package var listings: AnalysisListingsModel
    package var feedURL: String
    package var dataURL: String
    package var picture: String?

    package static let schema = TemplateSchema<ActorDetailModel>("actor", ActorLinkModel.schema.fields { $0.link } + [
        .text("id", "the actor's id") { $0.id },
        .optionalText("short", "its short name, when it differs from the name") { $0.short },
        .joinedList("aliases", "its other names") { $0.aliases },
        .optionalText("region", "its region") { $0.region },
        .optionalObject("part_of", "the actor it is part of") { $0.partOf },
        .joinedList("parts", "the actors that are part of it") { $0.parts },
        .optionalText("summary", "its summary as HTML") { $0.summary },
        .optionalText("profile", "its profile (the file's text) as HTML") { $0.profile },
        .optionalText("iso3", "its ISO 3166 code") { $0.iso3 },
        .optionalInt("cow", "its Correlates of War state number") { $0.cow },
        .optionalObject("wikidata", "its Wikidata item") { $0.wikidata },
        .list("treaties", "its agreements, oldest first, with its own dates") { $0.treaties },
        .list("counterparts", "the actors it shares agreements with") { $0.counterparts },
        .joinedList("snapshots", "on each snapshot day: its agreements in force and its counterparts then") { $0.snapshots },
        .optionalObject("as_of", "the day its agreements' statuses hold (the site's `as_of`)") { $0.asOf },
        .text("feed_url", "its Atom feed") { $0.feedURL },
        .text("data_url", "its JSON record") { $0.dataURL },
        .optionalText("picture", "its network of counterparts (inline SVG)") { $0.picture },
    ] + AnalysisListingsModel.schema.fields { $0.listings })
}

/// The analyses that list an actor or treaty: all of them, and apart, those about it and those that only mention
/// it. The relation is said by the heading, not by each item, so that an item's HTML is the same on every page.
package struct AnalysisListingsModel: TemplateModel {
    package var all: [ListedAnalysisModel]
    package var about: [ListedAnalysisModel]
    package var mentioning: [ListedAnalysisModel]
    package var more: MoreAnalysesModel?

    package static let schema = TemplateSchema<AnalysisListingsModel>("listing", [
        .list("analyses", "the latest analyses about or mentioning it (at most 20)") { $0.all },
        .optionalObject("analyses_more", "the link to the whole list, absent when all are listed here") { $0.more },
        .optionalObject("analyses_about", "those about it (`{{#items}}`), absent when none") {
            $0.about.isEmpty ? nil : ListedAnalysesModel(items: $0.about)
        },
        .optionalObject("analyses_mentioning", "those that only mention it (`{{#items}}`), absent when none") {
            $0.mentioning.isEmpty ? nil : ListedAnalysesModel(items: $0.mentioning)
        },
    ])
}
