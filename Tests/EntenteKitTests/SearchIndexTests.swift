import Testing
import Foundation
@testable import EntenteSearch
import EntenteTestSupport

@Suite("Full-text search: words, scores and the index's files")
struct SearchIndexTests {
    @Test("words are folded as search.js folds a query: lower case, accents dropped, split at anything else")
    func folding() {
        #expect(SearchWords.terms(in: "Bhārat's NATO-led Élysée talks, 1949") == ["bharat", "nato", "led", "elysee", "talks", "1949"])
        #expect(SearchWords.terms(in: "Россия и КНДР") == ["россия", "кндр"], "other scripts are kept, one-letter words left out")
        #expect(SearchWords.terms(in: "The state of the art") == ["state", "art"], "the commonest words are left out")
        #expect(SearchWords.terms(in: "São Tomé—Príncipe") == ["sao", "tome", "principe"])
    }

    @Test("a text's term counts are those of its terms counted one by one, for any mix of words")
    func termCounts() {
        var random = SplitMix(seed: 7)
        let vocabulary = ["The", "of", "NATO", "nato", "Élysée", "elysee", "Россия", "и", "São", "x", "1949", "to",
                          "their", "theirs", "a", String(repeating: "long", count: 30), String(repeating: "LONG", count: 40), "Bhārat's", "ŒUVRE", "e\u{301}té"]
        for length in [0, 1, 5, 50, 400, 3_000] {
            let text = (0..<length).map { _ -> String in
                // Fresh words too, so that the counter's table grows past its first size.
                Int.random(in: 0..<4, using: &random) == 0 ? "w\(Int.random(in: 0..<2_000, using: &random))"
                    : vocabulary.randomElement(using: &random)!
            }.joined(separator: [" ", ", ", "—", "\n", "-"].randomElement(using: &random)!)
            let expected = Dictionary(SearchWords.terms(in: text).map { ($0, 1) }, uniquingKeysWith: +).sorted { $0.key < $1.key }
            let counted = SearchTerms(text: text)
            // Split the obvious way: what is neither letter nor digit separates, every word folded on its own.
            let reference = text.split { !$0.isLetter && !$0.isNumber }.flatMap { SearchWords.foldSlowly(String($0)) }
                .filter { $0.unicodeScalars.count >= 2 && !SearchWords.stopWords.contains($0) }
            #expect(SearchWords.terms(in: text) == reference, "\(length) words")
            #expect(counted.terms == expected.map(\.key), "\(length) words")
            #expect(counted.counts == expected.map { UInt16($0.value) }, "\(length) words")
        }
    }

    @Test("the index scores a page's terms as the rule says, whether they are in its text, its fields or both")
    func indexScores() {
        var random = SplitMix(seed: 11)
        let words = ["nato", "treaty", "alliance", "Russia", "india", "pact", "the", "ports", "summit", "Élysée"]
        func text(_ count: Int) -> String {
            (0..<count).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
        }
        let fields: [SearchDocument.Field] = [.title, .name, .tag, .summary, .detail]
        let documents = (0..<40).map { number in
            SearchDocument(kind: .analysis, title: "Page \(number)", path: "analyses/\(number)/", date: nil,
                           fields: (0..<Int.random(in: 0..<5, using: &random)).map { _ in (text(Int.random(in: 1..<6, using: &random)), fields.randomElement(using: &random)!) },
                           body: SearchTerms(text: text(Int.random(in: 0..<30, using: &random))))
        }
        let index = SearchIndexFiles(documents: documents)
        for document in documents {
            #expect(index.scoresByTerm(of: document) == document.scores(), "\(document.fields) \(document.body.terms)")
        }
    }

    @Test("the stop words and folding rules in search.js are the index's")
    func scriptMatchesTheIndex() throws {
        let script = try String(contentsOf: Self.repository.appending(path: "Templates/assets/search.js"), encoding: .utf8)
        for word in SearchWords.stopWords { #expect(script.contains("\"\(word)\""), "search.js leaves out '\(word)' too") }
        #expect(script.contains(#"[^\p{L}\p{N}]+/u"#))
        #expect(script.contains(#"replace(/[\u0300-\u036f]/g, "")"#))
    }

    @Test("a word of a title or name scores above the same word in the text, however often it is there")
    func ranking() {
        let titled = SearchDocument(kind: .treaty, title: "North Atlantic Treaty", path: "treaties/nato/", date: nil,
                                    fields: [("North Atlantic Treaty", .title), ("NATO", .name)], body: SearchTerms(text: "An alliance."))
        let mentioned = SearchDocument(kind: .analysis, title: "A summit", path: "analyses/a/", date: nil,
                                       fields: [("A summit", .title)], body: SearchTerms(text: String(repeating: "NATO allies met. ", count: 50)))
        #expect(titled.scores()["nato"] == SearchDocument.Field.name.rawValue)
        #expect(mentioned.scores()["nato"] == SearchDocument.bodyCap)
        #expect(titled.scores()["alliance"] == 1)
    }

    @Test("postings are ascending page numbers as base-36 gaps, with the score when it is not 1")
    func encoding() {
        #expect(SearchIndexFiles.encode([(0, 1), (3, 32), (40, 1)]) == "0,3:w,11")
    }

    @Test("every term is in the shard its first letters name; a large shard is split by three letters")
    func shards() throws {
        var documents: [SearchDocument] = []
        // Enough pages with "concord…" words to make the "co" shard larger than a shard may be.
        for number in 0..<8_000 {
            documents.append(SearchDocument(kind: .analysis, title: "Page \(number)", path: "analyses/p\(number)/", date: nil,
                                            fields: [], body: SearchTerms(text: "concord conference council co zebra")))
        }
        let files = SearchIndexFiles(documents: documents).files
        let paths = Set(files.map(\.path))
        #expect(paths.contains("terms/con.js") && paths.contains("terms/cou.js") && paths.contains("terms/co.js"))
        #expect(paths.contains("terms/ze.js") && !paths.contains("terms/zeb.js"))
        #expect(SearchIndexFiles.shard(of: "concord", split: ["co"]) == "con")
        #expect(SearchIndexFiles.shard(of: "co", split: ["co"]) == "co")
        #expect(SearchIndexFiles.shard(of: "élan", split: []) == "_l")
        let docs = try #require(files.first { $0.path == "docs/124.js" })
        #expect(docs.content.contains(#"["a","Page 7999","analyses/p7999/",""]"#), "8,000 pages in files of 64")
        for file in files where file.path.hasPrefix("terms/") {
            #expect(file.content.utf8.count < SearchIndexFiles.splitAbove + 1_000 || file.path.count > "terms/co.js".count,
                    "\(file.path) is \(file.content.utf8.count) bytes")
        }
    }

    @Test("an index updated after edits (texts, titles, dates) is the index made afresh, byte for byte, shard splits included",
          arguments: [1, 2, 3])
    func updateEqualsRebuild(seed: Int) {
        var random = SplitMix(seed: UInt64(seed))
        let vocabulary = ["concord", "conference", "council", "co", "zebra", "treaty", "élan", "pact", "partner", "summit",
                          "ratify", "1949", "нато", "alliance", "cold", "war"]
        func text() -> String {
            (0..<Int.random(in: 0...12, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ")
        }
        var documents = (0..<300).map { number in
            SearchDocument(kind: .analysis, title: "Page \(number)", path: "analyses/p\(number)/", date: nil,
                           fields: [("Page \(number)", .title)], body: SearchTerms(text: text()))
        }
        var index = SearchIndexFiles(documents: documents)
        for _ in 0..<5 {
            var changed: [Int: SearchDocument] = [:]
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                let number = Int.random(in: 0..<documents.count, using: &random)
                // Sometimes many pages gain "concord" at once, so that the "co" shard is split, or loses it again.
                documents[number].body = SearchTerms(text: Bool.random(using: &random) ? text() : String(repeating: "concord conference ", count: 3))
                // Sometimes its title (a field of its own, so its terms too) and its date change.
                if Int.random(in: 0..<4, using: &random) == 0 {
                    let title = "Page \(number) " + text()
                    documents[number] = SearchDocument(kind: .analysis, title: title, path: documents[number].path,
                                                       date: "\(2000 + number % 20)", fields: [(title, .title)], body: documents[number].body)
                }
                changed[number] = documents[number]
            }
            index = index.updating(changed)
            let fresh = SearchIndexFiles(documents: documents)
            #expect(index.files.map(\.path) == fresh.files.map(\.path))
            #expect(index.files.map(\.content) == fresh.files.map(\.content))
        }
    }

    @Test("a page's text file is cut at a whole character within the limit")
    func textLimit() {
        let long = String(repeating: "é", count: SearchIndexFiles.textLimit)
        let script = SearchIndexFiles.textScript(path: "analyses/a/", text: long)
        let body = script.dropFirst(#"ENTENTE_SEARCH_LOADED("text","analyses/a/",""#.count).dropLast(4)
        #expect(body.utf8.count == SearchIndexFiles.textLimit && body.allSatisfy { $0 == "é" })
    }

    @Test("HTML as plain text: tags dropped, entities decoded, spaces made one")
    func plainText() {
        #expect(PlainText.fromHTML("<p>A &amp; B</p>\n<p><em>C</em>&lt;D&gt;</p>\n") == "A & B C<D>")
        #expect(PlainText.fromHTML("\n\t <p>  x\t\ty </p> \n") == "x y", "no space at either end, runs made one")
        #expect(PlainText.fromHTML("&quot;é&#39;s&quot; &amp;amp; &nbsp;") == "\"é's\" &amp; &nbsp;", "only the five, once")
        #expect(PlainText.fromHTML("<br />") == "" && PlainText.fromHTML("") == "")
        #expect(PlainText.fromHTML("a &lt;b&gt; c") == "a <b> c", "a decoded bracket is text, not a tag")
    }

    /// The plain text a byte-by-byte reading gives, tag state kept in a flag: what `PlainText.fromHTML` must equal.
    private static func plainTextByteByByte(_ html: String) -> String {
        let entities: [(String, UInt8)] = [("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&#39;", 0x27), ("&amp;", 0x26)]
        let bytes = Array(html.utf8)
        var text: [UInt8] = []
        var insideTag = false
        var index = 0
        while index < bytes.count {
            var byte = bytes[index]
            index += 1
            if byte == 0x3C { insideTag = true; continue }
            if byte == 0x3E { insideTag = false; continue }
            if insideTag { continue }
            if byte == 0x26, let entity = entities.first(where: { bytes[(index - 1)...].starts(with: $0.0.utf8) }) {
                byte = entity.1
                index += entity.0.utf8.count - 1
            } else if byte == 0x0A || byte == 0x09 {
                byte = 0x20
            }
            if byte == 0x20, text.last == nil || text.last == 0x20 { continue }
            text.append(byte)
        }
        if text.last == 0x20 { text.removeLast() }
        return String(decoding: text, as: UTF8.self)
    }

    @Test("plain text skips tags whole as a byte-by-byte reading does, on random HTML")
    func plainTextMatchesByteByByteReading() {
        let pieces = ["<", ">", "&", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&am", "a", "é", " ", "\n", "\t",
                      "<p>", "</p>", "<a href=\"x&amp;y\">", "</a>", "word", "<br />", "  "]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3_000 {
            var html = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 59) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                html += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(PlainText.fromHTML(html) == Self.plainTextByteByByte(html), "\(html.debugDescription)")
        }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
