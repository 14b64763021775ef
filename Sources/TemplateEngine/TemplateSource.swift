/// One template's text and the file path that messages name.
public struct TemplateSource: Sendable {
    /// The template itself, in Mustache syntax.
    public var text: String
    /// The path problems name, e.g. "Templates/treaty.mustache".
    public var file: String

    public init(text: String, file: String) {
        self.text = text
        self.file = file
    }
}
