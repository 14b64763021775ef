import Testing
@testable import TemplateEngine

/// Types shaped like Entente's page models, for the checked mode.
private enum Models {
    static let date = TemplateObjectType(name: "date", fields: [
        .init(name: "iso", type: .text),
        .init(name: "display", type: .text),
        .init(name: "approximate", type: .bool),
    ])
    static let source = TemplateObjectType(name: "source", fields: [
        .init(name: "title", type: .text),
        .init(name: "url", type: .optional(.text)),
        .init(name: "date", type: .optional(.object(date))),
    ])
    static let treaty = TemplateObjectType(name: "treaty", fields: [
        .init(name: "title", type: .text),
        .init(name: "date", type: .optional(.object(date))),
        .init(name: "sources", type: .list(.object(source))),
        .init(name: "signatories", type: .int),
        .init(name: "in_force", type: .bool),
        .init(name: "summary", type: .optional(.text)),
        .init(name: "tags", type: .list(.text)),
    ])

    static func date(_ iso: String, approximate: Bool = false) -> TemplateValue {
        .object(TemplateObject(type: date, fields: [.text(iso), .text("on " + iso), .bool(approximate)]))
    }

    static func source(_ title: String, url: String?, date: TemplateValue) -> TemplateValue {
        .object(TemplateObject(type: source, fields: [.text(title), url.map(TemplateValue.text) ?? .absent, date]))
    }

    static let treatyValue = TemplateValue.object(TemplateObject(type: treaty, fields: [
        .text("Treaty of <Rome> & \"friends\""),
        date("1957-03-25"),
        .list([
            source("Archive", url: "https://example.org/a?x=1&y=2", date: date("1957-04-01", approximate: true)),
            source("Memoir", url: nil, date: .absent),
        ]),
        .int(6),
        .bool(true),
        .absent,
        .list([.text("europe"), .text("trade")]),
    ]))

    static let treatyType = TemplateType.object(treaty)
}

private func library(_ templates: [String: String]) -> TemplateLibrary {
    var sources: [String: TemplateSource] = [:]
    for (name, text) in templates { sources[name] = TemplateSource(text: text, file: "Templates/\(name).mustache") }
    return TemplateLibrary(sources)
}

private func problems(_ templates: [String: String], _ name: String = "treaty",
                      type: TemplateType = Models.treatyType) -> [String] {
    library(templates).compile(name, for: type).problems.map(\.description)
}

private func render(_ templates: [String: String], _ name: String = "treaty",
                    type: TemplateType = Models.treatyType, value: TemplateValue = Models.treatyValue) -> String? {
    let (template, problems) = library(templates).compile(name, for: type)
    #expect(problems.isEmpty, "\(problems)")
    return template?.render(value)
}

struct CheckedTemplateTests {
    // MARK: Problems

    @Test func misspeltFieldIsReportedWithASuggestion() {
        let found = problems(["treaty": "<h1>{{title}}</h1>\n{{#sources}}{{dat}}{{/sources}}"])
        #expect(found == ["Templates/treaty.mustache:2:13: error: a source has no field 'dat'; did you mean 'date'?"])
    }

    @Test func unknownLaterSegmentNamesTheObjectType() {
        #expect(problems(["treaty": "{{date.isox}}"])
            == ["Templates/treaty.mustache:1:1: error: a date has no field 'isox'; did you mean 'iso'?"])
        #expect(problems(["treaty": "{{title.x}}"])
            == ["Templates/treaty.mustache:1:1: error: 'title' is text and has no field 'x'"])
    }

    @Test func everyProblemIsReportedInOneRunSortedAndOnce() {
        let found = problems([
            "treaty": "{{titel}}\n{{#sources}}{{>row}}{{/sources}}\n{{#title}}x{{/title}}\n{{>row}}",
            "row": "  {{url}} {{nmae}}",
        ])
        #expect(found == [
            "Templates/row.mustache:1:3: error: a treaty has no field 'url'",
            "Templates/row.mustache:1:11: error: a source has no field 'nmae'",
            "Templates/row.mustache:1:11: error: a treaty has no field 'nmae'",
            "Templates/treaty.mustache:1:1: error: a treaty has no field 'titel'; did you mean 'title'?",
            "Templates/treaty.mustache:3:1: error: 'title' is text, not a list or a condition",
        ])
    }

    @Test func sectionsMustBeOverListsConditionsOrObjects() {
        #expect(problems(["treaty": "{{#title}}x{{/title}}"])
            == ["Templates/treaty.mustache:1:1: error: 'title' is text, not a list or a condition"])
        #expect(problems(["treaty": "{{#signatories}}x{{/signatories}}"])
            == ["Templates/treaty.mustache:1:1: error: 'signatories' is a number, not a list or a condition"])
        #expect(problems(["treaty": "{{^title}}x{{/title}}"])
            == ["Templates/treaty.mustache:1:1: error: 'title' is text, not a list or a condition"])
        // Lists, conditions, optionals and objects are all fine.
        #expect(problems(["treaty": "{{#sources}}{{/sources}}{{#in_force}}{{/in_force}}{{#summary}}{{/summary}}"
                          + "{{#date}}{{/date}}{{^sources}}{{/sources}}{{^in_force}}{{/in_force}}{{^date}}{{/date}}"])
            == [])
    }

    @Test func invertedSectionOverAnObjectThatIsAlwaysThereIsAnError() {
        let source = TemplateType.object(Models.source)
        #expect(problems(["source": "{{#date}}{{iso}}{{/date}}{{^date}}none{{/date}}"], "source", type: source) == [])
        let wrapper = TemplateObjectType(name: "page", fields: [.init(name: "source", type: source)])
        #expect(problems(["page": "{{^source}}never{{/source}}"], "page", type: .object(wrapper))
            == ["Templates/page.mustache:1:1: error: 'source' is a source and always present, so '{{^source}}' would never render"])
    }

    @Test func listsAndObjectsCannotBeWrittenAsText() {
        #expect(problems(["treaty": "{{sources}} {{{date}}}"]) == [
            "Templates/treaty.mustache:1:1: error: 'sources' is a list of sources and cannot be written as text",
            "Templates/treaty.mustache:1:13: error: 'date' is an optional date and cannot be written as text",
        ])
    }

    @Test func missingPartialsAndParentsAreReportedWithASuggestion() {
        #expect(problems(["treaty": "{{#date}}{{>dat}}{{/date}}", "date": "{{iso}}"])
            == ["Templates/treaty.mustache:1:10: error: the partial 'dat' does not exist; did you mean 'date'?"])
        #expect(problems(["treaty": "{{<layuot}}{{/layuot}}", "layout": "x"])
            == ["Templates/treaty.mustache:1:1: error: the parent template 'layuot' does not exist; did you mean 'layout'?"])
        #expect(library(["layout": "x"]).compile("b", for: Models.treatyType).problems.map(\.description)
            == ["b:1:1: error: the template 'b' does not exist"])
    }

    @Test func blocksThatFillNothingAreReported() {
        let templates = ["treaty": "{{<layout}}{{$mian}}x{{/mian}}{{/layout}}", "layout": "<main>{{$main}}{{/main}}</main>"]
        #expect(problems(templates)
            == ["Templates/treaty.mustache:1:12: error: the parent 'layout' has no block 'mian'; did you mean 'main'?"])
    }

    @Test func recursivePartialsAreReportedNotExpandedForever() {
        let found = problems(["treaty": "{{>a}}", "a": "{{#sources}}{{>b}}{{/sources}}", "b": "{{#date}}{{>a}}{{/date}}"])
        #expect(found == ["Templates/b.mustache:1:10: error: the partial 'a' includes itself; checked templates cannot recurse"])
        let parents = problems(["treaty": "{{<a}}{{/a}}", "a": "[{{<a}}{{/a}}]"])
        #expect(parents == ["Templates/a.mustache:1:2: error: the parent 'a' includes itself; checked templates cannot recurse"])
    }

    @Test func parseProblemsOfIncludedTemplatesAreReported() {
        let found = problems(["treaty": "{{>row}}", "row": "{{#title}}"])
        #expect(found.contains("Templates/row.mustache:1:1: error: the section 'title' is not closed"))
    }

    // MARK: Rendering

    /// The bug this mode fixes: a source with no date must not show the treaty's date.
    @Test func absentFieldNeverFallsThroughToAnEnclosingScope() {
        let output = render(["treaty": "{{#sources}}[{{title}}: {{#date}}{{display}}{{/date}}{{^date}}undated{{/date}}"
                             + " {{date.iso}}]{{/sources}}"])
        #expect(output == "[Archive: on 1957-04-01 1957-04-01][Memoir: undated ]")
    }

    @Test func namesBindToTheInnermostScopeThatDeclaresThem() {
        // `title` inside a source is the source's; `signatories` is only the treaty's, so it is found there.
        let output = render(["treaty": "{{#sources}}{{title}}/{{signatories}};{{/sources}}"])
        #expect(output == "Archive/6;Memoir/6;")
    }

    @Test func sectionOverOptionalTextKeepsItAsTheImplicitValue() {
        let output = render(["treaty": "{{#sources}}{{#url}}<{{.}}>{{/url}}{{/sources}}{{#summary}}{{.}}{{/summary}}"])
        #expect(output == "<https://example.org/a?x=1&amp;y=2>")
    }

    @Test func valuesAreEscapedExactlyAsSpecified() {
        #expect(render(["treaty": "{{title}}|{{{title}}}|{{&title}}|{{signatories}}|{{in_force}}|{{summary}}"])
            == "Treaty of &lt;Rome&gt; &amp; &quot;friends&quot;|Treaty of <Rome> & \"friends\"|Treaty of <Rome> & \"friends\"|6|true|")
        #expect(HTMLEscaping.escape("it's <b>&\"é€😀") == "it&#39;s &lt;b&gt;&amp;&quot;é€😀")
        #expect(HTMLEscaping.escape("plain é") == "plain é")
    }

    @Test func inheritanceWorksInTheCheckedMode() {
        let templates = [
            // Standalone slot and blocks: the filling's lines take the slot's indentation.
            "layout": "<title>{{$title}}Entente{{/title}}</title>\n<main>\n  {{$main}}\n  {{/main}}\n</main>\n",
            "treaty": "{{<layout}}\n{{$title}}{{title}}{{/title}}\n{{$main}}\n<h1>{{title}}</h1>\n{{#sources}}\n"
                + "<p>{{title}}</p>\n{{/sources}}\n{{/main}}\n{{/layout}}\n",
        ]
        let expected = "<title>Treaty of &lt;Rome&gt; &amp; &quot;friends&quot;</title>\n<main>\n  <h1>Treaty of &lt;Rome&gt; &amp; &quot;friends&quot;</h1>\n  <p>Archive</p>\n  <p>Memoir</p>\n</main>\n"
        #expect(render(templates) == expected)
        #expect(library(templates).renderDynamic("treaty", Models.treatyValue) == expected)
    }

    @Test func blocksAreCompiledInTheScopeWhereTheParentPlacesThem() {
        let templates = [
            "list": "{{#sources}}<li>{{$item}}{{title}}{{/item}}</li>{{/sources}}",
            "treaty": "{{<list}}{{$item}}{{title}} ({{#url}}{{url}}{{/url}}{{^url}}no link{{/url}}){{/item}}{{/list}}",
        ]
        #expect(render(templates) == "<li>Archive (https://example.org/a?x=1&amp;y=2)</li><li>Memoir (no link)</li>")
    }

    @Test func renderIntoAppends() throws {
        let template = try #require(library(["treaty": "{{signatories}}"]).compile("treaty", for: Models.treatyType).template)
        var output = "n="
        template.render(Models.treatyValue, into: &output)
        #expect(output == "n=6")
    }

    /// Where every name exists, the checked mode renders exactly what the specification's semantics render.
    @Test(arguments: [
        "{{title}} {{#date}}{{iso}}{{#approximate}}~{{/approximate}}{{/date}}",
        "{{#sources}}{{title}}{{#url}} <{{url}}>{{/url}}{{^url}} (no url){{/url}}\n{{/sources}}",
        "{{#sources}}{{#date}}{{display}} {{title}}{{/date}}{{/sources}}",
        "{{#tags}}#{{.}} {{/tags}}{{^tags}}none{{/tags}}",
        "{{#in_force}}in force, {{signatories}} parties{{/in_force}}{{^in_force}}not yet{{/in_force}}",
        "  {{#sources}}\n  - {{title}}\n  {{/sources}}\n",
        "{{date.display}} {{{title}}} {{&date.iso}}",
        "{{=<% %>=}}<% title %> <%# tags %><% . %>,<%/ tags %>",
        "{{! comment }}\n{{#sources}}\n  {{>row}}\n{{/sources}}\n",
        "{{<layout}}{{$main}}\n{{#sources}}{{title}}{{/sources}}\n{{/main}}{{/layout}}\n",
    ])
    func checkedOutputEqualsDynamicOutput(_ text: String) throws {
        let lib = library(["treaty": text, "row": "<tr>{{title}}</tr>\n<td>{{#date}}{{iso}}{{/date}}</td>\n",
                           "layout": "<body>\n  {{$main}}{{/main}}\n</body>\n"])
        #expect(lib.problems.isEmpty)
        let (template, problems) = lib.compile("treaty", for: Models.treatyType)
        #expect(problems.isEmpty, "\(problems)")
        let compiled = try #require(template)
        #expect(compiled.render(Models.treatyValue) == lib.renderDynamic("treaty", Models.treatyValue))
    }

    // MARK: Parsing

    @Test func parseProblemsHaveLinesAndColumns() {
        func parse(_ text: String) -> [String] {
            TemplateLibrary(["t": TemplateSource(text: text, file: "t.mustache")]).problems.map(\.description)
        }
        #expect(parse("a\n  {{#items}}x") == ["t.mustache:2:3: error: the section 'items' is not closed"])
        #expect(parse("{{#a}}\n{{#b}}\n {{/a}}") == [
            "t.mustache:3:2: error: '{{/a}}' closes 'a' but 'b' (line 2, column 1) is still open",
        ])
        #expect(parse("x {{/a}}") == ["t.mustache:1:3: error: '{{/a}}' closes nothing: no section 'a' is open"])
        #expect(parse("ok\nnot {{closed") == ["t.mustache:2:5: error: the tag is not closed: '}}' is missing"])
        #expect(parse("{{{x}}") == ["t.mustache:1:1: error: the tag is not closed: '}}}' is missing"])
        #expect(parse("{{= <% =}}") == [
            "t.mustache:1:1: error: a delimiter change needs two delimiters without '=' between '=' and '=', like {{=<% %>=}}",
        ])
        #expect(parse("{{ }} {{#}}{{/}}") == [
            "t.mustache:1:1: error: the tag has no name",
            "t.mustache:1:7: error: the tag has no name",
            "t.mustache:1:12: error: the closing tag has no name",
        ])
        #expect(parse("{{a..b}}") == ["t.mustache:1:1: error: 'a..b' is not a valid name: use words separated by single dots, or '.'"])
        #expect(parse("{{% PRAGMA }}") == ["t.mustache:1:1: error: pragmas are not supported"])
        // Columns count characters, not bytes.
        #expect(parse("é€😀{{#x}}") == ["t.mustache:1:4: error: the section 'x' is not closed"])
        // Positions follow delimiter changes and multi-line tags.
        #expect(parse("{{=<% %>=}}{{x}}\n<%! two\nlines %> <%#y%>") == ["t.mustache:3:10: error: the section 'y' is not closed"])
    }

    @Test func libraryListsTheTemplatesThatParsed() {
        let lib = TemplateLibrary([
            "good": TemplateSource(text: "{{x}}", file: "good.mustache"),
            "bad": TemplateSource(text: "{{#x}}", file: "bad.mustache"),
            "also": TemplateSource(text: "", file: "also.mustache"),
        ])
        #expect(lib.names == ["also", "good"])
        #expect(lib.problems.count == 1)
    }

    @Test func malformedInputNeverCrashes() {
        var inputs = [
            "", "{{", "}}", "{{{", "{{{}}", "{{{{}}}}", "{{#}}", "{{/}}", "{{^}}", "{{>}}", "{{<}}", "{{$}}", "{{=}}",
            "{{==}}", "{{= =}}", "{{=a b c=}}", "{{=a=}}", "{{=<% %>=}}<%", "{{=<% %>=}}<%%>", "{{=| |=}}|#a||/a|",
            "{{#a}}{{#b}}{{/a}}{{/b}}", "{{/a}}{{#a}}", "{{<a}}{{$b}}{{/a}}{{/b}}", "{{$a}}{{$a}}{{/a}}{{/a}}",
            "{{!", "{{! }", "\r\n{{#a}}\r\n\r{{/a}}\r", "\u{0}{{\u{0}}}", "{{é}}{{😀.😀}}", "{{a.}}", "{{.a}}", "{{...}}",
            "{{&}}", "{{& }}", "{{{ }}}", "{{>*x}}", "{{<*x}}{{/*x}}", "{{%}}", String(repeating: "{{#a}}", count: 500),
            String(repeating: "{{/a}}", count: 500), String(repeating: "{{", count: 300), "{{>self}}", "{{<self}}{{/self}}",
            "{{<loop}}{{$x}}{{$x}}{{/x}}{{/x}}{{/loop}}", "  {{>self}}\n", "{{#sources}}{{>self}}{{/sources}}",
        ]
        // Arbitrary bytes from a fixed generator: Mustache punctuation is likelier than other bytes.
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("{{}}#^/!>&<$=%.* \n\r\tabé😀".utf8) + [0xFF, 0xC3, 0x80, 0x00]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(seed % 60) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            inputs.append(String(decoding: bytes, as: UTF8.self))
        }
        for input in inputs {
            let lib = TemplateLibrary([
                "self": TemplateSource(text: input, file: "self"),
                "loop": TemplateSource(text: "{{<loop}}{{/loop}}{{$x}}{{/x}}", file: "loop"),
                "a": TemplateSource(text: input, file: "a"),
            ])
            _ = lib.problems
            _ = lib.renderDynamic("self", Models.treatyValue)
            let (template, _) = lib.compile("self", for: Models.treatyType)
            _ = template?.render(Models.treatyValue)
            _ = template?.render(.absent)
            _ = template?.render(.list([.int(1)]))
        }
    }
}
