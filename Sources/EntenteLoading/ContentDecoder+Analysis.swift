import EntenteModel
import EntenteSupport
import Yams
extension ContentDecoder {
    package static let analysisKeys = ["title", "date", "author", "summary", "actors", "treaties", "tags", "draft", "updated",
                                       "corrections"]
    package static let correctionKeys = ["date", "note"]

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
        let updated = fields.date("updated")
        if let updated, let date, updated.isCertainlyBefore(date) {
            fields.error(fields.location("updated"), "'updated' (\(updated)) is before the analysis's date (\(date))")
        }
        var corrections: [Analysis.Correction] = []
        for node in fields.sequence("corrections") {
            var sub = YAMLFields(node, origin: fields.origin, what: "a correction", sourceLines: fields.sourceLines)
            defer { fields.absorb(&sub, known: correctionKeys) }
            // A correction that is not a mapping is reported by YAMLFields, as an event that is not one is.
            guard case .mapping = node else { continue }
            let correctionDate = sub.date("date", required: true)
            let note = sub.string("note", required: true)
            if let correctionDate, let date, correctionDate.isCertainlyBefore(date) {
                sub.error(sub.location("date"), "a correction (\(correctionDate)) cannot be earlier than the analysis (\(date))")
            }
            if let correctionDate, let note { corrections.append(Analysis.Correction(date: correctionDate, note: note)) }
        }
        fields.reportUnknownKeys(known: analysisKeys)
        guard let title, let date, let body = input.body else { return nil }
        var analysis = Analysis(id: id, title: title, date: date, author: author, summary: summary, actors: actors,
                                treaties: treaties, tags: tags, draft: draft, updated: updated,
                                // Oldest first, in the order written when two share a date.
                                corrections: corrections.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
                                    .map(\.element),
                                body: body, location: fields.mappingLocation)
        if !tags.isEmpty { analysis.tagsLocation = fields.location("tags") }
        return analysis
    }
}
