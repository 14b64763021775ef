import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine
import CSV
import Foundation

/// The site's data as files anyone can reuse: `data/actors.json`, `data/treaties.json`, `data/events.json`,
/// the same as CSV, and one JSON record per actor and treaty. The JSON holds every field of the content
/// format, so that the data set can be rebuilt from the site alone.
package struct OpenData {
    package let site: ResolvedSite

    // MARK: Records

    /// One actor as `data/actors.json` and `actors/<id>/data.json` give it.
    package struct ActorRecord: Encodable, Hashable, Sendable {
        package let id: String, name: String, kind: String, aliases: [String], page: String, treaties: [String]
        package let short: String?, region: String?, partOf: String?, summary: String?, profile: String?
        package let iso3: String?, cow: Int?, wikidata: String?

        package enum CodingKeys: String, CodingKey {
            case id, name, kind, aliases, page, treaties, short, region, partOf = "part_of", summary, profile, iso3, cow, wikidata
        }
    }

    /// One treaty as `data/treaties.json` and `treaties/<id>/data.json` give it.
    package struct TreatyRecord: Encodable, Hashable, Sendable {
        package let id: String, name: String, aliases: [String], instrument: String, page: String, obligations: [String]
        package let statusDerived: Bool, provisions: [String], related: [String]
        package let short: String?, kind: String?, status: String?, summary: String?, body: String?, supersedes: String?
        package let parties: [PartyRecord], events: [EventRecord], sources: [SourceRecord]

        package enum CodingKeys: String, CodingKey {
            case id, name, aliases, instrument, page, obligations, statusDerived = "status_derived", provisions, related
            case short, kind, status, summary, body, supersedes, parties, events, sources
        }
    }

    package struct PartyRecord: Encodable, Hashable, Sendable {
        package let actor: String
        package let signed: String?, ratified: String?, acceded: String?, inForce: String?, withdrawn: String?, note: String?

        package enum CodingKeys: String, CodingKey {
            case actor, signed, ratified, acceded, inForce = "in_force", withdrawn, note
        }
    }

    /// One event; in `data/events.json` also with its treaty and the URL of its source.
    package struct EventRecord: Encodable, Hashable, Sendable {
        package let date: String, type: String
        package let actor: String?, note: String?, source: Int?
        package var treaty: String? = nil
        package var sourceURL: String? = nil

        package enum CodingKeys: String, CodingKey {
            case date, type, actor, note, source, treaty, sourceURL = "source_url"
        }
    }

    package struct SourceRecord: Encodable, Hashable, Sendable {
        package let id: String?, title: String, url: String, date: String?
    }

    package func actorRecord(_ actor: Actor) -> ActorRecord {
        ActorRecord(id: actor.id.rawValue, name: actor.name, kind: actor.kind.rawValue, aliases: actor.aliases,
                    page: "actors/\(actor.id.rawValue)/", treaties: (site.treatiesOfActor[actor.id] ?? []).map(\.rawValue),
                    short: actor.short, region: actor.region, partOf: actor.partOf?.id.rawValue, summary: actor.summary?.source,
                    profile: actor.profile?.source, iso3: actor.iso3, cow: actor.cow, wikidata: actor.wikidata)
    }

    package func treatyRecord(_ treaty: Treaty) -> TreatyRecord {
        TreatyRecord(
            id: treaty.id.rawValue, name: treaty.name, aliases: treaty.aliases, instrument: treaty.instrument.rawValue,
            page: "treaties/\(treaty.id.rawValue)/", obligations: treaty.obligations.map(\.rawValue),
            statusDerived: treaty.declaredStatus == nil, provisions: treaty.provisions.map(\.source),
            related: treaty.related.map(\.id.rawValue), short: treaty.short, kind: treaty.kind?.rawValue,
            status: treaty.status?.rawValue, summary: treaty.summary?.source, body: treaty.body?.source,
            supersedes: treaty.supersedes?.id.rawValue,
            parties: treaty.parties.map { party in
                PartyRecord(actor: party.actor.id.rawValue, signed: party.signed?.description,
                            ratified: party.ratified?.description, acceded: party.acceded?.description,
                            inForce: party.inForce?.description, withdrawn: party.withdrawn?.description, note: party.note)
            },
            events: treaty.events.map(eventRecord),
            sources: treaty.sources.map { SourceRecord(id: $0.id, title: $0.title, url: $0.url, date: $0.date?.description) })
    }

    private func eventRecord(_ event: TreatyEvent) -> EventRecord {
        EventRecord(date: event.date.description, type: event.type.rawValue, actor: event.actor?.id.rawValue,
                    note: event.note, source: event.source)
    }

    package func eventRecords(_ timeline: [SiteIndex.TimelineEntry]) -> [EventRecord] {
        timeline.map { entry in
            var record = eventRecord(entry.event)
            record.treaty = entry.treaty.rawValue
            if let number = entry.event.source, let treaty = site.treatiesByID[entry.treaty],
               number >= 1, number <= treaty.sources.count {
                record.sourceURL = treaty.sources[number - 1].url
            }
            return record
        }
    }

    /// A record of one of the JSON arrays (`data/actors.json`, `data/treaties.json`, `data/events.json`), encoded
    /// as the record itself.
    package enum ArrayRecord: Encodable, Hashable, Sendable {
        case actor(ActorRecord), treaty(TreatyRecord), event(EventRecord)

        package func encode(to encoder: any Encoder) throws {
            switch self {
            case .actor(let record): try record.encode(to: encoder)
            case .treaty(let record): try record.encode(to: encoder)
            case .event(let record): try record.encode(to: encoder)
            }
        }
    }

    // MARK: Files

    /// `records` as `json` gives them; with `kept`, each record encoded alone (or taken from the last build) and put
    /// in the array as the encoder would have indented it there: a treaty edit changes one record of thousands.
    package static func jsonArray(_ records: [ArrayRecord], kept: EncodedRows<ArrayRecord>?, as file: String) -> String {
        guard let kept, !records.isEmpty else { return json(records) }
        let elements = kept.encoded(records, in: file) { record in
            // One level deeper: every line but the empty ones (inside an empty list or object) two spaces in.
            json(record).dropLast().split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        }
        return "[\n" + elements.joined(separator: ",\n") + "\n]\n"
    }

    /// JSON with sorted keys and no escaped slashes: stable from build to build, readable by people.
    /// Typed records through `JSONEncoder`: `JSONSerialization` on dictionaries of `Any` was 7% of a build.
    package static func json<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The CSV file `name`: with `kept`, line by line, each line not kept from the last build written alone (the
    /// writer puts a line break before every line but the first).
    package static func csv(_ name: String, kept: EncodedRows<[String]>?, header: [String], rows: [[String]]) -> String {
        guard let kept else { return csv(header: header, rows: rows) }
        let lines = kept.encoded([header] + rows, in: name, csvLine)
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One row as a CSV line, without its line break.
    private static func csvLine(_ row: [String]) -> String {
        let stream = OutputStream.toMemory()
        guard let writer = try? CSVWriter(stream: stream, newline: .crlf) else { return "" }
        try? writer.write(row: row)
        writer.stream.close()
        return String(decoding: stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data(), as: UTF8.self)
    }

    package static func csv(header: [String], rows: [[String]]) -> String {
        let stream = OutputStream.toMemory()
        guard let writer = try? CSVWriter(stream: stream, newline: .crlf) else { return "" }
        try? writer.write(row: header)
        for row in rows { try? writer.write(row: row) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    package func actorsCSV(kept: EncodedRows<[String]>?) -> String {
        OpenData.csv("actors", kept: kept, header: ["id", "name", "kind", "short", "aliases", "region", "part_of", "iso3", "cow", "wikidata", "treaties"],
                     rows: site.actors.map { actor in
                         [actor.id.rawValue, actor.name, actor.kind.rawValue, actor.short ?? "", actor.aliases.joined(separator: "; "),
                          actor.region ?? "", actor.partOf?.id.rawValue ?? "", actor.iso3 ?? "", actor.cow.map(String.init) ?? "",
                          actor.wikidata ?? "", (site.treatiesOfActor[actor.id] ?? []).map(\.rawValue).joined(separator: "; ")]
                     })
    }

    package func treatiesCSV(kept: EncodedRows<[String]>?) -> String {
        OpenData.csv("treaties", kept: kept, header: ["id", "name", "short", "instrument", "kind", "obligations", "status", "parties", "supersedes"],
                     rows: site.treaties.map { treaty in
                         [treaty.id.rawValue, treaty.name, treaty.short ?? "", treaty.instrument.rawValue, treaty.kind?.rawValue ?? "",
                          treaty.obligations.map(\.rawValue).joined(separator: "; "), treaty.status?.rawValue ?? "",
                          treaty.parties.map(\.actor.id.rawValue).joined(separator: "; "), treaty.supersedes?.id.rawValue ?? ""]
                     })
    }

    package func eventsCSV(_ timeline: [SiteIndex.TimelineEntry], kept: EncodedRows<[String]>?) -> String {
        OpenData.csv("events", kept: kept, header: ["treaty", "date", "type", "actor", "note"],
                     rows: timeline.map { entry in
                         [entry.treaty.rawValue, entry.event.date.description, entry.event.type.rawValue,
                          entry.event.actor?.id.rawValue ?? "", entry.event.note ?? ""]
                     })
    }
}
