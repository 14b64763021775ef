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
    public let files: [(path: String, content: String)]

    public init(documents: [SearchDocument]) {
        var postings: [String: [(document: Int, score: Int)]] = [:]
        for (number, document) in documents.enumerated() {
            for (term, score) in document.scores() { postings[term, default: []].append((number, score)) }
        }
        // Terms grouped by shard, with the encoded size of each group, to tell which to split.
        var encoded: [String: String] = [:]
        encoded.reserveCapacity(postings.count)
        var shardSizes: [String: Int] = [:]
        for (term, list) in postings {
            let text = Self.encode(list.sorted { $0.document < $1.document })
            encoded[term] = text
            shardSizes[SearchWords.shardKey(of: term, length: 2), default: 0] += text.utf8.count + term.utf8.count + 6
        }
        let split = Set(shardSizes.filter { $0.value > Self.splitAbove }.keys)
        var shards: [String: [String: String]] = [:]
        for (term, text) in encoded {
            shards[Self.shard(of: term, split: split), default: [:]][term] = text
        }
        var files: [(path: String, content: String)] = []
        let meta = Meta(documents: documents.count, chunk: Self.chunkSize, shards: shards.keys.sorted(), split: split.sorted())
        files.append(("index.js", ScriptData.assignment(variable: "ENTENTE_SEARCH", json: ScriptData.json(meta))))
        for key in shards.keys.sorted() {
            files.append(("terms/\(key).js", ScriptData.searchCallback([#""terms""#, ScriptData.json(key), ScriptData.json(shards[key]!)])))
        }
        var start = 0
        while start < documents.count {
            let chunk = documents[start..<min(start + Self.chunkSize, documents.count)].map { document in
                [document.kind.rawValue, document.title, document.path, document.date ?? ""]
            }
            let number = start / Self.chunkSize
            files.append(("docs/\(number).js", ScriptData.searchCallback([#""docs""#, String(number), ScriptData.json(chunk)])))
            start += Self.chunkSize
        }
        self.files = files
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
