import EntenteModel
import Foundation

/// What "Cite this" offers for one analysis or treaty: its BibTeX, RIS and CSL-JSON files.
///
/// One description of the work, written three ways, so the three files never disagree.
package struct Citation: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// An analysis: a page of the site, by its authors.
        case analysis
        /// An agreement: its parties stand where authors would, its date is its signature.
        case treaty
    }

    /// The citation key: the page's id.
    package var key: String
    package var kind: Kind
    package var title: String
    /// Authors, or a treaty's parties, by name.
    package var creators: [String]
    /// The site's title: where it was published.
    package var container: String
    /// Published (an analysis) or signed (a treaty); nil when unknown, never guessed.
    package var date: PartialDate?
    /// The page's address: only with `base_url`, as a relative one means nothing in a reference manager.
    package var url: String?
    /// The build's day, as the day the page was read.
    package var accessed: PartialDate?
    package var note: String?

    /// The file in `format`, as a `data:` URL: base64, which needs no escaping in an attribute and is the same
    /// length whatever the text holds.
    package func dataURL(_ format: CitationFormat) -> String {
        "data:\(format.mediaType);charset=utf-8;base64," + Data(text(format).utf8).base64EncodedString()
    }

    /// The name a reader's browser saves the file in `format` under: the citation key, which is the page's id.
    package func fileName(_ format: CitationFormat) -> String {
        key + "." + format.fileExtension
    }

    /// The file in `format`.
    package func text(_ format: CitationFormat) -> String {
        switch format {
        case .bibTeX: bibTeX
        case .ris: ris
        case .cslJSON: cslJSON
        }
    }

    // MARK: BibTeX (biblatex fields, with year and month as classic BibTeX reads them)

    private var bibTeX: String {
        var fields: [(String, String)] = []
        switch kind {
        case .analysis:
            if !creators.isEmpty { fields.append(("author", creators.map(Self.bibEscape).joined(separator: " and "))) }
        case .treaty:
            // Parties are institutions: braced whole, so that "United Kingdom" is not read as a surname.
            if !creators.isEmpty { fields.append(("author", creators.map { "{" + Self.bibEscape($0) + "}" }.joined(separator: " and "))) }
        }
        fields.append(("title", "{" + Self.bibEscape(title) + "}"))
        fields.append((kind == .analysis ? "organization" : "howpublished", Self.bibEscape(container)))
        if let date {
            fields.append(("date", date.description))
            fields.append(("year", String(date.year)))
            if let month = date.month { fields.append(("month", Self.bibMonths[month - 1])) }
        }
        if let url { fields.append(("url", Self.replacingScalars(in: url, ["}": "%7D", "{": "%7B"]))) }
        if let accessed, url != nil { fields.append(("urldate", accessed.description)) }
        if let note { fields.append(("note", Self.bibEscape(note))) }
        let type = kind == .analysis ? "online" : "misc"
        // Months are macros, written without braces.
        let body = fields.map { name, value in
            "  \(name) = " + (name == "month" ? value : "{\(value)}")
        }.joined(separator: ",\n")
        return "@\(type){\(key),\n\(body)\n}\n"
    }

    private static let bibMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// BibTeX's special characters, escaped so that a title with `&`, `%` or braces compiles.
    package static func bibEscape(_ text: String) -> String {
        // Nearly every text has none of them (all ASCII): returned as it is, without walking its characters.
        guard text.utf8.contains(where: { byte in
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: "$"),
                 UInt8(ascii: "#"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): true
            default: false
            }
        }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": result += "\\" + String(character)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    // MARK: RIS

    private var ris: String {
        var lines: [(String, String)] = [("TY", kind == .analysis ? "ELEC" : "LEGAL")]
        for creator in creators { lines.append((kind == .analysis ? "AU" : "A2", creator)) }
        lines.append(("TI", title))
        lines.append(("T2", container))
        if let date {
            lines.append(("PY", String(date.year)))
            lines.append(("DA", Self.risDate(date)))
        }
        if let url { lines.append(("UR", url)) }
        if let accessed, url != nil { lines.append(("Y2", Self.risDate(accessed))) }
        if let note { lines.append(("N1", note)) }
        lines.append(("ER", ""))
        // RIS ends every line with CR LF; a value never spans lines.
        return lines.map { tag, value in
            "\(tag)  - " + Self.replacingScalars(in: value, ["\r": " ", "\n": " "])
        }.joined(separator: "\r\n") + "\r\n"
    }

    /// `YYYY/MM/DD/`, with the parts not known left empty, as RIS writes a partial date: the ISO form's parts.
    private static func risDate(_ date: PartialDate) -> String {
        let parts = date.description.split(separator: "-")
        return (0..<3).map { $0 < parts.count ? String(parts[$0]) : "" }.joined(separator: "/") + "/"
    }

    /// `text` with each of the scalars of `replacements` replaced; a text with none of them (nearly every one) as it
    /// is. With Foundation's `replacingOccurrences`, a search per pattern, the RIS files alone were 1.5% of a 10k build;
    /// the scalars replaced are ASCII, so the text is searched byte by byte.
    private static func replacingScalars(in text: String, _ replacements: KeyValuePairs<Unicode.Scalar, String>) -> String {
        func replacement(_ scalar: Unicode.Scalar) -> String? { replacements.first { $0.key == scalar }?.value }
        guard text.utf8.contains(where: { byte in replacements.contains { $0.key.value == UInt32(byte) } }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if let replacement = replacement(scalar) { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    // MARK: CSL-JSON

    private struct CSLItem: Encodable {
        struct Name: Encodable { var literal: String }
        struct DateParts: Encodable {
            var dateParts: [[Int]]
            enum CodingKeys: String, CodingKey { case dateParts = "date-parts" }
        }

        var id: String
        var type: String
        var title: String
        var author: [Name]?
        var containerTitle: String
        var issued: DateParts?
        var accessed: DateParts?
        var url: String?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case id, type, title, author, issued, accessed, note
            case containerTitle = "container-title", url = "URL"
        }
    }

    private var cslJSON: String {
        func parts(_ date: PartialDate?) -> CSLItem.DateParts? {
            date.map { CSLItem.DateParts(dateParts: [[$0.year] + [$0.month, $0.day].compactMap { $0 }]) }
        }
        let item = CSLItem(id: key, type: kind == .analysis ? "webpage" : "treaty", title: title,
                           author: creators.isEmpty ? nil : creators.map(CSLItem.Name.init),
                           containerTitle: container, issued: parts(date), accessed: url == nil ? nil : parts(accessed),
                           url: url, note: note)
        return OpenData.json([item])
    }
}
