import TemplateEngine

/// One actor's page.
struct ActorPageModel: TemplateModel {
    var frame: PageFrame
    var actor: ActorDetailModel

    static let schema = TemplateSchema<ActorPageModel>("actor page", PageFrame.schema.fields { $0.frame } + [
        .object("actor", "the actor") { $0.actor },
    ])
}

/// The actor of its own page.
struct ActorDetailModel: TemplateModel {
    /// The actor's Wikidata item.
    struct Wikidata: TemplateModel {
        var id: String
        var url: String

        static let schema = TemplateSchema<Wikidata>("Wikidata item", [
            .text("id", "the item (`Q159`)") { $0.id },
            .text("url", "its page on Wikidata") { $0.url },
        ])
    }

    var link: ActorLinkModel
    var id: String
    var short: String?
    var aliases: [NameModel]
    var region: String?
    var partOf: ActorLinkModel?
    var parts: [ActorLinkModel]
    var summary: String?
    var profile: String?
    var iso3: String?
    var cow: Int?
    var wikidata: Wikidata?
    var treaties: [ActorTreatyModel]
    var counterparts: [CounterpartModel]
    var listings: AnalysisListingsModel
    var feedURL: String
    var dataURL: String
    var picture: String?

    static let schema = TemplateSchema<ActorDetailModel>("actor", ActorLinkModel.schema.fields { $0.link } + [
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
        .text("feed_url", "its Atom feed") { $0.feedURL },
        .text("data_url", "its JSON record") { $0.dataURL },
        .optionalText("picture", "its network of counterparts (inline SVG)") { $0.picture },
    ] + AnalysisListingsModel.schema.fields { $0.listings })
}

/// The analyses that list an actor or treaty: all of them, and apart, those about it and those that only mention
/// it. The relation is said by the heading, not by each item, so that an item's HTML is the same on every page.
struct AnalysisListingsModel: TemplateModel {
    var all: [ListedAnalysisModel]
    var about: [ListedAnalysisModel]
    var mentioning: [ListedAnalysisModel]

    static let schema = TemplateSchema<AnalysisListingsModel>("listing", [
        .list("analyses", "every analysis about or mentioning it") { $0.all },
        .optionalObject("analyses_about", "those about it (`{{#items}}`), absent when none") {
            $0.about.isEmpty ? nil : ListedAnalysesModel(items: $0.about)
        },
        .optionalObject("analyses_mentioning", "those that only mention it (`{{#items}}`), absent when none") {
            $0.mentioning.isEmpty ? nil : ListedAnalysesModel(items: $0.mentioning)
        },
    ])
}
