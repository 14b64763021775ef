import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// The home page: the latest analyses and events, and counts.
package struct HomePageModel: TemplateModel {
    package var frame: PageFrame
    package var latest: [ListedAnalysisModel]
    package var hasMoreAnalyses: Bool
    package var counts: SiteCountsModel
    package var recentEvents: [TimelineEventModel]

    package static let schema = TemplateSchema<HomePageModel>("home page", PageFrame.schema.fields { $0.frame } + [
        .list("latest", "the newest analyses") { $0.latest },
        .bool("has_more_analyses", "whether there are more than those") { $0.hasMoreAnalyses },
        .object("counts", "how many of each the site has") { $0.counts },
        .list("recent_events", "the latest dated events") { $0.recentEvents },
        .bool("has_recent_events", "whether there is any") { !$0.recentEvents.isEmpty },
    ])
}

/// How many of each the site has.
package struct SiteCountsModel: TemplateModel {
    package var analyses, actors, treaties, events, tags: Int

    package static let schema = TemplateSchema<SiteCountsModel>("count table", [
        .int("analyses") { $0.analyses }, .int("actors") { $0.actors }, .int("treaties") { $0.treaties },
        .int("events") { $0.events }, .int("tags") { $0.tags },
    ])
}

/// Every analysis, newest first, by year.
package struct AnalysesPageModel: TemplateModel {
    package struct Year: TemplateModel {
        package var year: Int
        package var analyses: [ListedAnalysisModel]

        package static let schema = TemplateSchema<Year>("year", [
            .int("year", "the year") { $0.year },
            .list("analyses", "its analyses, newest first") { $0.analyses },
        ])
    }

    package var frame: PageFrame
    package var count: Int
    package var years: [Year]

    package static let schema = TemplateSchema<AnalysesPageModel>("analyses page", PageFrame.schema.fields { $0.frame } + [
        .int("count", "how many analyses") { $0.count },
        .list("years", "the years, newest first") { $0.years },
    ])
}

/// Every actor, by kind.
package struct ActorsPageModel: TemplateModel {
    package struct Group: TemplateModel {
        package var kind: String
        package var title: String
        package var actors: [IndexedActorModel]

        package static let schema = TemplateSchema<Group>("group", [
            .text("kind", "the kind as a key (`state`)") { $0.kind },
            .text("title", "the kind as a heading (`States`)") { $0.title },
            .int("count", "how many actors") { $0.actors.count },
            .list("actors", "the actors") { $0.actors },
        ])
    }

    package var frame: PageFrame
    package var count: Int
    package var groups: [Group]

    package static let schema = TemplateSchema<ActorsPageModel>("actors page", PageFrame.schema.fields { $0.frame } + [
        .int("count", "how many actors") { $0.count },
        .list("groups", "the kinds that have actors") { $0.groups },
    ])
}

/// Every agreement.
package struct TreatiesPageModel: TemplateModel {
    package var frame: PageFrame
    package var treaties: [IndexedTreatyModel]

    package static let schema = TemplateSchema<TreatiesPageModel>("treaties page", PageFrame.schema.fields { $0.frame } + [
        .int("count", "how many agreements") { $0.treaties.count },
        .list("treaties", "the agreements") { $0.treaties },
    ])
}

/// Every tag.
package struct TagsPageModel: TemplateModel {
    package struct Tag: TemplateModel {
        package var name: String
        package var url: String
        package var count: Int

        package static let schema = TemplateSchema<Tag>("tag", [
            .text("name", "the tag") { $0.name },
            .text("url", "its page") { $0.url },
            .int("count", "how many analyses have it") { $0.count },
        ])
    }

    package var frame: PageFrame
    package var tags: [Tag]

    package static let schema = TemplateSchema<TagsPageModel>("tags page", PageFrame.schema.fields { $0.frame } + [
        .list("tags", "the tags") { $0.tags },
    ])
}

/// The analyses of one tag.
package struct TagPageModel: TemplateModel {
    package struct Tag: TemplateModel {
        package var name: String
        package var count: Int

        package static let schema = TemplateSchema<Tag>("tag", [
            .text("name", "the tag") { $0.name },
            .int("count", "how many analyses have it") { $0.count },
        ])
    }

    package var frame: PageFrame
    package var tag: Tag
    package var analyses: [ListedAnalysisModel]

    package static let schema = TemplateSchema<TagPageModel>("tag page", PageFrame.schema.fields { $0.frame } + [
        .object("tag", "the tag") { $0.tag },
        .list("analyses", "its analyses, newest first") { $0.analyses },
    ])
}

/// Every dated event, newest first, by year, with the site's timeline picture.
package struct TimelinePageModel: TemplateModel {
    package struct Year: TemplateModel {
        package var year: Int
        package var events: [TimelineEventModel]

        package static let schema = TemplateSchema<Year>("year", [
            .int("year", "the year") { $0.year },
            .list("events", "its events, newest first") { $0.events },
        ])
    }

    package var frame: PageFrame
    package var count: Int
    package var picture: String?
    package var years: [Year]

    package static let schema = TemplateSchema<TimelinePageModel>("timeline page", PageFrame.schema.fields { $0.frame } + [
        .int("count", "how many events") { $0.count },
        .optionalText("picture", "the timeline picture (inline SVG)") { $0.picture },
        .list("years", "the years, newest first") { $0.years },
    ])
}

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

    package static let schema = TemplateSchema<NetworkPageModel>("network page", PageFrame.schema.fields { $0.frame } + [
        .optionalText("picture", "the network picture (inline SVG)") { $0.picture },
        .text("summary", "the picture in one sentence") { $0.summary },
        .int("actor_count", "how many actors") { $0.actorCount },
        .int("treaty_count", "how many agreements") { $0.treatyCount },
        .list("kinds", "the kinds of agreement the site has") { $0.kinds },
        .list("actors", "every actor") { $0.actors },
    ])
}

/// The search page, which lists every page for readers without JavaScript.
package struct SearchPageModel: TemplateModel {
    package var frame: PageFrame
    package var indexScript: String
    package var searchScript: String
    package var prettyLinks: Bool
    package var analyses: [AnalysisItemModel]
    package var actors: [ActorLinkModel]
    package var treaties: [TreatyLinkModel]

    package static let schema = TemplateSchema<SearchPageModel>("search page", PageFrame.schema.fields { $0.frame } + [
        .text("index_script", "the search index") { $0.indexScript },
        .text("search_script", "the search script") { $0.searchScript },
        .bool("pretty_links", "whether links end in a folder rather than `index.html`") { $0.prettyLinks },
        .list("analyses", "every analysis") { $0.analyses },
        .list("actors", "every actor") { $0.actors },
        .list("treaties", "every agreement") { $0.treaties },
    ])
}

/// The page shown for an address the site does not have.
package struct NotFoundPageModel: TemplateModel {
    package var frame: PageFrame

    package static let schema = TemplateSchema<NotFoundPageModel>("page", PageFrame.schema.fields { $0.frame })
}
