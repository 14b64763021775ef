import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
/// The static search's index: every analysis, actor and treaty with the words it can be found by.
///
/// It is written as `search/index.js`, a script that sets `window.ENTENTE_SEARCH`, rather than as JSON
/// fetched at run time: browsers refuse `fetch` from `file://`, and the site must work opened from disk.
package struct SearchIndex {
    package let site: ResolvedSite
    package let index: SiteIndex

    /// One entry: title (`t`), kind (`k`), path from the site root (`u`), date (`d`), and the text it is
    /// found by (`s`). The keys are one letter because the index is loaded whole by every search page.
    package struct Entry: Encodable {
        package let t: String, k: String, u: String
        package var d: String? = nil
        package var s: String? = nil
    }

    package var entries: [Entry] {
        var entries: [Entry] = []
        for analysis in site.analyses {
            let words = ([analysis.summary ?? "", analysis.author ?? ""] + analysis.tags).filter { !$0.isEmpty }
            entries.append(Entry(t: analysis.title, k: "analysis", u: "analyses/\(analysis.id.rawValue)/",
                                 d: analysis.date.display, s: words.joined(separator: " · ")))
        }
        for actor in site.actors {
            let words = [actor.short ?? ""] + actor.aliases + [actor.region ?? "", actor.kind.title, actor.iso3 ?? ""]
            entries.append(Entry(t: actor.name, k: "actor", u: "actors/\(actor.id.rawValue)/",
                                 s: words.filter { !$0.isEmpty }.joined(separator: " · ")))
        }
        for treaty in site.treaties {
            let words = [treaty.short ?? ""] + treaty.aliases + [treaty.kind?.title ?? treaty.instrument.title, treaty.status?.title ?? ""]
            let date = treaty.events.filter({ $0.type == .signed }).map(\.date).min() ?? treaty.events.map(\.date).min()
            entries.append(Entry(t: treaty.name, k: "treaty", u: "treaties/\(treaty.id.rawValue)/", d: date?.display,
                                 s: words.filter { !$0.isEmpty }.joined(separator: " · ")))
        }
        return entries
    }

    package var script: String { Self.script(variable: "ENTENTE_SEARCH", json: OpenData.json(entries)) }

    /// JSON as a script that sets `window.<variable>`, for pages opened from disk, where `fetch` is refused.
    package static func script(variable: String, json text: String) -> String {
        // The JSON text is also a JavaScript expression; "</" is escaped so that no entry can end a script tag.
        // A byte scan: Foundation's replacingOccurrences took a quarter of a second on a large site's index.
        let json = text.trimmingWhitespace()
        var bytes: [UInt8] = Array("window.\(variable) = ".utf8)
        bytes.reserveCapacity(json.utf8.count + json.utf8.count / 64 + 32)
        var previous: UInt8 = 0
        for byte in json.utf8 {
            if previous == UInt8(ascii: "<"), byte == UInt8(ascii: "/") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
            previous = byte
        }
        bytes.append(contentsOf: ";\n".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }
}
