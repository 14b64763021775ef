import Foundation
import Testing
@testable import EntenteMarkdown
@testable import EntenteModel
@testable import EntentePages

/// cmark-gfm 0.29 is not thread-safe across parsers: its autolink and strikethrough extensions toggle a
/// process-wide character table while parsing. These tests render many documents at once and check that
/// every one comes out exactly as it does when rendered alone.
@Suite("Concurrency")
struct ConcurrencyTests {
    static let documentCount = 2_000

    /// Varied documents that exercise every extension whose parsing touches shared state.
    static func documents() -> [MarkdownText] {
        (0..<documentCount).map { number in
            var lines: [String] = []
            lines.append("# Document \(number)")
            lines.append("")
            switch number % 5 {
            case 0:
                lines.append("Visit www.example.com/x\(number) or https://example.org/a/\(number) for ~~old~~ news about India.")
            case 1:
                lines.append("~~Struck \(number)~~ text, then a footnote.[^n\(number)] Russia and China met.")
                lines.append("")
                lines.append("[^n\(number)]: See https://example.org/source/\(number) and www.example.com/s.")
            case 2:
                lines.append("| Party | Year | Link |")
                lines.append("|---|:---:|---|")
                for row in 0..<(number % 7 + 1) {
                    lines.append("| India \(row) | \(2000 + row) | https://example.org/t/\(row) ~~x~~ |")
                }
            case 3:
                lines.append("- [ ] task www.example.com/\(number)")
                lines.append("- [x] done ~~\(number)~~ with [the pact](treaty:relos)")
                lines.append("")
                lines.append("Mail someone@example.org and read *North Korea* news.[^a]")
                lines.append("")
                lines.append("[^a]: Footnote ~~with strike~~ and https://example.org/f.")
            default:
                lines.append(String(repeating: "word ~~s~~ www.example.com/\(number) ", count: number % 13 + 1))
                lines.append("")
                lines.append("```")
                lines.append("code www.example.com ~~not struck~~")
                lines.append("```")
            }
            return MarkdownText(lines.joined(separator: "\n"), origin: Location(file: "doc-\(number).md", line: 1, column: 0))
        }
    }

    static func renderer() throws -> MarkdownRenderer {
        let site = try MarkdownRendererTests.site()
        return MarkdownRenderer(site: site, links: SiteLinks(pretty: false))
    }

    @Test func concurrentRenderingMatchesSerialRendering() async throws {
        let renderer = try Self.renderer()
        let documents = Self.documents()
        let serial = documents.map { renderer.render($0, root: "../../", detectMentions: true).html }

        // Sanity: the documents really use the extensions that touch shared state.
        #expect(serial.allSatisfy { !$0.isEmpty })
        #expect(serial.filter { $0.contains("<del>") }.count >= Self.documentCount * 3 / 5)
        #expect(serial.filter { $0.contains(#"<a href="http://www.example.com/"#) }.count >= Self.documentCount * 3 / 5)
        #expect(serial.filter { $0.contains("<table>") }.count == Self.documentCount / 5)
        #expect(serial.filter { $0.contains(#"class="footnotes""#) }.count == Self.documentCount * 2 / 5)

        let concurrent = await withTaskGroup(of: (Int, String).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, renderer.render(document, root: "../../", detectMentions: true).html) }
            }
            var results = [String](repeating: "", count: documents.count)
            for await (index, html) in group { results[index] = html }
            return results
        }
        let mismatches = (0..<documents.count).filter { serial[$0] != concurrent[$0] }
        #expect(mismatches.count == 0, "documents that differ, first few: \(mismatches.prefix(5))")
    }

    @Test func concurrentRenderingOnThreadsMatchesSerialRendering() throws {
        // The same check with plain threads, so that more parsers overlap than the cooperative pool allows.
        let renderer = try Self.renderer()
        let documents = Array(Self.documents().prefix(800))
        let serial = documents.map { renderer.render($0, root: "../../").html }
        let results = Results(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            results.set(index, renderer.render(documents[index], root: "../../").html)
        }
        let concurrent = results.values
        #expect((0..<documents.count).allSatisfy { serial[$0] == concurrent[$0] })
    }

    @Test func repeatedRenderingIsStable() throws {
        let renderer = try Self.renderer()
        let document = Self.documents()[3]
        let first = renderer.render(document, root: "../../", detectMentions: true)
        for _ in 0..<20 {
            #expect(renderer.render(document, root: "../../", detectMentions: true) == first)
        }
    }
}

/// A lock-protected array for collecting results from threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String]

    init(count: Int) { storage = [String](repeating: "", count: count) }

    func set(_ index: Int, _ value: String) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
