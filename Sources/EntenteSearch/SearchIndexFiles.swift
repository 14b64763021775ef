/// The full-text index as small files that the search page loads as it needs them, so that the first query on a
/// large site loads a few of them rather than the whole index:
///
/// - `search/index.js`: which shards exist and how many pages there are (`window.ENTENTE_SEARCH`);
/// - `search/terms/<key>.js`: the terms that begin with `<key>`, each with the pages it is in and its score there;
/// - `search/docs/<n>.js`: the title, kind, folder and date of pages `n × chunkSize` onwards.
///
/// Each page's own text, for the result's snippet, is a file of its own beside it (`SearchIndexFiles.textFile`).
/// Every file is a script that calls `ENTENTE_SEARCH_LOADED`, so that it loads from `file://` as from a web host.
public struct SearchIndexFiles: Sendable {
    /// Pages per `docs` file: a result list of ten reads at most ten of them.
    public static let chunkSize = 64
    /// A shard larger than this many bytes is split by the terms' first three characters.
    public static let splitAbove = 40_000
    /// A page's text file holds at most this many bytes of its text (a match further on is shown without a snippet).
    public static let textLimit = 20_000
    /// The name of a page's text file, in the page's folder.
    public static let textFile = "text.js"

    /// Each file's path under `search/` (`index.js`, `terms/co.js`, `docs/0.js`) and its content.
    public var files: [(path: String, content: String)] {
        [("index.js", meta)] + shardContent.keys.sorted().map { ("terms/\($0).js", shardContent[$0]!) } + docsFiles
    }

    /// A term's number and its score on one page.
    private struct Scored: Equatable {
        var term: Int32
        var score: Int32
    }

    /// A page's number and a term's score on it.
    struct Posting: Equatable {
        var document: Int32
        var score: Int32
    }

    /// What an update needs: each page's scores, each term's pages, each term's encoding, each shard's file.
    /// Terms are numbered and pages' scores are sorted arrays of numbers: on a 10,000-analysis site there are over
    /// a million scores, and a dictionary of strings per page held over 40 MB of the preview's memory.
    private var termNumbers: [String: Int32] = [:]
    private var termNames: [String] = []
    /// By page number: its terms' scores, by term number.
    private var scores: [[Scored]] = []
    /// By term number: the pages it is on, by page number.
    private var postings: [[Posting]] = []
    /// By term number: its postings as the shard writes them; nil when no page has it.
    private var encoded: [String?] = []
    private var groupSizes: [String: Int] = [:]
    private var termsByGroup: [String: Set<String>] = [:]
    private var split: Set<String> = []
    private var shardContent: [String: String] = [:]
    private var meta = ""
    private var docsFiles: [(path: String, content: String)] = []
    private var rows: [[String]] = []

    /// With `updatable` false (a one-off build), what only `updating(_:)` needs is let go once the files are written.
    public init(documents: [SearchDocument], updatable: Bool = true) {
        docsCount = documents.count
        scores.reserveCapacity(documents.count)
        for document in documents { scores.append(scored(document)) }
        postings = Array(repeating: [], count: termNames.count)
        encoded = Array(repeating: nil, count: termNames.count)
        // Pages in order: each term's list comes out sorted by page.
        for (number, pageScores) in scores.enumerated() {
            for scored in pageScores { postings[Int(scored.term)].append(Posting(document: Int32(number), score: scored.score)) }
        }
        encodeTerms(0..<Int32(termNames.count))
        split = Set(groupSizes.filter { $0.value > Self.splitAbove }.keys)
        writeShards(ofGroups: Set(termsByGroup.keys))
        rows = documents.map(Self.row)
        for number in stride(from: 0, to: documents.count, by: Self.chunkSize) { writeDocs(chunk: number / Self.chunkSize) }
        writeMeta(documents: documents.count)
        if !updatable {
            termNumbers = [:]
            termNames = []
            scores = []
            postings = []
            encoded = []
            termsByGroup = [:]
            rows = []
        }
    }

    /// A page's scores by term number, numbering the terms not seen before: `document.scores()`, without a
    /// dictionary of strings per page. The body's terms are distinct, so each is numbered with one look-up; the few
    /// terms of the short fields are merged in after.
    private mutating func scored(_ document: SearchDocument) -> [Scored] {
        var result: [Scored] = []
        result.reserveCapacity(document.body.terms.count)
        for (term, count) in zip(document.body.terms, document.body.counts) {
            result.append(Scored(term: number(of: term), score: Int32(min(Int(count), SearchDocument.bodyCap))))
        }
        result.sort { $0.term < $1.term }
        var fieldScores: [Scored] = []
        for (text, field) in document.fields {
            // A field counts once however often it repeats a word.
            for term in Set(SearchWords.terms(in: text)) {
                fieldScores.append(Scored(term: number(of: term), score: Int32(field.rawValue)))
            }
        }
        guard !fieldScores.isEmpty else { return result }
        fieldScores.sort { $0.term < $1.term }
        var merged: [Scored] = []
        merged.reserveCapacity(result.count + fieldScores.count)
        var (body, fields) = (0, 0)
        while body < result.count || fields < fieldScores.count {
            let next: Scored
            if fields == fieldScores.count || (body < result.count && result[body].term <= fieldScores[fields].term) {
                next = result[body]
                body += 1
            } else {
                next = fieldScores[fields]
                fields += 1
            }
            if merged.last?.term == next.term { merged[merged.count - 1].score += next.score } else { merged.append(next) }
        }
        return merged
    }

    /// What `scored` makes of `document`, by term: `document.scores()`.
    func scoresByTerm(of document: SearchDocument) -> [String: Int] {
        var index = self
        let scored = index.scored(document)
        return Dictionary(uniqueKeysWithValues: scored.map { (index.termNames[Int($0.term)], Int($0.score)) })
    }

    /// A term's number, the next one if it is new.
    private mutating func number(of term: String) -> Int32 {
        if let known = termNumbers[term] { return known }
        let number = Int32(termNames.count)
        termNumbers[term] = number
        termNames.append(term)
        return number
    }

    /// What the result list shows of a page: its kind, title, folder and date.
    private static func row(_ document: SearchDocument) -> [String] {
        [document.kind.rawValue, document.title, document.path, document.date ?? ""]
    }

    /// Writes the `docs` file of pages `chunk × chunkSize` onwards.
    private mutating func writeDocs(chunk: Int) {
        let start = chunk * Self.chunkSize
        let content = ScriptData.searchCallback([#""docs""#, String(chunk),
                                                 ScriptData.json(Array(rows[start..<min(start + Self.chunkSize, rows.count)]))])
        if chunk < docsFiles.count {
            docsFiles[chunk].content = content
        } else {
            docsFiles.append(("docs/\(chunk).js", content))
        }
    }

    /// Whether `updating(_:)` can be used: the index was made with `updatable`.
    public var isUpdatable: Bool { scores.count == docsCount && rows.count == docsCount }
    private var docsCount = 0

    /// The index after some pages changed (the same pages, in the same order): only their terms are scored
    /// again, only the shards of the terms that changed are written again, and only the `docs` files of the pages
    /// whose title, kind, folder or date changed. The preview server's rebuild after an edit.
    public func updating(_ changed: [Int: SearchDocument]) -> SearchIndexFiles {
        var index = self
        var touched: Set<Int32> = []
        var chunks: Set<Int> = []
        for (number, document) in changed where number < index.rows.count {
            let row = Self.row(document)
            if index.rows[number] != row {
                index.rows[number] = row
                chunks.insert(number / Self.chunkSize)
            }
        }
        for chunk in chunks { index.writeDocs(chunk: chunk) }
        for (number, document) in changed.sorted(by: { $0.key < $1.key }) where number < index.scores.count {
            let old = index.scores[number], new = index.scored(document)
            guard old != new else { continue }
            index.scores[number] = new
            let added = index.termNames.count - index.postings.count
            index.postings += repeatElement([], count: added)
            index.encoded += repeatElement(nil, count: added)
            // Both sorted by term: one walk finds the terms dropped, added and scored anew.
            let page = Int32(number)
            var (i, j) = (0, 0)
            while i < old.count || j < new.count {
                if j == new.count || (i < old.count && old[i].term < new[j].term) {
                    index.postings[Int(old[i].term)].removeAll { $0.document == page }
                    touched.insert(old[i].term)
                    i += 1
                } else if i == old.count || new[j].term < old[i].term {
                    let term = Int(new[j].term)
                    let at = index.postings[term].firstIndex { $0.document >= page } ?? index.postings[term].count
                    index.postings[term].insert(Posting(document: page, score: new[j].score), at: at)
                    touched.insert(new[j].term)
                    j += 1
                } else {
                    if old[i].score != new[j].score {
                        let term = Int(new[j].term)
                        if let at = index.postings[term].firstIndex(where: { $0.document == page }) {
                            index.postings[term][at].score = new[j].score
                        }
                        touched.insert(new[j].term)
                    }
                    (i, j) = (i + 1, j + 1)
                }
            }
        }
        guard !touched.isEmpty else { return index }
        let oldSplit = index.split
        index.encodeTerms(touched)
        index.split = Set(index.groupSizes.filter { $0.value > Self.splitAbove }.keys)
        var groups = Set(touched.map { SearchWords.shardKey(of: index.termNames[Int($0)], length: 2) })
        groups.formUnion(oldSplit.symmetricDifference(index.split))
        index.writeShards(ofGroups: groups)
        index.writeMeta(documents: index.scores.count)
        return index
    }

    /// Encodes the postings of `terms` (dropping terms no page has any more), keeping each group's size.
    private mutating func encodeTerms<Terms: Sequence<Int32>>(_ terms: Terms) {
        for number in terms {
            let term = termNames[Int(number)]
            let group = SearchWords.shardKey(of: term, length: 2)
            if let old = encoded[Int(number)] { groupSizes[group, default: 0] -= old.utf8.count + term.utf8.count + 6 }
            let list = postings[Int(number)]
            guard !list.isEmpty else {
                encoded[Int(number)] = nil
                termsByGroup[group]?.remove(term)
                if termsByGroup[group]?.isEmpty == true { termsByGroup[group] = nil; groupSizes[group] = nil }
                continue
            }
            let text = Self.encode(list)
            encoded[Int(number)] = text
            groupSizes[group, default: 0] += text.utf8.count + term.utf8.count + 6
            termsByGroup[group, default: []].insert(term)
        }
    }

    /// Writes the shard files of the given two-letter groups afresh (a split group's shards are all its own).
    private mutating func writeShards(ofGroups groups: Set<String>) {
        for key in Array(shardContent.keys) where groups.contains(String(key.unicodeScalars.prefix(2))) { shardContent[key] = nil }
        var shards: [String: [String: String]] = [:]
        for group in groups {
            for term in termsByGroup[group] ?? [] {
                shards[Self.shard(of: term, split: split), default: [:]][term] = termNumbers[term].flatMap { encoded[Int($0)] }
            }
        }
        for (key, terms) in shards {
            shardContent[key] = ScriptData.searchCallback([#""terms""#, ScriptData.json(key), ScriptData.json(terms)])
        }
    }

    private mutating func writeMeta(documents: Int) {
        let meta = Meta(documents: documents, chunk: Self.chunkSize, shards: shardContent.keys.sorted(), split: split.sorted())
        self.meta = ScriptData.assignment(variable: "ENTENTE_SEARCH", json: ScriptData.json(meta))
    }

    /// The shard a term is kept in, given the shards that are split.
    public static func shard(of term: String, split: Set<String>) -> String {
        let key = SearchWords.shardKey(of: term, length: 2)
        return split.contains(key) && term.unicodeScalars.count > 2 ? SearchWords.shardKey(of: term, length: 3) : key
    }

    /// A page's text file: its folder, so that the script knows which result it is for, and its text.
    public static func textScript(path: String, text: String) -> String {
        var text = text
        if text.utf8.count > textLimit {
            // Cut at the last whole character within the limit.
            var bytes = 0
            var end = text.unicodeScalars.endIndex
            for index in text.unicodeScalars.indices {
                bytes += UTF8.width(text.unicodeScalars[index])
                if bytes > textLimit { end = index; break }
            }
            text = String(text.unicodeScalars[..<end])
        }
        return ScriptData.searchCallback([#""text""#, ScriptData.json(path), ScriptData.json(text)])
    }

    /// A term's pages as `delta[:score]` in base 36, comma-separated: the gap from the previous page's number,
    /// and the score when it is not 1. Pages are in ascending order.
    static func encode(_ list: [(document: Int, score: Int)]) -> String {
        encode(list.map { Posting(document: Int32($0.document), score: Int32($0.score)) })
    }

    static func encode(_ list: [Posting]) -> String {
        var text = ""
        text.reserveCapacity(list.count * 4)
        var previous = 0
        for (position, entry) in list.enumerated() {
            if position > 0 { text += "," }
            text += String(Int(entry.document) - previous, radix: 36)
            if entry.score != 1 { text += ":" + String(entry.score, radix: 36) }
            previous = Int(entry.document)
        }
        return text
    }

    private struct Meta: Encodable {
        var documents: Int
        var chunk: Int
        var shards: [String]
        var split: [String]
    }
}
