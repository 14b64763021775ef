import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
/// Atom feeds (RFC 4287): the whole site's, and one per actor and per treaty so that a reader can follow them.
///
/// Atom needs full timestamps; a date known only to the month or the year is given as the first day of that
/// period at midnight UTC. With `base_url` every link is absolute; without it links are relative to the feed's
/// own address (which Atom allows) and ids are `urn:entente:` names, stable across builds.
package struct AtomFeed {
    package struct Entry {
        package var id: String
        package var title: String
        package var link: String
        package var updated: PartialDate
        package var summary: String?
        package var author: String?
        package var categories: [String] = []
    }

    package var id: String
    package var title: String
    package var subtitle: String?
    /// The page the feed is about, relative or absolute.
    package var alternate: String
    /// The feed's own address, relative or absolute.
    package var selfLink: String
    package var author: String
    package var entries: [Entry]

    /// How many entries a feed carries: the newest ones.
    package static let limit = 50

    package static func timestamp(_ date: PartialDate) -> String {
        let month = String(date.month ?? 1).leftPadded(to: 2)
        let day = String(date.day ?? 1).leftPadded(to: 2)
        return "\(String(date.year).leftPadded(to: 4))-\(month)-\(day)T00:00:00Z"
    }

    package var xml: String {
        let e = XMLText.escape
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom">"#,
            "<id>\(e(id))</id>",
            "<title>\(e(title))</title>",
        ]
        if let subtitle { lines.append("<subtitle>\(e(subtitle))</subtitle>") }
        lines.append(#"<link rel="alternate" type="text/html" href="\#(e(alternate))"/>"#)
        lines.append(#"<link rel="self" type="application/atom+xml" href="\#(e(selfLink))"/>"#)
        // A feed's time is its newest entry's, not the build's, so that output stays byte-identical.
        let updated = entries.map(\.updated).max().map(Self.timestamp) ?? "1970-01-01T00:00:00Z"
        lines.append("<updated>\(updated)</updated>")
        lines.append("<author><name>\(e(author))</name></author>")
        lines.append("<generator>Entente</generator>")
        for entry in entries.prefix(Self.limit) {
            lines.append("<entry>")
            lines.append("<id>\(e(entry.id))</id>")
            lines.append("<title>\(e(entry.title))</title>")
            lines.append(#"<link rel="alternate" type="text/html" href="\#(e(entry.link))"/>"#)
            lines.append("<updated>\(Self.timestamp(entry.updated))</updated>")
            if let author = entry.author { lines.append("<author><name>\(e(author))</name></author>") }
            for category in entry.categories { lines.append(#"<category term="\#(e(category))"/>"#) }
            if let summary = entry.summary { lines.append(#"<summary type="text">\#(e(summary))</summary>"#) }
            lines.append("</entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }
}
