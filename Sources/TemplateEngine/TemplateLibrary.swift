/// A set of named templates, parsed once. Partials (`{{>name}}`) and parents (`{{<name}}`) are looked up by name
/// in it.
public struct TemplateLibrary: Sendable {
    let templates: [String: ParsedTemplate]

    /// Parses every template. Never traps: what cannot be parsed is reported in `problems`.
    public init(_ sources: [String: TemplateSource]) {
        templates = sources.mapValues { TemplateParser.parse($0.text, file: $0.file) }
    }

    /// The parse problems of every template, sorted by file, line and column.
    public var problems: [TemplateProblem] {
        templates.values.flatMap(\.problems).sorted()
    }

    /// The names of the templates that parsed without problems, sorted.
    public var names: [String] {
        templates.filter { $0.value.problems.isEmpty }.keys.sorted()
    }

    /// Checks the template `name` against values of `type` and compiles it.
    ///
    /// Every problem found is reported (not just the first), each once, sorted; parse problems of the template
    /// and of the partials and parents it includes are among them. `template` is nil when there is any problem.
    public func compile(_ name: String, for type: TemplateType) -> (template: CompiledTemplate?, problems: [TemplateProblem]) {
        guard let template = templates[name] else {
            let problem = TemplateProblem(file: name, line: 1, column: 1, message: "the template '\(name)' does not exist",
                                          suggestion: NameSuggestion.didYouMean(name, among: templates.keys.sorted()))
            return (nil, [problem])
        }
        var compiler = TemplateCompiler(templates: templates, rootType: type, file: template.file)
        let ops = compiler.compile(template)
        let problems = compiler.problems
        guard problems.isEmpty else { return (nil, problems) }
        return (CompiledTemplate(ops: ops, stackDepth: compiler.maximumDepth), [])
    }

    /// Renders the template `name` with the Mustache specification's semantics: names are looked up by string
    /// through the stack of contexts. A template that does not exist renders as empty text, and so does a missing
    /// partial; a template with parse problems renders what could be parsed of it (see `problems`).
    public func renderDynamic(_ name: String, _ value: TemplateValue) -> String {
        guard let template = templates[name] else { return "" }
        var renderer = DynamicRenderer(templates: templates, value: value)
        var output = ""
        renderer.render(template.nodes, into: &output)
        return output
    }

    /// Renders `template` with the specification's semantics, its partials and parents taken from `partials`.
    public static func renderDynamic(template: String, partials: [String: String], value: TemplateValue) -> String {
        var sources: [String: TemplateSource] = [:]
        for (name, text) in partials { sources[name] = TemplateSource(text: text, file: name) }
        // An empty name cannot be written in a partial tag, so it cannot collide with a partial.
        sources[""] = TemplateSource(text: template, file: "template")
        return TemplateLibrary(sources).renderDynamic("", value)
    }
}
