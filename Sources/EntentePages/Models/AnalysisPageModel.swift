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

    package var item: AnalysisItemModel
    package var updated: DateModel?
    package var corrections: [Correction]
    package var body: String
    package var tags: [NamedLinkModel]
    package var actors: [ActorLinkModel]
    package var treaties: [TreatyLinkModel]
    package var mentions: [Mention]

    package static let schema = TemplateSchema<AnalysisDetailModel>("analysis", AnalysisItemModel.schema.fields { $0.item } + [
        .optionalObject("updated", "`updated` of its front matter: when it was last revised") { $0.updated },
        .joinedList("corrections", "its corrections, oldest first") { $0.corrections },
        .text("body", "the text as HTML") { $0.body },
        .joinedList("tags", "its tags") { $0.tags },
        .joinedList("actors", "the actors it is about") { $0.actors },
        .joinedList("treaties", "the agreements it is about") { $0.treaties },
        .joinedList("mentions", "the other pages its text mentions") { $0.mentions },
    ])
}
