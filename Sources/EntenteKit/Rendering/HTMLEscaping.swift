import Mustache

/// The escaping of `{{variable}}` in every template: the same five entities as swift-mustache's own
/// HTML content type, but it scans UTF-8 bytes and returns the string untouched when nothing needs escaping
/// (almost always), instead of rebuilding every string character by character through a dictionary.
struct HTMLEscaping: MustacheContentType {
    /// The name templates select it by; `Theme` adds the pragma to every template it loads.
    static let name = "ENTENTE_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// Registers the content type once, before any template that names it is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x3C: bytes += "&lt;".utf8
            case 0x3E: bytes += "&gt;".utf8
            case 0x26: bytes += "&amp;".utf8
            case 0x22: bytes += "&quot;".utf8
            case 0x27: bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
