import Foundation
import TemplateEngine

extension TemplateValue {
    /// The value as swift-mustache reads it, for comparing the two engines: an absent value is `NSNull`, which stops
    /// swift-mustache's lookup as Entente's engine does (a missing key would send it to the enclosing context).
    public var mustacheContext: Any {
        switch self {
        case .absent: NSNull()
        case .bool(let flag): flag
        case .int(let number): number
        case .text(let text): text
        case .list(let items): items.map(\.mustacheContext)
        case .object(let object):
            Dictionary(uniqueKeysWithValues: zip(object.type.fields.map(\.name), object.fields.map(\.mustacheContext)))
        }
    }
}
