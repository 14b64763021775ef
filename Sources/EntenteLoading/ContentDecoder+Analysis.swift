import EntenteModel
import EntenteSupport
import Yams
extension ContentDecoder {
    package static let analysisKeys = ["title", "date", "author", "authors", "summary", "actors", "treaties", "tags", "draft",
                                       "updated", "corrections", "sources"]
    package static let correctionKeys = ["date", "note"]
    package static let analysisSourceKeys = ["id", "title", "url", "date", "publisher"]

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
        let authors = fields.references("authors", as: AuthorTag.self)
        let sources = analysisSources(&fields)
        fields.reportUnknownKeys(known: analysisKeys)
        guard let title, let date, let body = input.body else { return nil }
        var analysis = Analysis(id: id, title: title, date: date, author: author, summary: summary, actors: actors,
                                treaties: treaties, tags: tags, draft: draft, updated: updated,
                                // Oldest first, in the order written when two share a date.
                                corrections: corrections.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
                                    .map(\.element),
                                body: body, location: fields.mappingLocation)
        if !tags.isEmpty { analysis.tagsLocation = fields.location("tags") }
        analysis.authors = authors
        analysis.sources = sources
        return analysis
    }

    /// `sources:` of an analysis: each with an id, which the text cites as `[text](source:id)`.
    private static func analysisSources(_ fields: inout YAMLFields) -> [Analysis.Source] {
        var sources: [Analysis.Source] = []
        var firstOfID: [String: Int] = [:]
        for (index, node) in fields.sequence("sources").enumerated() {
            var sub = YAMLFields(node, origin: fields.origin, what: "a source", sourceLines: fields.sourceLines)
            defer { fields.absorb(&sub, known: analysisSourceKeys) }
            guard case .mapping = node else { continue }
            let id = sub.string("id", required: true)
            let title = sub.string("title", required: true)
            let url = sub.string("url")
            let date = sub.date("date")
            let publisher = sub.string("publisher")
            if let url, !SafeURL.isExternalWebURL(url) {
                sub.error(sub.location("url"), "a source url must be an http:// or https:// address, not '\(url)'")
            }
            guard let id, let title else { continue }
            if let problem = ActorID.problem(with: id) {
                sub.error(sub.location("id"), "'\(id)' is not a valid source id: \(problem)",
                          suggestion: ActorID.slug(from: id).isEmpty ? nil : "write '\(ActorID.slug(from: id))'")
                continue
            }
            if let first = firstOfID[id] {
                sub.error(sub.location("id"), "two sources have the id '\(id)' (sources \(first + 1) and \(index + 1))",
                          suggestion: "give each source an id of its own")
                continue
            }
            firstOfID[id] = index
            sources.append(Analysis.Source(id: id, title: title, url: url.flatMap { SafeURL.isExternalWebURL($0) ? $0 : nil },
                                           date: date, publisher: publisher))
        }
        return sources
    }
}
