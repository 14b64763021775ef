/// A template after parsing: its nodes (as much as could be parsed) and what could not be.
struct ParsedTemplate: Sendable {
    let file: String
    let nodes: [TemplateNode]
    let problems: [TemplateProblem]
}
