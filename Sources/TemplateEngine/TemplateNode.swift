/// Where a tag starts in its template: 1-based line and column (in Characters) of its opening delimiter.
struct TemplatePosition: Sendable, Hashable {
    let line: Int
    let column: Int
}

/// One piece of a parsed template. Standalone lines are already removed; what is left renders as written.
enum TemplateNode: Sendable {
    case text(String)
    /// The start of a line of the template's source that was kept. Renders nothing; marks where the indentation of
    /// a standalone partial or block goes, the way the specification indents "each line" of the included text.
    case lineStart
    case variable(TemplateName, escaped: Bool, TemplatePosition)
    case section(TemplateName, inverted: Bool, body: [TemplateNode], TemplatePosition)
    /// `{{>name}}`; `indentation` is set when the tag stood alone on its line, and then prefixes every line.
    case partial(String, indentation: String?, TemplatePosition)
    /// `{{<name}}...{{/name}}`: the template `name` rendered with `blocks` replacing its blocks of the same name.
    case parent(String, indentation: String?, blocks: [TemplateBlock], TemplatePosition)
    /// `{{$name}}...{{/name}}`: replaceable content, rendered as written when nothing replaces it.
    case block(TemplateBlock)
}

/// A `{{$name}}` block: where it appears in a parent it is a slot, inside a `{{<parent}}` tag it is what fills one.
struct TemplateBlock: Sendable {
    let name: String
    var body: [TemplateNode]
    /// Whether the opening tag stood alone on its line, so the content is whole lines.
    let isStandalone: Bool
    /// The indentation of the block's lines: content placed in this slot is re-indented from the content's own
    /// indentation to this one (the specification's "block reindentation").
    var indentation: String
    let position: TemplatePosition
    /// The file the block was written in, which problems in its content name.
    let file: String
}
