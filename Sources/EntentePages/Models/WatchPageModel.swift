import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// The watchlist: what is about to change, as of the site's `as_of`.
package struct WatchPageModel: TemplateModel {
    /// An agreement signed but not yet ratified by every party.
    package struct Pending: TemplateModel {
        package var treaty: TreatyLinkModel
        package var ratified: [ActorLinkModel]
        package var awaiting: [ActorLinkModel]
        package var analyses: [NamedLinkModel]
        package var moreAnalyses: MoreAnalysesModel?

        package static let schema = TemplateSchema<Pending>("agreement awaiting ratification", [
            .object("treaty", "the agreement") { $0.treaty },
            .joinedList("ratified", "the parties that have ratified it") { $0.ratified },
            .joinedList("awaiting", "the parties that have not") { $0.awaiting },
            .joinedList("analyses", "the latest analyses about it (at most 3)") { $0.analyses },
            .optionalObject("more_analyses", "all the analyses about it, on its page, when there are more than 3") { $0.moreAnalyses },
        ])
    }

    /// An agreement whose term ends soon.
    package struct Ending: TemplateModel {
        package var treaty: TreatyLinkModel
        package var ends: DateModel
        package var renewal: String?
        package var noticeBy: DateModel?
        package var analyses: [NamedLinkModel]
        package var moreAnalyses: MoreAnalysesModel?

        package static let schema = TemplateSchema<Ending>("agreement whose term ends", [
            .object("treaty", "the agreement") { $0.treaty },
            .object("ends", "when its current term ends") { $0.ends },
            .optionalText("renewal", "how long it renews itself for, unless a party gives notice") { $0.renewal },
            .optionalObject("notice_by", "the last day to give notice to stop the renewal") { $0.noticeBy },
            .joinedList("analyses", "the latest analyses about it (at most 3)") { $0.analyses },
            .optionalObject("more_analyses", "all the analyses about it, on its page, when there are more than 3") { $0.moreAnalyses },
        ])
    }

    /// An event of the last twelve months.
    package struct Recent: TemplateModel {
        package var event: TimelineEventModel
        package var analyses: [NamedLinkModel]
        package var moreAnalyses: MoreAnalysesModel?

        package static let schema = TemplateSchema<Recent>("recent event", TimelineEventModel.schema.fields { $0.event } + [
            .joinedList("analyses", "the latest analyses about its agreement (at most 3)") { $0.analyses },
            .optionalObject("more_analyses", "all the analyses about its agreement, on its page, when there are more than 3") { $0.moreAnalyses },
        ])
    }

    package var frame: PageFrame
    package var asOf: DateModel?
    package var years: Int
    package var pending: [Pending]
    package var ending: [Ending]
    package var recent: [Recent]
    package var feedURL: String
    package var firstPage: Bool
    package var pendingCount: Int
    package var pagination: PaginationModel?

    package static let schema = TemplateSchema<WatchPageModel>("watchlist page", PageFrame.schema.fields { $0.frame } + [
        .optionalObject("as_of", "the day the watchlist is as of (the site's `as_of`)") { $0.asOf },
        .int("years", "how many years ahead terms are watched (`watch_years`)") { $0.years },
        .list("pending", "agreements signed but not ratified by every party, 50 a page") { $0.pending },
        .int("pending_count", "how many agreements await ratification (on all pages)") { $0.pendingCount },
        .bool("first_page", "whether this is the watchlist's first page, which alone shows the terms and the events") { $0.firstPage },
        .optionalObject("pagination", "the links between the pages of agreements awaiting ratification, absent when there is one") { $0.pagination },
        .list("ending", "agreements whose term ends or renews within `years` of `as_of`, soonest first") { $0.ending },
        .list("recent", "events of the twelve months up to `as_of`, newest first") { $0.recent },
        .text("feed_url", "the watchlist's Atom feed") { $0.feedURL },
    ])
}
