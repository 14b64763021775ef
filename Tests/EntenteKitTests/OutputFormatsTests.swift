import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import EntenteImporting
@testable import EntenteKit
@testable import EntenteMarkdown
@testable import EntenteModel
@testable import EntentePages
import EntenteSearch

/// Feeds, sitemaps, open data and the search index, read back with ordinary parsers.
@Suite("Output formats")
struct OutputFormatsTests {
    @Test("a CSV file put together line by line, with lines kept from the last build, is the file the writer writes at once")
    func csvLineByLine() {
        let header = ["id", "name", "note"]
        let rows = [["a", "plain", ""], ["b", "comma, and \"quotes\"", "line\r\nbreak"], ["c", "Ελλάδα", "\n"], ["", "", ""]]
        let whole = OpenData.csv(header: header, rows: rows)
        let first = EncodedRows<[String]>()
        #expect(OpenData.csv("test", kept: first, header: header, rows: rows) == whole)
        let changed = [rows[0], ["b", "edited, \"again\"", ""]] + rows[2...]
        #expect(OpenData.csv("test", kept: EncodedRows(after: first), header: header, rows: changed)
                == OpenData.csv(header: header, rows: changed))
        #expect(OpenData.csv("test", kept: EncodedRows(), header: header, rows: []) == OpenData.csv(header: header, rows: []))
    }

    @Test("data for a script element: no string in it can end the element, and the JSON's white space around it is left out")
    func scriptData() {
        #expect(ScriptData.assignment(variable: "X", json: "\n {\"a\":\"</script><//<\",\"é\":\"<\"} \n")
                == #"window.X = {"a":"<\/script><\//<","é":"<"};"# + "\n")
        #expect(ScriptData.assignment(variable: "X", json: "<") == "window.X = <;\n")
        #expect(ScriptData.assignment(variable: "X", json: " \t") == "window.X = ;\n")
        #expect(ScriptData.searchCallback(["\"</\"", "1"]) == #"ENTENTE_SEARCH_LOADED("<\/",1);"# + "\n")
    }

    @Test("a JSON array put together record by record, with records kept from the last build, is what the encoder gives at once")
    func jsonArrayRecordByRecord() {
        let actor = OpenData.ActorRecord(id: "a", name: "Line\nbreak \"quoted\" /slash/", kind: "state", aliases: [], page: "actors/a/",
                                         treaties: [], short: nil, region: "东亚", partOf: nil, summary: "  indented\n  text",
                                         profile: nil, iso3: nil, cow: 2, wikidata: nil)
        let treaty = OpenData.TreatyRecord(
            id: "t", name: "Pact", aliases: ["P"], instrument: "treaty", page: "treaties/t/", obligations: [], statusDerived: true,
            provisions: ["One.", ""], related: [], short: nil, kind: "logistics", status: nil, summary: nil, body: "Body\n\nmore",
            supersedes: nil, parties: [OpenData.PartyRecord(actor: "a", signed: "2020", ratified: nil, acceded: nil, inForce: nil, withdrawn: nil, note: nil)],
            events: [OpenData.EventRecord(date: "2020-01", type: "signed", actor: nil, note: nil, source: nil)], sources: [])
        let event = OpenData.EventRecord(date: "2021", type: "in-force", actor: "a", note: "{ [ ] }", source: 1, treaty: "t", sourceURL: "https://example.org/?a=1&b=2")
        let records: [OpenData.ArrayRecord] = [.actor(actor), .treaty(treaty), .event(event), .actor(actor)]
        let first = EncodedRows<OpenData.ArrayRecord>()
        #expect(OpenData.jsonArray(records, kept: first, as: "data/x.json") == OpenData.json(records))
        let edited = OpenData.TreatyRecord(id: "t", name: "Pact, renamed", aliases: [], instrument: "treaty", page: "treaties/t/", obligations: ["defence"],
                                       statusDerived: false, provisions: [], related: ["u"], short: "P", kind: nil, status: "in-force",
                                       summary: "S", body: nil, supersedes: "u", parties: [], events: [], sources: [])
        let changed: [OpenData.ArrayRecord] = [.actor(actor), .treaty(edited), .event(event)]
        #expect(OpenData.jsonArray(changed, kept: EncodedRows(after: first), as: "data/x.json") == OpenData.json(changed))
        #expect(OpenData.jsonArray([], kept: EncodedRows(), as: "data/x.json") == OpenData.json([OpenData.ArrayRecord]()))
    }

    private func build(baseURL: String? = nil, in directory: TemporaryDirectory) async throws -> String {
        try directory.write("site/Content/site.yaml", "title: \"Formats & <Tests>\"\nauthor: Desk\n" + (baseURL.map { "base_url: \($0)\n" } ?? ""))
        try directory.write("site/Content/actors/india.yaml", "name: India\naliases: [\"Bhārat\", \"Republic, of India\"]\n")
        try directory.write("site/Content/actors/quote.yaml", "name: 'The \"Quoted\" State, Inc.'\nregion: 东亚\n")
        try directory.write("site/Content/treaties/pact.yaml", """
            name: "Pact <of> \\"friends\\", & others"
            parties: [india, quote]
            events: [{date: "2024-07", type: signed, note: "Signed, \\"at last\\""}]
            sources: [{id: report, title: "Report", url: "https://example.org/a?b=1&c=2"}]
            summary: A pact.
            """)
        try directory.write("site/Content/analyses/one.md", "---\ntitle: \"One, with a comma\"\nsummary: \"Ends </script> early?\"\ndate: 2024-07-31\ntreaties: [pact]\ntags: [alpha]\n---\nIndia.\n")
        let report = await SiteBuilder(options: BuildOptions(siteDirectory: directory.path("site"), outputDirectory: directory.path("out"))).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        return directory.path("out")
    }

    private func parsesAsXML(_ path: String) -> Bool {
        guard let parser = XMLParser(contentsOf: URL(fileURLWithPath: path)) else { return false }
        return parser.parse()
    }

    @Test("XML escaping: clean text untouched; the five entities escaped; forbidden characters dropped; other text kept")
    func xmlEscaping() {
        #expect(XMLText.escape("Plain text, 東亚 and Bhārat") == "Plain text, 東亚 and Bhārat")
        #expect(XMLText.escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
        #expect(XMLText.escape("tab\tline\nreturn\r") == "tab\tline\nreturn\r")
        #expect(XMLText.escape("bell\u{07}null\u{00}") == "bellnull")
        #expect(XMLText.escape("x\u{FFFE}y\u{FFFF}z") == "xyz")
        // U+FF01 also starts with the byte 0xEF, and is kept.
        #expect(XMLText.escape("！\u{FFFD}") == "！\u{FFFD}")
    }

    @Test("every feed and the sitemap are well-formed XML, with absolute links under base_url")
    func feedsAreXML() async throws {
        try await withTemporaryDirectory { directory in
            let out = try await build(baseURL: "https://example.org/reports/", in: directory)
            for file in ["feed.xml", "actors/india/feed.xml", "actors/quote/feed.xml", "treaties/pact/feed.xml", "sitemap.xml"] {
                #expect(parsesAsXML(out + "/" + file), "\(file) is not well-formed")
            }
            let feed = try String(contentsOfFile: out + "/treaties/pact/feed.xml", encoding: .utf8)
            #expect(feed.contains("<id>https://example.org/reports/treaties/pact/feed.xml</id>"))
            #expect(feed.contains(#"href="https://example.org/reports/analyses/one/""#))
            #expect(feed.contains("<updated>2024-07-31T00:00:00Z</updated>"))
            #expect(feed.contains("Pact &lt;of&gt;"))
            let sitemap = try String(contentsOfFile: out + "/sitemap.xml", encoding: .utf8)
            #expect(sitemap.contains("<loc>https://example.org/reports/actors/india/</loc>"))
            #expect(try String(contentsOfFile: out + "/robots.txt", encoding: .utf8).contains("Sitemap: https://example.org/reports/sitemap.xml"))
            let page = try String(contentsOfFile: out + "/treaties/pact/index.html", encoding: .utf8)
            #expect(page.contains(#"<link rel="alternate" type="application/atom+xml""#))
        }
    }

    @Test("without base_url feeds use relative links and urn ids, and there is no sitemap")
    func feedsWithoutBaseURL() async throws {
        try await withTemporaryDirectory { directory in
            let out = try await build(in: directory)
            #expect(parsesAsXML(out + "/feed.xml"))
            let feed = try String(contentsOfFile: out + "/feed.xml", encoding: .utf8)
            #expect(feed.contains("<id>urn:entente:analysis:one</id>"))
            #expect(feed.contains(#"href="analyses/one/index.html""#))
            #expect(!FileManager.default.fileExists(atPath: out + "/sitemap.xml"))
        }
    }

    @Test("the JSON data files read back to the content they came from")
    func jsonRoundTrip() async throws {
        try await withTemporaryDirectory { directory in
            let out = try await build(in: directory)
            let treaties = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/data/treaties.json"))) as? [[String: Any]])
            let pact = try #require(treaties.first { $0["id"] as? String == "pact" })
            #expect(pact["name"] as? String == "Pact <of> \"friends\", & others")
            let parties = try #require(pact["parties"] as? [[String: Any]])
            #expect(parties.compactMap { $0["actor"] as? String } == ["india", "quote"])
            let events = try #require(pact["events"] as? [[String: Any]])
            #expect(events.first?["date"] as? String == "2024-07")
            #expect(events.first?["note"] as? String == "Signed, \"at last\"")
            let sources = try #require(pact["sources"] as? [[String: Any]])
            #expect(sources.first?["id"] as? String == "report", "a source's id, as events cite it")
            let actors = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/data/actors.json"))) as? [[String: Any]])
            let quote = try #require(actors.first { $0["id"] as? String == "quote" })
            #expect(quote["region"] as? String == "东亚")
            let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/actors/india/data.json"))) as? [String: Any])
            #expect(record["aliases"] as? [String] == ["Bhārat", "Republic, of India"])
            #expect(record["treaties"] as? [String] == ["pact"])
        }
    }

    @Test("CSV quotes names with commas, quotes and other scripts")
    func csvQuoting() async throws {
        try await withTemporaryDirectory { directory in
            let out = try await build(in: directory)
            let actors = try String(contentsOfFile: out + "/data/actors.csv", encoding: .utf8)
            #expect(actors.contains(#""The ""Quoted"" State, Inc.""#))
            #expect(actors.contains("东亚"))
            #expect(actors.contains(#""Bhārat; Republic, of India""#))
            let treaties = try String(contentsOfFile: out + "/data/treaties.csv", encoding: .utf8)
            #expect(treaties.contains(#""Pact <of> ""friends"", & others""#))
            let lines = treaties.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 2, "a header and one record")
        }
    }

    @Test("the search index lists every analysis, actor and treaty page, and each has its text beside it")
    func searchIndexHasEveryPage() async throws {
        try await withTemporaryDirectory { directory in
            let out = try await build(in: directory)
            let meta = try String(contentsOfFile: out + "/search/index.js", encoding: .utf8)
            #expect(meta.hasPrefix("window.ENTENTE_SEARCH = {"))
            let info = try #require(try JSONSerialization.jsonObject(with: Data(meta.dropFirst("window.ENTENTE_SEARCH = ".count).dropLast(2).utf8)) as? [String: Any])
            #expect(info["documents"] as? Int == 4)
            let docs = try String(contentsOfFile: out + "/search/docs/0.js", encoding: .utf8)
            #expect(docs.hasPrefix(#"ENTENTE_SEARCH_LOADED("docs",0,["#))
            let json = String(docs.dropFirst(#"ENTENTE_SEARCH_LOADED("docs",0,"#.count).dropLast(3))
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String]])
            // Actors, then treaties, then analyses.
            #expect(entries.map { $0[2] } == ["actors/india/", "actors/quote/", "treaties/pact/", "analyses/one/"])
            for entry in entries {
                #expect(FileManager.default.fileExists(atPath: out + "/" + entry[2] + "index.html"))
                let text = try String(contentsOfFile: out + "/" + entry[2] + "text.js", encoding: .utf8)
                #expect(text.hasPrefix(#"ENTENTE_SEARCH_LOADED("text","\#(entry[2])","#))
                #expect(!text.contains("</script"), "no text can close the script tag")
            }
            let one = try String(contentsOfFile: out + "/analyses/one/text.js", encoding: .utf8)
            #expect(one.contains(#""Ends <\/script> early?"#), "escaped in the script, the same text once parsed")
            for shard in try FileManager.default.contentsOfDirectory(atPath: out + "/search/terms") {
                let text = try String(contentsOfFile: out + "/search/terms/" + shard, encoding: .utf8)
                #expect(text.hasPrefix(#"ENTENTE_SEARCH_LOADED("terms",""# + shard.dropLast(3) + "\","))
            }
        }
    }
}
