import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// One analysis's page.
package struct AnalysisPageModel: TemplateModel {
    package var frame: PageFrame
    package var analysis: AnalysisDetailModel

    package static let schema = TemplateSchema<AnalysisPageModel>("analysis page", PageFrame.schema.fields { $0.frame } + [
        .object("analysis", "the analysis") { $0.analysis },
    ])
}

/// The analysis of its own page: the item fields with its body and what it is about.
package struct AnalysisDetailModel: TemplateModel {
    /// A page the analysis mentions in its text without being about it.
    package struct Mention: TemplateModel {
        package var name: String
        package var url: String
        package var kind: String

        package static let schema = TemplateSchema<Mention>("mention", [
            .text("name", "the page's name") { $0.name },
            .text("url", "its page") { $0.url },
            .text("kind", "`actor`, `treaty` or `analysis`") { $0.kind },
        ])
    }

    /// A correction made after publication.
    package struct Correction: TemplateModel {
        package var date: DateModel
        package var note: String

        package static let schema = TemplateSchema<Correction>("correction", [
            .object("date", "when it was made") { $0.date },
            .text("note", "what was corrected") { $0.note },
        ])
    }

    /// A source of its front matter, numbered as the reference list shows it.
    package struct Source: TemplateModel {
        package var number: Int
        package var anchor: String
        package var title: String
        package var url: String?
        package var publisher: String?
        package var date: DateModel?

        package static let schema = TemplateSchema<Source>("source", [
            .int("number", "its number in the list, from 1") { $0.number },
            .text("anchor", "the id of its entry, which `[text](source:id)` links to") { $0.anchor },
            .text("title", "its title") { $0.title },
            .optionalText("url", "its address") { $0.url },
            .optionalText("publisher", "who published it") { $0.publisher },
            .optionalObject("date", "its date") { $0.date },
        ])
    }

    /// Where an agreement it names stood when it was written, and where it stands now.
    package struct ThenAndNow: TemplateModel {
        /// A status on one day.
        package struct Standing: TemplateModel {
            package var title: String
            package var key: String
            package var uncertain: Bool
            package var steps: String?
            package var doubt: String?

            package static let schema = TemplateSchema<Standing>("standing", [
                .text("title", "the status (`Signed`)") { $0.title },
                .text("key", "the same as a key (`signed`)") { $0.key },
                .bool("uncertain", "whether an event dated only to the month or year may have changed it by that day") { $0.uncertain },
                .optionalText("steps", "the parties' own steps by then that the status does not show (`ratified by Russia`)") { $0.steps },
                .optionalText("doubt", "why it may have been in force that day although the record does not show it") { $0.doubt },
            ])
        }

        package var treaty: TreatyLinkModel
        package var written: DateModel
        package var then: Standing?
        package var now: Standing?
        package var changed: Bool

        package static let schema = TemplateSchema<ThenAndNow>("agreement then and now", TreatyLinkModel.schema.fields { $0.treaty } + [
            .object("written", "the analysis's date (the agreement's own `date` is its signature)") { $0.written },
            .optionalObject("then", "its status on the analysis's date; absent when nothing had happened yet") { $0.then },
            .optionalObject("now", "its status as of the site's `as_of`") { $0.now },
            .bool("changed", "whether the two differ") { $0.changed },
        ])
    }

    package var item: AnalysisItemModel
    package var authors: [AuthorLinkModel]
    package var thenAndNow: [ThenAndNow]
    package var asOf: DateModel?
    package var sources: [Source]
    package var citations: [CitationLinkModel]
    package var updated: DateModel?
    package var corrections: [Correction]
    package var body: String
    package var tags: [NamedLinkModel]
    package var actors: [ActorLinkModel]
    package var treaties: [TreatyLinkModel]
    package var mentions: [Mention]

    package static let schema = TemplateSchema<AnalysisDetailModel>("analysis", AnalysisItemModel.schema.fields { $0.item } + [
        .joinedList("then_and_now", "each agreement it names: its status when written and as of `as_of`") { $0.thenAndNow },
        .optionalObject("as_of", "the day the site's data describes (`as_of`)") { $0.asOf },
        .joinedList("authors", "its authors with pages (`authors:`); `author` is the byline either way") { $0.authors },
        .joinedList("sources", "the sources of its front matter, which its text cites") { $0.sources },
        .joinedList("citations", "its citation as BibTeX, RIS and CSL-JSON files") { $0.citations },
        .optionalObject("updated", "`updated` of its front matter: when it was last revised") { $0.updated },
        .joinedList("corrections", "its corrections, oldest first") { $0.corrections },
        .text("body", "the text as HTML") { $0.body },
        .joinedList("tags", "its tags") { $0.tags },
        .joinedList("actors", "the actors it is about") { $0.actors },
        .joinedList("treaties", "the agreements it is about") { $0.treaties },
        .joinedList("mentions", "the other pages its text mentions") { $0.mentions },
    ])
}
