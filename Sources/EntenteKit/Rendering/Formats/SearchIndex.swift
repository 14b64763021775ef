/// The static search's index: every analysis, actor and treaty with the words it can be found by.
///
/// It is written as `search/index.js`, a script that sets `window.ENTENTE_SEARCH`, rather than as JSON
/// fetched at run time: browsers refuse `fetch` from `file://`, and the site must work opened from disk.
struct SearchIndex {
    let site: ResolvedSite
    let index: SiteIndex

    /// One entry: title, kind, path from the site root, date, and the text it is found by.
    var entries: [[String: Any]] {
        var entries: [[String: Any]] = []
        for analysis in site.analyses {
            var entry: [String: Any] = ["t": analysis.title, "k": "analysis", "u": "analyses/\(analysis.id.rawValue)/",
                                        "d": analysis.date.display]
            entry["s"] = ([analysis.summary ?? "", analysis.author ?? ""] + analysis.tags).filter { !$0.isEmpty }.joined(separator: " · ")
            entries.append(entry)
        }
        for actor in site.actors {
            let words = [actor.short ?? ""] + actor.aliases + [actor.region ?? "", actor.kind.title, actor.iso3 ?? ""]
            entries.append(["t": actor.name, "k": "actor", "u": "actors/\(actor.id.rawValue)/",
                            "s": words.filter { !$0.isEmpty }.joined(separator: " · ")])
        }
        for treaty in site.treaties {
            let words = [treaty.short ?? ""] + treaty.aliases + [treaty.kind?.title ?? treaty.instrument.title, treaty.status?.title ?? ""]
            var entry: [String: Any] = ["t": treaty.name, "k": "treaty", "u": "treaties/\(treaty.id.rawValue)/",
                                        "s": words.filter { !$0.isEmpty }.joined(separator: " · ")]
            if let date = treaty.events.filter({ $0.type == .signed }).map(\.date).min() ?? treaty.events.map(\.date).min() {
                entry["d"] = date.display
            }
            entries.append(entry)
        }
        return entries
    }

    var script: String {
        // The JSON text is also a JavaScript expression; "</" is escaped so that no entry can end a script tag.
        let json = OpenData.json(entries).replacingOccurrences(of: "</", with: "<\\/")
        return "window.ENTENTE_SEARCH = " + json.trimmingWhitespace() + ";\n"
    }
}
