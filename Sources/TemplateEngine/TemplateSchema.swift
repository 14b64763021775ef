/// A Swift value that templates can read: its schema declares every field once, with the name templates use,
/// its type and how to read it from the value. The template check, the README's variable table and rendering all
/// come from this one declaration.
public protocol TemplateModel: Sendable {
    static var schema: TemplateSchema<Self> { get }
}

extension TemplateModel {
    /// The value as templates read it.
    @inlinable
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

    public init(_ name: String, _ fields: [TemplateField<Model>]) {
        self.fields = fields
        let declarations = fields.flatMap(\.declarations)
        type = TemplateObjectType(name: name, fields: declarations)
        joinedType = TemplateObjectType(name: name, fields: declarations + [
            .init(name: "first", type: .bool, summary: "whether this is the list's first element"),
            .init(name: "last", type: .bool, summary: "whether this is the list's last element"),
        ])
    }

    /// `model` as an object of `type`. Inlinable, as is all that reads models: specialized in the module that
    /// declares the models, rather than generic code that looked up the metadata of its types on every call (a fifth
    /// of turning the pages' models into values).
    @inlinable
    public func value(of model: Model) -> TemplateValue {
        var values: [TemplateValue] = []
        values.reserveCapacity(type.fields.count)
        for field in fields { field.read(model, into: &values) }
        return .object(TemplateObject(type: type, fields: values))
    }

    /// `models` as a list whose elements also say whether they are first or last.
    @inlinable
    public func joinedList(of models: [Model]) -> TemplateValue {
        .list(models.enumerated().map { offset, model in
            var values: [TemplateValue] = []
            values.reserveCapacity(joinedType.fields.count)
            for field in fields { field.read(model, into: &values) }
            values.append(.bool(offset == 0))
            values.append(.bool(offset == models.count - 1))
            return .object(TemplateObject(type: joinedType, fields: values))
        })
    }

    /// These fields as fields of an enclosing model that holds a `Model`, for models that share a set of fields
    /// (every page has the site's and the page's), less those named in `excluding` (which the enclosing model
    /// declares its own way). The `Model` is read once for all of them.
    @inlinable
    public func fields<Outer>(excluding: Set<String> = [], in get: @escaping @Sendable (Outer) -> Model) -> [TemplateField<Outer>] {
        // A group embedded whole stays whole: only single fields can be left out.
        precondition(fields.allSatisfy { $0.declarations.count == 1 || $0.declarations.allSatisfy { !excluding.contains($0.name) } },
                     "a field to exclude is inside an embedded group")
        let kept = fields.filter { $0.declarations.count > 1 || !excluding.contains($0.declarations[0].name) }
        return [TemplateField<Outer>(declarations: kept.flatMap(\.declarations)) { outer, values in
            let inner = get(outer)
            for field in kept { field.read(inner, into: &values) }
        }]
    }
}

/// One field of a schema, or a group of fields embedded from another schema: the declarations and how to read
/// their values.
public struct TemplateField<Model>: Sendable {
    @usableFromInline let declarations: [TemplateObjectType.Field]
    /// How the values are read: most fields are one value, read by one closure (a closure calling another for
    /// each field of each model was a tenth of turning a page's model into its value).
    @usableFromInline enum Reader: Sendable {
        case one(@Sendable (Model) -> TemplateValue)
        /// Appends the values of `declarations`, in order.
        case group(@Sendable (Model, inout [TemplateValue]) -> Void)
    }
    @usableFromInline let reader: Reader

    @inlinable
    init(declarations: [TemplateObjectType.Field], append: @escaping @Sendable (Model, inout [TemplateValue]) -> Void) {
        self.declarations = declarations
        reader = .group(append)
    }

    @inlinable
    public init(_ name: String, _ type: TemplateType, _ summary: String = "", read: @escaping @Sendable (Model) -> TemplateValue) {
        declarations = [.init(name: name, type: type, summary: summary)]
        reader = .one(read)
    }

    /// Appends the values of `declarations` for `model`, in order.
    @inlinable @inline(__always)
    func read(_ model: Model, into values: inout [TemplateValue]) {
        switch reader {
        case .one(let read): values.append(read(model))
        case .group(let append): append(model, &values)
        }
    }

    @inlinable
    public static func text(_ name: String, _ summary: String = "", _ get: @escaping @Sendable (Model) -> String) -> Self {
        Self(name, .text, summary) { .text(get($0)) }
    }

    @inlinable
    public static func optionalText(_ name: String, _ summary: String = "", _ get: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name, .optional(.text), summary) { get($0).map(TemplateValue.text) ?? .absent }
    }

    @inlinable
    public static func int(_ name: String, _ summary: String = "", _ get: @escaping @Sendable (Model) -> Int) -> Self {
        Self(name, .int, summary) { .int(get($0)) }
    }

    @inlinable
    public static func optionalInt(_ name: String, _ summary: String = "", _ get: @escaping @Sendable (Model) -> Int?) -> Self {
        Self(name, .optional(.int), summary) { get($0).map(TemplateValue.int) ?? .absent }
    }

    @inlinable
    public static func bool(_ name: String, _ summary: String = "", _ get: @escaping @Sendable (Model) -> Bool) -> Self {
        Self(name, .bool, summary) { .bool(get($0)) }
    }

    @inlinable
    public static func object<Child: TemplateModel>(_ name: String, _ summary: String = "",
                                                    _ get: @escaping @Sendable (Model) -> Child) -> Self {
        let schema = Child.schema
        return Self(name, .object(schema.type), summary) { schema.value(of: get($0)) }
    }

    @inlinable
    public static func optionalObject<Child: TemplateModel>(_ name: String, _ summary: String = "",
                                                            _ get: @escaping @Sendable (Model) -> Child?) -> Self {
        let schema = Child.schema
        return Self(name, .optional(.object(schema.type)), summary) { get($0).map(schema.value(of:)) ?? .absent }
    }

    @inlinable
    public static func list<Child: TemplateModel>(_ name: String, _ summary: String = "",
                                                  _ get: @escaping @Sendable (Model) -> [Child]) -> Self {
        let schema = Child.schema
        return Self(name, .list(.object(schema.type)), summary) { .list(get($0).map(schema.value(of:))) }
    }

    /// A list whose elements also have `first` and `last`, for joining with separators.
    @inlinable
    public static func joinedList<Child: TemplateModel>(_ name: String, _ summary: String = "",
                                                        _ get: @escaping @Sendable (Model) -> [Child]) -> Self {
        let schema = Child.schema
        return Self(name, .list(.object(schema.joinedType)), summary) { schema.joinedList(of: get($0)) }
    }
}
