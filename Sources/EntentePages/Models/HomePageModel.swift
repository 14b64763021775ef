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
