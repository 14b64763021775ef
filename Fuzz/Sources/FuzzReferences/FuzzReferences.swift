import CLibFuzzer
@testable import EntenteKit

/// Reference resolution and mention detection in Markdown: `actor:`, `treaty:` and `analysis:` links and
/// plain mentions, rendered by cmark-gfm against a small site. Diagnostics point inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReferences(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let markdown = MarkdownText(text, origin: SourceLocation(file: "fuzz.md", line: 5, column: 0))
    let rendered = FuzzSite.renderer.render(markdown, root: "../../", detectMentions: true,
                                            owner: .analysis(AnalysisID("about-asia")!))
    // cmark-gfm, like the loader, counts CRLF, LF and a lone CR as one line break each.
    let lines = SiteLoader.normalizingLineEndings(text).utf8.filter { $0 == 0x0A }.count + 1
    for diagnostic in rendered.diagnostics {
        precondition(diagnostic.location.file == "fuzz.md")
        precondition(diagnostic.location.line >= 5 && diagnostic.location.line < 5 + max(lines, 1) + 1,
                     "diagnostic at line \(diagnostic.location.line) of a \(lines)-line text")
    }
    precondition(!rendered.html.contains("<script"), "no script reaches the page")
    return 0
}

enum FuzzSite {
    static let renderer: MarkdownRenderer = {
        let here = SourceLocation(file: "site")
        let actors = [("india", "India", ["Republic of India"]), ("north-korea", "North Korea", ["DPRK"]),
                      ("korea", "Korea", []), ("guinea", "Guinea", []), ("guinea-bissau", "Guinea-Bissau", [])]
            .map { Actor(id: ActorID($0.0)!, name: $0.1, aliases: $0.2, location: here) }
        let treaties = [Treaty(id: TreatyID("relos")!, name: "Reciprocal Exchange of Logistics Agreement", short: "RELOS",
                               parties: [Treaty.Party(actor: Reference(ActorID("india")!, at: here))], location: here)]
        let analyses = [Analysis(id: AnalysisID("about-asia")!, title: "Asia", date: PartialDate(year: 2024)!,
                                 body: MarkdownText("", origin: here), location: here)]
        let content = SiteContent(config: SiteConfig(title: "Fuzz"), actors: actors, treaties: treaties, analyses: analyses)
        return MarkdownRenderer(site: SiteResolver.resolve(content).site, links: SiteLinks(pretty: false))
    }()
}

// SwiftPM links an executable's entry point as `FuzzReferences_main`; it hands over to libFuzzer's driver.
@_cdecl("FuzzReferences_main")
public func FuzzReferencesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzReferences)
}

