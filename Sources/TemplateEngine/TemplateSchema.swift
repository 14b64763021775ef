/// A Swift value that templates can read: its schema declares every field once, with the name templates use,
/// its type and how to read it from the value. The template check, the README's variable table and rendering all
/// come from this one declaration.
public protocol TemplateModel: Sendable {
    static var schema: TemplateSchema<Self> { get }
}

extension TemplateModel {
    /// The value as templates read it.
    public var templateValue: TemplateValue { Self.schema.value(of: self) }
}

/// The fields of a `TemplateModel`, in order.
public struct TemplateSchema<Model>: Sendable {
    /// The object type templates are checked against.
    public let type: TemplateObjectType
    /// The same fields followed by `first` and `last`, for elements of lists joined with separators.
    public let joinedType: TemplateObjectType
    /// The fields in order, as declared.
    public let fields: [TemplateField<Model>]
    private let readers: [@Sendable (Model) -> TemplateValue]

    public init(_ name: String, _ fields: [TemplateField<Model>]) {
        self.fields = fields
        let declarations = fields.map(\.declaration)
        type = TemplateObjectType(name: name, fields: declarations)
        joinedType = TemplateObjectType(name: name, fields: declarations + [
            .init(name: "first", type: .bool, summary: "whether this is the list's first element"),
            .init(name: "last", type: .bool, summary: "whether this is the list's last element"),
        ])
        readers = fields.map(\.read)
    }

    /// `model` as an object of `type`.
    public func value(of model: Model) -> TemplateValue {
        .object(TemplateObject(type: type, fields: readers.map { $0(model) }))
    }

    /// `models` as a list whose elements also say whether they are first or last.
    public func joinedList(of models: [Model]) -> TemplateValue {
        .list(models.enumerated().map { offset, model in
            .object(TemplateObject(type: joinedType, fields: readers.map { $0(model) }
                                   + [.bool(offset == 0), .bool(offset == models.count - 1)]))
        })
    }
}

extension TemplateSchema {
    /// These fields as fields of an enclosing model that holds a `Model`: for models that share a set of fields
    /// (every page has the site's and the page's).
    public func fields<Outer>(in get: @escaping @Sendable (Outer) -> Model) -> [TemplateField<Outer>] {
        fields.map { field in
            let read = field.read
            return TemplateField<Outer>(declaration: field.declaration) { read(get($0)) }
        }
    }
}

/// One field of a schema: its declaration and how to read it.
public struct TemplateField<Model>: Sendable {
    public let declaration: TemplateObjectType.Field
    let read: @Sendable (Model) -> TemplateValue

    public init(_ name: String, _ type: TemplateType, _ summary: String = "", read: @escaping @Sendable (Model) -> TemplateValue) {
        self.init(declaration: .init(name: name, type: type, summary: summary), read: read)
    }

    init(declaration: TemplateObjectType.Field, read: @escaping @Sendable (Model) -> TemplateValue) {
        self.declaration = declaration
        self.read = read
    }

    public static func text(_ name: String, _ summary: String = "", _ get: @escaping @Sendable (Model) -> String) -> Self {
        Self(name, .text, summary) { .text(get($0)) }
    }

    public static func optionalText(_ name: String, _ summary: String = "", _ get: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name, .optional(.text), summary) { get($0).map(TemplateValue.text) ?? .absent }
    }

    public static func int(_ name: String, _ summary: String = "", _ get: @escaping @Sendable (Model) -> Int) -> Self {
        Self(name, .int, summary) { .int(get($0)) }
    }

    public static func optionalInt(_ name: String, _ summary: String = "", _ get: @escaping @Sendable (Model) -> Int?) -> Self {
        Self(name, .optional(.int), summary) { get($0).map(TemplateValue.int) ?? .absent }
    }

    public static func bool(_ name: String, _ summary: String = "", _ get: @escaping @Sendable (Model) -> Bool) -> Self {
        Self(name, .bool, summary) { .bool(get($0)) }
    }

    public static func object<Child: TemplateModel>(_ name: String, _ summary: String = "",
                                                    _ get: @escaping @Sendable (Model) -> Child) -> Self {
        Self(name, .object(Child.schema.type), summary) { Child.schema.value(of: get($0)) }
    }

    public static func optionalObject<Child: TemplateModel>(_ name: String, _ summary: String = "",
                                                            _ get: @escaping @Sendable (Model) -> Child?) -> Self {
        Self(name, .optional(.object(Child.schema.type)), summary) { get($0).map(Child.schema.value(of:)) ?? .absent }
    }

    public static func list<Child: TemplateModel>(_ name: String, _ summary: String = "",
                                                  _ get: @escaping @Sendable (Model) -> [Child]) -> Self {
        Self(name, .list(.object(Child.schema.type)), summary) { .list(get($0).map(Child.schema.value(of:))) }
    }

    /// A list whose elements also have `first` and `last`, for joining with separators.
    public static func joinedList<Child: TemplateModel>(_ name: String, _ summary: String = "",
                                                        _ get: @escaping @Sendable (Model) -> [Child]) -> Self {
        Self(name, .list(.object(Child.schema.joinedType)), summary) { Child.schema.joinedList(of: get($0)) }
    }
}
