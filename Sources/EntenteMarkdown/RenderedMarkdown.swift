import EntenteModel
import EntenteSupport
import EntenteResolving
/// Markdown turned into HTML, with what it points at.
public struct RenderedMarkdown: Sendable, Hashable {
    public var html: String
    /// Every entity it refers to, by explicit link or detected name, in order of first appearance.
    public var mentions: [EntityKey]
    public var diagnostics: [Diagnostic]

    public init(html: String, mentions: [EntityKey], diagnostics: [Diagnostic]) {
        (self.html, self.mentions, self.diagnostics) = (html, mentions, diagnostics)
    }
}
