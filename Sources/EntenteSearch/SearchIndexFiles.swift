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

    /// What an update needs: each page's scores, each term's pages, each term's encoding, each shard's file.
    private var scores: [[String: Int]] = []
    private var postings: [String: [(document: Int, score: Int)]] = [:]
    private var encoded: [String: String] = [:]
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
        scores = documents.map { $0.scores() }
        for (number, pageScores) in scores.enumerated() {
            for (term, score) in pageScores { postings[term, default: []].append((number, score)) }
        }
        for term in postings.keys { postings[term]!.sort { $0.document < $1.document } }
        encodeTerms(Set(postings.keys))
        split = Set(groupSizes.filter { $0.value > Self.splitAbove }.keys)
        writeShards(ofGroups: Set(termsByGroup.keys))
        rows = documents.map(Self.row)
        for number in stride(from: 0, to: documents.count, by: Self.chunkSize) { writeDocs(chunk: number / Self.chunkSize) }
        writeMeta(documents: documents.count)
        if !updatable {
            scores = []
            postings = [:]
            encoded = [:]
            termsByGroup = [:]
            rows = []
        }
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
        var touched: Set<String> = []
        var chunks: Set<Int> = []
        for (number, document) in changed where number < index.rows.count {
            let row = Self.row(document)
            if index.rows[number] != row {
                index.rows[number] = row
                chunks.insert(number / Self.chunkSize)
            }
        }
        for chunk in chunks { index.writeDocs(chunk: chunk) }
        for (number, document) in changed where number < index.scores.count {
            let old = index.scores[number], new = document.scores()
            guard old != new else { continue }
            index.scores[number] = new
            for (term, score) in old where new[term] != score {
                touched.insert(term)
                index.postings[term]?.removeAll { $0.document == number }
            }
            for (term, score) in new where old[term] != score {
                touched.insert(term)
                var list = index.postings[term] ?? []
                let at = list.firstIndex { $0.document >= number } ?? list.count
                list.insert((number, score), at: at)
                index.postings[term] = list
            }
        }
        guard !touched.isEmpty else { return index }
        let oldSplit = index.split
        index.encodeTerms(touched)
        index.split = Set(index.groupSizes.filter { $0.value > Self.splitAbove }.keys)
        var groups = Set(touched.map { SearchWords.shardKey(of: $0, length: 2) })
        groups.formUnion(oldSplit.symmetricDifference(index.split))
        index.writeShards(ofGroups: groups)
        index.writeMeta(documents: index.scores.count)
        return index
    }

    /// Encodes the postings of `terms` (dropping terms no page has any more), keeping each group's size.
    private mutating func encodeTerms(_ terms: Set<String>) {
        for term in terms {
            let group = SearchWords.shardKey(of: term, length: 2)
            if let old = encoded[term] { groupSizes[group, default: 0] -= old.utf8.count + term.utf8.count + 6 }
            guard let list = postings[term], !list.isEmpty else {
                encoded[term] = nil
                postings[term] = nil
                termsByGroup[group]?.remove(term)
                if termsByGroup[group]?.isEmpty == true { termsByGroup[group] = nil; groupSizes[group] = nil }
                continue
            }
            let text = Self.encode(list)
            encoded[term] = text
            groupSizes[group, default: 0] += text.utf8.count + term.utf8.count + 6
            termsByGroup[group, default: []].insert(term)
        }
    }

    /// Writes the shard files of the given two-letter groups afresh (a split group's shards are all its own).
    private mutating func writeShards(ofGroups groups: Set<String>) {
        for key in Array(shardContent.keys) where groups.contains(String(key.unicodeScalars.prefix(2))) { shardContent[key] = nil }
        var shards: [String: [String: String]] = [:]
        for group in groups {
            for term in termsByGroup[group] ?? [] { shards[Self.shard(of: term, split: split), default: [:]][term] = encoded[term] }
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
        var text = ""
        text.reserveCapacity(list.count * 4)
        var previous = 0
        for (position, entry) in list.enumerated() {
            if position > 0 { text += "," }
            text += String(entry.document - previous, radix: 36)
            if entry.score != 1 { text += ":" + String(entry.score, radix: 36) }
            previous = entry.document
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
