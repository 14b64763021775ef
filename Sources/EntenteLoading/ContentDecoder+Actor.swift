import EntenteModel
import EntenteSupport
extension ContentDecoder {
    package static let actorKeys = ["name", "kind", "short", "aliases", "region", "part_of", "summary", "iso3", "cow",
                            "wikidata", "imported_from"]

    package static func actor(id: ActorID, _ input: inout Fields) -> Actor? {
        var fields = input.fields
        defer { input.fields = fields }
        let name = fields.string("name", required: true)
        let kind = fields.enumeration("kind", as: Actor.Kind.self) ?? .state
        var actor = Actor(id: id, name: name ?? "", kind: kind, location: fields.mappingLocation)
        actor.short = fields.string("short")
        actor.aliases = fields.stringList("aliases")
        actor.region = fields.string("region")
        actor.partOf = fields.reference("part_of", as: ActorTag.self)
        actor.summary = fields.markdown("summary")
        if let iso3 = fields.string("iso3") {
            if iso3.count == 3, iso3.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                actor.iso3 = iso3
            } else {
                fields.error(fields.location("iso3"), "'iso3' must be three capital letters (ISO 3166-1 alpha-3), not '\(iso3)'")
            }
        }
        if let cow = fields.integer("cow") {
            if cow > 0 { actor.cow = cow } else { fields.error(fields.location("cow"), "'cow' must be a positive number") }
        }
        if let wikidata = fields.string("wikidata") {
            if wikidata.first == "Q", wikidata.count > 1, wikidata.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) {
                actor.wikidata = wikidata
            } else {
                fields.error(fields.location("wikidata"), "'wikidata' must be a Wikidata item id such as Q668, not '\(wikidata)'")
            }
        }
        _ = fields.string("imported_from")
        if let body = input.body, !body.source.trimmingWhitespace().isEmpty { actor.profile = body }
        fields.reportUnknownKeys(known: actorKeys)
        return name == nil ? nil : actor
    }
}
