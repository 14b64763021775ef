/// A value a template reads: what a page model becomes before it is rendered.
///
/// Objects carry their fields by position, in the order their `TemplateObjectType` declares them, so a compiled
/// template reads a field by index and never by name. The dynamic mode (the Mustache specification's semantics)
/// reads the same values by name through the object's type.
public enum TemplateValue: Sendable {
    /// An optional field with no value: false in a section, nothing when interpolated, and never looked past.
    case absent
    case bool(Bool)
    case int(Int)
    /// Text: HTML-escaped by `{{name}}`, as it is by `{{{name}}}` and `{{&name}}`.
    case text(String)
    case list([TemplateValue])
    case object(TemplateObject)

    /// Whether a section over this value renders (lists: once per element, when not empty).
    public var isTruthy: Bool {
        switch self {
        case .absent: false
        case .bool(let value): value
        case .list(let items): !items.isEmpty
        case .int, .text, .object: true
        }
    }
}

/// An object value: its type and its fields, in the type's order.
public struct TemplateObject: Sendable {
    public let type: TemplateObjectType
    public var fields: [TemplateValue]

    public init(type: TemplateObjectType, fields: [TemplateValue]) {
        precondition(fields.count == type.fields.count, "\(type.name): \(fields.count) values for \(type.fields.count) fields")
        self.type = type
        self.fields = fields
    }

    /// The field called `name`, if the type declares one.
    public subscript(name: String) -> TemplateValue? {
        type.index(of: name).map { fields[$0] }
    }
}
