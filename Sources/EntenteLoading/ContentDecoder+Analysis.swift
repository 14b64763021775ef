import EntenteModel
import EntenteSupport
extension ContentDecoder {
    package static let analysisKeys = ["title", "date", "author", "summary", "actors", "treaties", "tags", "draft"]

    package static func analysis(id: AnalysisID, _ input: inout Fields) -> Analysis? {
        var fields = input.fields
        defer { input.fields = fields }
        let title = fields.string("title", required: true)
        let date = fields.date("date", required: true)
        let author = fields.string("author")
        let summary = fields.string("summary")
        let actors = fields.references("actors", as: ActorTag.self)
        let treaties = fields.references("treaties", as: TreatyTag.self)
        var tags: [String] = []
        for tag in fields.stringList("tags") {
            if AnalysisID.slug(from: tag).isEmpty {
                fields.error(fields.location("tags"), "the tag '\(tag)' has no letters or digits to make a page name from")
            } else if !tags.contains(tag) {
                tags.append(tag)
            }
        }
        let draft = fields.bool("draft") ?? false
        fields.reportUnknownKeys(known: analysisKeys)
        guard let title, let date, let body = input.body else { return nil }
        var analysis = Analysis(id: id, title: title, date: date, author: author, summary: summary, actors: actors,
                                treaties: treaties, tags: tags, draft: draft, body: body, location: fields.mappingLocation)
        if !tags.isEmpty { analysis.tagsLocation = fields.location("tags") }
        return analysis
    }
}
