import TemplateEngine

/// One analysis's page.
struct AnalysisPageModel: TemplateModel {
    var frame: PageFrame
    var analysis: AnalysisDetailModel

    static let schema = TemplateSchema<AnalysisPageModel>("analysis page", PageFrame.schema.fields { $0.frame } + [
        .object("analysis", "the analysis") { $0.analysis },
    ])
}

/// The analysis of its own page: the item fields with its body and what it is about.
struct AnalysisDetailModel: TemplateModel {
    /// A page the analysis mentions in its text without being about it.
    struct Mention: TemplateModel {
        var name: String
        var url: String
        var kind: String

        static let schema = TemplateSchema<Mention>("mention", [
            .text("name", "the page's name") { $0.name },
            .text("url", "its page") { $0.url },
            .text("kind", "`actor`, `treaty` or `analysis`") { $0.kind },
        ])
    }

    var item: AnalysisItemModel
    var body: String
    var tags: [NamedLinkModel]
    var actors: [ActorLinkModel]
    var treaties: [TreatyLinkModel]
    var mentions: [Mention]

    static let schema = TemplateSchema<AnalysisDetailModel>("analysis", AnalysisItemModel.schema.fields { $0.item } + [
        .text("body", "the text as HTML") { $0.body },
        .joinedList("tags", "its tags") { $0.tags },
        .joinedList("actors", "the actors it is about") { $0.actors },
        .joinedList("treaties", "the agreements it is about") { $0.treaties },
        .joinedList("mentions", "the other pages its text mentions") { $0.mentions },
    ])
}
