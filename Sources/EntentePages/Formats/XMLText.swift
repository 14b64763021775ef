import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
/// Escaping for XML text and attributes (feeds, sitemaps, pictures): the five predefined entities, and
/// characters XML 1.0 forbids (most control characters) dropped.
package enum XMLText {
    package static func escape(_ text: String) -> String {
        // Almost every text needs nothing: one pass over the bytes returns it untouched. 0xEF starts U+FFFE and
        // U+FFFF (and other characters, which the slow path keeps).
        let clean = text.utf8.allSatisfy { byte in
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0xEF: false
            case 0x09, 0x0A, 0x0D: true
            default: byte >= 0x20
            }
        }
        if clean { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
