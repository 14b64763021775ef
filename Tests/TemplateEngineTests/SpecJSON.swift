import Foundation
@testable import TemplateEngine

/// A JSON value of the specification's test files, decoded so that its numbers and key order are known.
indirect enum SpecJSON: Sendable, Decodable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number that is not an integer, in its shortest decimal form ("1.21").
    case decimal(String)
    case string(String)
    case array([SpecJSON])
    /// Keys sorted, so objects made from them have a stable field order.
    case object([(key: String, value: SpecJSON)])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .decimal(value.description)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SpecJSON].self) {
            self = .array(value)
        } else {
            let members = try container.decode([String: SpecJSON].self)
            self = .object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) })
        }
    }

    /// The value for the dynamic mode, which reads fields by name: the field types do not matter there.
    var dynamicValue: TemplateValue {
        switch self {
        case .null: .absent
        case .bool(let value): .bool(value)
        case .int(let value): .int(value)
        case .decimal(let value), .string(let value): .text(value)
        case .array(let elements): .list(elements.map(\.dynamicValue))
        case .object(let members):
            .object(TemplateObject(
                type: TemplateObjectType(name: "object", fields: members.map { .init(name: $0.key, type: .text) }),
                fields: members.map(\.value.dynamicValue)))
        }
    }

    // MARK: Typed values, for the compiled mode

    /// The type this value's data suggests: objects become object types; a list's element type merges all its
    /// elements' (a field missing from some becomes optional); null is optional text.
    var inferredType: TemplateType {
        switch self {
        case .null: .optional(.text)
        case .bool: .bool
        case .int: .int
        case .decimal, .string: .text
        case .array(let elements):
            .list(elements.map(\.inferredType).reduce(nil) { merged, type in merged.map { Self.merge($0, type) } ?? type }
                  ?? .optional(.text))
        case .object(let members):
            .object(TemplateObjectType(name: "object", fields: members.map { .init(name: $0.key, type: $0.value.inferredType) }))
        }
    }

    private static func merge(_ a: TemplateType, _ b: TemplateType) -> TemplateType {
        switch (a, b) {
        case (.optional(let x), .optional(let y)): return .optional(merge(x, y))
        case (.optional(let x), let y), (let y, .optional(let x)): return .optional(merge(x, y))
        case (.list(let x), .list(let y)): return .list(merge(x, y))
        case (.object(let x), .object(let y)):
            var fields: [(String, TemplateType)] = []
            let names = Set(x.fields.map(\.name)).union(y.fields.map(\.name)).sorted()
            for name in names {
                let left = x.index(of: name).map { x.fields[$0].type }
                let right = y.index(of: name).map { y.fields[$0].type }
                switch (left, right) {
                case (let l?, let r?): fields.append((name, merge(l, r)))
                case (let l?, nil): fields.append((name, .optional(l)))
                case (nil, let r?): fields.append((name, .optional(r)))
                case (nil, nil): break
                }
            }
            return .object(TemplateObjectType(name: "object", fields: fields.map { .init(name: $0.0, type: $0.1) }))
        case (.bool, .bool): return .bool
        case (.int, .int): return .int
        // Mixed scalars are written by what they are at render time, so any scalar type does.
        default: return .text
        }
    }

    /// This value shaped as `type` says: objects with the type's fields in its order.
    func value(as type: TemplateType) -> TemplateValue {
        switch (self, type) {
        case (.null, _): .absent
        case (_, .optional(let wrapped)): value(as: wrapped)
        case (.array(let elements), .list(let element)): .list(elements.map { $0.value(as: element) })
        case (.object(let members), .object(let objectType)):
            .object(TemplateObject(type: objectType, fields: objectType.fields.map { field in
                members.first { $0.key == field.name }?.value.value(as: field.type) ?? .absent
            }))
        default: dynamicValue
        }
    }
}
