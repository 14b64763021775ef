import CSV
import Foundation

/// The site's data as files anyone can reuse: `data/actors.json`, `data/treaties.json`, `data/events.json`,
/// the same as CSV, and one JSON record per actor and treaty. The JSON holds every field of the content
/// format, so that the data set can be rebuilt from the site alone.
struct OpenData {
    let site: ResolvedSite

    // MARK: Records

    func actorRecord(_ actor: Actor) -> [String: Any] {
        var record: [String: Any] = ["id": actor.id.rawValue, "name": actor.name, "kind": actor.kind.rawValue,
                                     "aliases": actor.aliases, "page": "actors/\(actor.id.rawValue)/",
                                     "treaties": (site.treatiesOfActor[actor.id] ?? []).map(\.rawValue)]
        record["short"] = actor.short
        record["region"] = actor.region
        record["part_of"] = actor.partOf?.id.rawValue
        record["summary"] = actor.summary?.source
        record["profile"] = actor.profile?.source
        record["iso3"] = actor.iso3
        record["cow"] = actor.cow
        record["wikidata"] = actor.wikidata
        return record
    }

    func treatyRecord(_ treaty: Treaty) -> [String: Any] {
        var record: [String: Any] = ["id": treaty.id.rawValue, "name": treaty.name, "aliases": treaty.aliases,
                                     "instrument": treaty.instrument.rawValue, "page": "treaties/\(treaty.id.rawValue)/",
                                     "obligations": treaty.obligations.map(\.rawValue),
                                     "status_derived": treaty.declaredStatus == nil,
                                     "provisions": treaty.provisions.map(\.source),
                                     "related": treaty.related.map(\.id.rawValue)]
        record["short"] = treaty.short
        record["kind"] = treaty.kind?.rawValue
        record["status"] = treaty.status?.rawValue
        record["summary"] = treaty.summary?.source
        record["body"] = treaty.body?.source
        record["supersedes"] = treaty.supersedes?.id.rawValue
        record["parties"] = treaty.parties.map { party -> [String: Any] in
            var entry: [String: Any] = ["actor": party.actor.id.rawValue]
            entry["signed"] = party.signed?.description
            entry["ratified"] = party.ratified?.description
            entry["acceded"] = party.acceded?.description
            entry["in_force"] = party.inForce?.description
            entry["withdrawn"] = party.withdrawn?.description
            entry["note"] = party.note
            return entry
        }
        record["events"] = treaty.events.map(eventRecord)
        record["sources"] = treaty.sources.map { source -> [String: Any] in
            var entry: [String: Any] = ["title": source.title, "url": source.url]
            entry["date"] = source.date?.description
            return entry
        }
        return record
    }

    private func eventRecord(_ event: TreatyEvent) -> [String: Any] {
        var entry: [String: Any] = ["date": event.date.description, "type": event.type.rawValue]
        entry["actor"] = event.actor?.id.rawValue
        entry["note"] = event.note
        entry["source"] = event.source
        return entry
    }

    func eventRecords(_ timeline: [SiteIndex.TimelineEntry]) -> [[String: Any]] {
        timeline.map { entry in
            var record = eventRecord(entry.event)
            record["treaty"] = entry.treaty.rawValue
            if let number = entry.event.source, let treaty = site.treatiesByID[entry.treaty],
               number >= 1, number <= treaty.sources.count {
                record["source_url"] = treaty.sources[number - 1].url
            }
            return record
        }
    }

    // MARK: Files

    /// JSON with sorted keys and no escaped slashes: stable from build to build, readable by people.
    static func json(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value,
                                                     options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "null\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func csv(header: [String], rows: [[String]]) -> String {
        let stream = OutputStream.toMemory()
        guard let writer = try? CSVWriter(stream: stream, newline: .crlf) else { return "" }
        try? writer.write(row: header)
        for row in rows { try? writer.write(row: row) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    var actorsCSV: String {
        OpenData.csv(header: ["id", "name", "kind", "short", "aliases", "region", "part_of", "iso3", "cow", "wikidata", "treaties"],
                     rows: site.actors.map { actor in
                         [actor.id.rawValue, actor.name, actor.kind.rawValue, actor.short ?? "", actor.aliases.joined(separator: "; "),
                          actor.region ?? "", actor.partOf?.id.rawValue ?? "", actor.iso3 ?? "", actor.cow.map(String.init) ?? "",
                          actor.wikidata ?? "", (site.treatiesOfActor[actor.id] ?? []).map(\.rawValue).joined(separator: "; ")]
                     })
    }

    var treatiesCSV: String {
        OpenData.csv(header: ["id", "name", "short", "instrument", "kind", "obligations", "status", "parties", "supersedes"],
                     rows: site.treaties.map { treaty in
                         [treaty.id.rawValue, treaty.name, treaty.short ?? "", treaty.instrument.rawValue, treaty.kind?.rawValue ?? "",
                          treaty.obligations.map(\.rawValue).joined(separator: "; "), treaty.status?.rawValue ?? "",
                          treaty.parties.map(\.actor.id.rawValue).joined(separator: "; "), treaty.supersedes?.id.rawValue ?? ""]
                     })
    }

    func eventsCSV(_ timeline: [SiteIndex.TimelineEntry]) -> String {
        OpenData.csv(header: ["treaty", "date", "type", "actor", "note"],
                     rows: timeline.map { entry in
                         [entry.treaty.rawValue, entry.event.date.description, entry.event.type.rawValue,
                          entry.event.actor?.id.rawValue ?? "", entry.event.note ?? ""]
                     })
    }
}
