import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteModel

/// Content is untrusted: whatever it holds, no page, picture, feed or data file carries a script or an event
/// handler that the theme did not put there.
@Suite("Hostile content")
struct HostileContentTests {
    static let payloads = [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "{{mustache}}", "{{{triple}}}",
        "' onmouseover='alert(3)", "</textarea><svg onload=alert(4)>",
    ]

    private func hostileSite(in directory: TemporaryDirectory) throws {
        let p = Self.payloads
        func yaml(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        try directory.write("site/Content/site.yaml", "title: \(yaml("Site " + p[0]))\ndescription: \(yaml(p[1]))\nauthor: \(yaml(p[2]))\ncredits: \(yaml(p[5]))\nbase_url: https://example.org/\n")
        try directory.write("site/Content/actors/evil.yaml", """
            name: \(yaml("Evil " + p[0]))
            short: \(yaml(p[1]))
            aliases: [\(yaml(p[4]))]
            region: \(yaml(p[2]))
            summary: \(yaml("[click](javascript:alert(5)) [data](data:text/html,<script>alert(6)</script>) [vb](vbscript:msgbox) <script>alert(7)</script> " + p[1]))
            """)
        try directory.write("site/Content/actors/good.yaml", "name: Good\n")
        try directory.write("site/Content/treaties/pact.yaml", """
            name: \(yaml("Pact " + p[1]))
            short: \(yaml(p[3]))
            parties: [evil, {actor: good, note: \(yaml(p[0]))}]
            events: [{date: "2024-07", type: signed, note: \(yaml(p[5]))}]
            provisions: [\(yaml("<img src=x onerror=alert(8)>"))]
            sources: [{title: \(yaml(p[0])), url: "https://example.org/?q=%22%3E%3Cscript%3E&x=1"}]
            """)
        try directory.write("site/Content/analyses/a.md", """
            ---
            title: \(yaml(p[0]))
            date: 2024-07-31
            author: \(yaml(p[1]))
            summary: \(yaml(p[4]))
            tags: [\(yaml(p[0])), \(yaml("safe"))]
            actors: [evil]
            treaties: [pact]
            ---
            Evil <script>alert(9)</script> and <iframe src="javascript:alert(10)"></iframe>.

            [a](javascript:alert(11)) [b](JaVaScRiPt:alert(12)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:x)
            <a href="javascript:alert(13)" onclick="alert(14)">raw</a>

            ![img](javascript:alert(15)) {{mustache}} <style>body{}</style>
            """)
    }

    @Test("no executable script, event handler or script URL reaches any output file")
    func nothingExecutable() async throws {
        try await withTemporaryDirectory { directory in
            try hostileSite(in: directory)
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out"))).build()
            #expect(report.succeeded, "\(report.diagnostics.filter { $0.severity == .error })")
            let files = try snapshot(of: directory.path("out"))
            #expect(files.count > 20)
            // The scanner below finds handlers where they are markup, and not inside quoted text.
            #expect(Self.attributeNames(in: #"<a href="x" onclick="y"><meta content="&lt;b onload=z">"#) == ["href", "onclick", "content"])
            // The theme's own scripts: the search page loads two, by src, and the search index sets one variable; the
            // network page and its snapshots load the snapshot picker; the treaty index loads its facets' data and filter.
            let allowedScripts = [#"<script src="../search/index.js"></script>"#, #"<script src="../assets/search.js""#,
                                  #"<script src="../assets/snapshots.js" defer></script>"#,
                                  #"<script src="../../assets/snapshots.js" defer></script>"#,
                                  #"<script src="../treaties/facets.js" defer></script>"#,
                                  #"<script src="../assets/facets.js" defer></script>"#]
            for (path, data) in files {
                let text = String(decoding: data, as: UTF8.self)
                let lower = text.lowercased()
                if path.hasSuffix(".html") || path.hasSuffix(".svg") || path.hasSuffix(".xml") {
                    var scripts = lower.components(separatedBy: "<script").count - 1
                    for allowed in allowedScripts where text.contains(allowed) { scripts -= 1 }
                    #expect(scripts == 0, "\(path) has a <script> the theme did not write")
                    let handlers = Self.attributeNames(in: lower).filter { $0.hasPrefix("on") }
                    #expect(handlers.isEmpty, "\(path) has event handler attributes \(handlers)")
                    // The one data: URL the theme writes: a "Cite this" file, of a citation format's type, in base64.
                    let citations = /href="data:application\/(x-bibtex|x-research-info-systems|vnd\.citationstyles\.csl\+json);charset=utf-8;base64,[a-z0-9+\/=]*" download="/
                    let withoutCitations = lower.replacing(citations, with: "")
                    #expect(withoutCitations.firstMatch(of: /(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):/) == nil, "\(path) has a script URL")
                    #expect(!lower.contains("<iframe"), "\(path) has an iframe")
                }
                if path.hasSuffix(".js") && !path.hasPrefix("assets/") {
                    #expect(!lower.contains("</script"), "\(path) could close a script tag")
                }
            }
            // The payloads are shown as text, escaped, not dropped.
            let analysis = String(decoding: files["analyses/a/index.html"] ?? Data(), as: UTF8.self)
            #expect(analysis.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(analysis.contains("{{mustache}}"), "Mustache in content is text, not a template")
        }
    }

    /// The names of every attribute of every tag, reading quoted values as values (so that escaped text
    /// inside an attribute, such as a meta description, is not mistaken for markup).
    static func attributeNames(in html: String) -> [String] {
        var names: [String] = []
        let characters = Array(html)
        var index = 0
        while index < characters.count {
            guard characters[index] == "<" else { index += 1; continue }
            index += 1
            // Skip the tag name.
            while index < characters.count, !characters[index].isWhitespace, characters[index] != ">" { index += 1 }
            var name = ""
            while index < characters.count, characters[index] != ">" {
                let character = characters[index]
                if character == "\"" || character == "'" {
                    index += 1
                    while index < characters.count, characters[index] != character { index += 1 }
                } else if character == "=" {
                    if !name.isEmpty { names.append(name) }
                    name = ""
                } else if character.isWhitespace || character == "/" {
                    if !name.isEmpty, index + 1 < characters.count, characters[index + 1] != "=" { names.append(name) }
                    name = ""
                } else {
                    name.append(character)
                }
                index += 1
            }
            if !name.isEmpty { names.append(name) }
        }
        return names
    }

    @Test("ids that look like paths never become paths", arguments: ["../x", "a/b", ".hidden", "con", String(repeating: "x", count: 200)])
    func pathLikeIDs(_ id: String) async throws {
        try await withTemporaryDirectory { directory in
            try directory.write("site/Content/site.yaml", "title: T\n")
            try directory.write("site/Content/actors/good.yaml", "name: Good\n")
            try directory.write("site/Content/treaties/t.yaml", "name: T\nparties: [good, \"\(id)\"]\n")
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out"))).build()
            #expect(!report.succeeded)
            #expect(report.diagnostics.contains { $0.severity == .error && $0.location.file.hasSuffix("t.yaml") })
            #expect(!directory.exists("out"))
            #expect(!directory.exists("x"))
        }
    }
}
