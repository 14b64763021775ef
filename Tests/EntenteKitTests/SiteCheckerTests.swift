import Testing
@testable import EntenteKit
@testable import EntenteModel

/// The link check of `entente check`, on pages written by hand.
@Suite("Site checker")
struct SiteCheckerTests {
    @Test("internal links must name a written file, and fragments an id on it")
    func brokenLinksAndAnchors() {
        let html = #"""
            <a href="../../actors/india/index.html">ok</a> <a href="../../actors/inida/index.html">typo</a>
            <a href="../../treaties/pact/index.html#source-1">ok</a> <a href="../../treaties/pact/index.html#source-9">gone</a>
            <a href="#here">self</a> <a href="#nowhere">self</a> <a href="https://example.org/">external</a>
            <a href="../../../outside.html">escapes</a> <img src="../../assets/logo.png"> <span id="here"></span>
            """#
        let files: Set<String> = ["analyses/a/index.html", "actors/india/index.html", "treaties/pact/index.html"]
        let anchors: [String: Set<String>] = ["treaties/pact/index.html": ["source-1"], "analyses/a/index.html": ["here"]]
        let result = SiteChecker.checkLinks(in: html, of: "analyses/a/index.html", files: files, anchors: anchors, output: "Output")
        #expect(result.count == 8)
        let messages = result.diagnostics.map(\.message)
        #expect(messages.count == 5, "\(messages)")
        #expect(messages.contains { $0.contains("actors/inida/index.html") })
        #expect(messages.contains { $0.contains("no id 'source-9'") })
        #expect(messages.contains { $0.contains("no id 'nowhere'") })
        #expect(messages.contains { $0.contains("outside.html") })
        #expect(messages.contains { $0.contains("assets/logo.png") })
        #expect(result.diagnostics.allSatisfy { $0.location.file == "Output/analyses/a/index.html" })
    }
}
