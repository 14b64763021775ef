import EntenteModel

/// One new content file to write: `entente new analysis|actor|treaty`.
public struct NewContent: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case analysis, actor, treaty

        /// The folder of `Content/` the file goes in.
        var folder: String {
            switch self {
            case .analysis: "analyses"
            case .actor: "actors"
            case .treaty: "treaties"
            }
        }

        /// The skeleton in `Templates/new/`, whose extension the new file takes.
        var skeleton: String {
            switch self {
            case .analysis: "analysis.md"
            case .actor: "actor.yaml"
            case .treaty: "treaty.yaml"
            }
        }
    }

    public var kind: Kind
    /// The analysis's title, or the actor's or treaty's name; the id is made from it.
    public var title: String
    public var actors: [String] = []
    public var treaties: [String] = []
    public var parties: [String] = []
    /// Author ids (`--author`), checked against `Content/authors/`.
    public var authors: [String] = []
    /// The actor's or treaty's kind (`state`, `defence-pact`); an actor without one is a state.
    public var contentKind: String?
    /// Whether a new analysis is a draft.
    public var draft = true
    /// Today, as `2024-06-19`.
    public var date: String

    public init(kind: Kind, title: String, date: String) {
        self.kind = kind
        self.title = title
        self.date = date
    }
}
