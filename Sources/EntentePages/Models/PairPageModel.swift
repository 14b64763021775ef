import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// Two actors' relationship: the agreements between them on a timeline, their events, and the analyses about or
/// mentioning both.
package struct PairPageModel: TemplateModel {
    package var frame: PageFrame
    package var first: ActorLinkModel
    package var second: ActorLinkModel
    package var treaties: [TreatyLinkModel]
    package var events: [TimelineEventModel]
    package var analyses: [ListedAnalysisModel]
    package var more: MoreAnalysesModel?
    package var asOf: DateModel?

    package static let schema = TemplateSchema<PairPageModel>("pair page", PageFrame.schema.fields { $0.frame } + [
        .object("first", "the actor whose id sorts first") { $0.first },
        .object("second", "the other actor") { $0.second },
        .joinedList("treaties", "the agreements both are parties to, oldest first, with their status as of `as_of`") { $0.treaties },
        .joinedList("events", "those agreements' dated events, oldest first") { $0.events },
        .list("analyses", "the latest analyses about or mentioning both (at most 20), newest first") { $0.analyses },
        .optionalObject("analyses_more", "the link to the whole list, absent when all are listed here") { $0.more },
        .optionalObject("as_of", "the day the site's data describes (`as_of`)") { $0.asOf },
    ])
}
