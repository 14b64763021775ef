/// What a template may read: the type of a value, declared by a page model and checked when a template is compiled.
public indirect enum TemplateType: Sendable, CustomStringConvertible {
    /// A condition: a section over it renders or not, and opens no scope.
    case bool
    case int
    case text
    /// A value that may be absent. A section over it is a condition; when present, it acts as the wrapped type.
    case optional(TemplateType)
    /// A list: a section over it renders once per element, each element its scope.
    case list(TemplateType)
    /// An object: its fields are the names a scope over it declares.
    case object(TemplateObjectType)

    /// How messages name the type ("a list of sources", "text").
    public var description: String {
        switch self {
        case .bool: "a condition"
        case .int: "a number"
        case .text: "text"
        case .optional(let wrapped): "optional \(wrapped)"
        case .list(let element): "a list of \(element.pluralDescription)"
        case .object(let type): type.withArticle
        }
    }

    var pluralDescription: String {
        switch self {
        case .object(let type): type.name + "s"
        case .optional(let wrapped): wrapped.pluralDescription
        case .list(let element): "lists of \(element.pluralDescription)"
        case .bool: "conditions"
        case .int: "numbers"
        case .text: "texts"
        }
    }
}

/// The type of an object: a name for messages and its fields in order. Compared by identity: each declared type
/// is made once.
public final class TemplateObjectType: Sendable, Hashable {
    /// One declared field.
    public struct Field: Sendable {
        public let name: String
        public let type: TemplateType
        /// What the field holds, for the README's table of template variables.
        public let summary: String

        public init(name: String, type: TemplateType, summary: String = "") {
            self.name = name
            self.type = type
            self.summary = summary
        }
    }

    /// The singular noun messages use ("source", "treaty").
    public let name: String
    public let fields: [Field]
    private let indexByName: [String: Int]

    public init(name: String, fields: [Field]) {
        self.name = name
        self.fields = fields
        var index: [String: Int] = [:]
        for (offset, field) in fields.enumerated() where index[field.name] == nil { index[field.name] = offset }
        self.indexByName = index
    }

    /// The position of the field called `name`.
    public func index(of name: String) -> Int? { indexByName[name] }

    /// "a source", "an actor".
    public var withArticle: String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        return (name.first.map { vowels.contains($0) } ?? false ? "an " : "a ") + name
    }

    public static func == (lhs: TemplateObjectType, rhs: TemplateObjectType) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
