import EntenteModel
import EntenteSupport
import Yams

extension ContentDecoder {
    package static let treatyKeys = ["name", "short", "aliases", "instrument", "kind", "obligations", "parties", "events",
                             "status", "summary", "provisions", "sources", "supersedes", "related", "imported_from"]
    package static let partyKeys = ["actor", "signed", "ratified", "acceded", "in_force", "withdrawn", "note"]
    package static let eventKeys = ["date", "type", "actor", "note", "source"]
    package static let sourceKeys = ["title", "url", "date"]

    package static func treaty(id: TreatyID, _ input: inout Fields) -> Treaty? {
        var fields = input.fields
        defer { input.fields = fields }
        let name = fields.string("name", required: true)
        var treaty = Treaty(id: id, name: name ?? "", parties: [], location: fields.mappingLocation)
        treaty.short = fields.string("short")
        treaty.aliases = fields.stringList("aliases")
        treaty.instrument = fields.enumeration("instrument", as: Treaty.Instrument.self) ?? .treaty
        treaty.kind = fields.enumeration("kind", as: Treaty.Kind.self)
        for item in fields.sequence("obligations") {
            guard let text = fields.scalarText(item, key: "obligations"),
                  let obligation = fields.enumValue(text.trimmingWhitespace(), as: Treaty.Obligation.self,
                                                    key: "obligation", at: fields.location(of: item))
            else { continue }
            if !treaty.obligations.contains(obligation) { treaty.obligations.append(obligation) }
        }
        let partyNodes = fields.sequence("parties")
        if fields.node("parties") == nil {
            fields.error(fields.mappingLocation, "missing required field 'parties'",
                         suggestion: "list at least one actor id, e.g. parties: [russia, india]")
        } else if partyNodes.isEmpty, fields.diagnostics.allSatisfy({ !$0.message.contains("'parties' must be") }) {
            fields.error(fields.location("parties"), "'parties' needs at least one actor")
        }
        treaty.parties = partyNodes.compactMap { party($0, in: &fields) }
        treaty.events = fields.sequence("events").compactMap { event($0, in: &fields) }
        treaty.declaredStatus = fields.enumeration("status", as: TreatyStatus.self)
        if treaty.declaredStatus != nil { treaty.statusLocation = fields.location("status") }
        treaty.summary = fields.markdown("summary")
        for item in fields.sequence("provisions") {
            if let provision = fields.markdown(item, key: "provisions") { treaty.provisions.append(provision) }
        }
        let sourceNodes = fields.sequence("sources")
        treaty.sources = sourceNodes.compactMap { source($0, in: &fields) }
        for event in treaty.events {
            // Counted against the sources as written, so that one bad source does not shift the others.
            if let index = event.source, !(1...max(sourceNodes.count, 1)).contains(index) || sourceNodes.isEmpty {
                fields.error(event.location, "event source \(index) does not exist; this treaty has \(sourceNodes.count) source(s)",
                             suggestion: "'source' is the 1-based number of an entry in 'sources'")
            }
        }
        treaty.supersedes = fields.reference("supersedes", as: TreatyTag.self)
        treaty.related = fields.references("related", as: TreatyTag.self)
        _ = fields.string("imported_from")
        if let body = input.body, !body.source.trimmingWhitespace().isEmpty { treaty.body = body }
        fields.reportUnknownKeys(known: treatyKeys)
        return name == nil ? nil : treaty
    }

    private static func party(_ node: Node, in fields: inout YAMLFields) -> Treaty.Party? {
        if case .scalar = node {
            return fields.reference(node, key: "parties", as: ActorTag.self).map { Treaty.Party(actor: $0) }
        }
        var sub = YAMLFields(node, origin: fields.origin, what: "a party", sourceLines: fields.sourceLines)
        defer { fields.absorb(&sub, known: partyKeys) }
        guard case .mapping = node else { return nil }
        guard let actor = sub.reference("actor", as: ActorTag.self) else {
            if sub.node("actor") == nil { sub.error(sub.mappingLocation, "a party needs 'actor', the actor's id") }
            return nil
        }
        return Treaty.Party(actor: actor, signed: sub.date("signed"), ratified: sub.date("ratified"),
                            acceded: sub.date("acceded"), inForce: sub.date("in_force"),
                            withdrawn: sub.date("withdrawn"), note: sub.string("note"))
    }

    private static func event(_ node: Node, in fields: inout YAMLFields) -> TreatyEvent? {
        var sub = YAMLFields(node, origin: fields.origin, what: "an event", sourceLines: fields.sourceLines)
        defer { fields.absorb(&sub, known: eventKeys) }
        guard case .mapping = node else { return nil }
        let date = sub.date("date", required: true)
        let type = sub.enumeration("type", as: TreatyEventType.self)
        if sub.node("type") == nil { sub.error(sub.mappingLocation, "missing required field 'type'") }
        let actor = sub.reference("actor", as: ActorTag.self)
        let note = sub.string("note")
        let source = sub.integer("source")
        guard let date, let type else { return nil }
        return TreatyEvent(date: date, type: type, actor: actor, note: note, source: source, location: sub.mappingLocation)
    }

    private static func source(_ node: Node, in fields: inout YAMLFields) -> Treaty.Source? {
        var sub = YAMLFields(node, origin: fields.origin, what: "a source", sourceLines: fields.sourceLines)
        defer { fields.absorb(&sub, known: sourceKeys) }
        guard case .mapping = node else { return nil }
        let title = sub.string("title", required: true)
        let url = sub.string("url", required: true)
        let date = sub.date("date")
        guard let title, let url else { return nil }
        guard SafeURL.isExternalWebURL(url) else {
            sub.error(sub.location("url"), "a source url must be an http:// or https:// address, not '\(url)'")
            return nil
        }
        return Treaty.Source(title: title, url: url, date: date)
    }
}

extension YAMLFields {
    /// Moves a nested mapping's diagnostics (and its unknown-key warnings) into this one.
    package mutating func absorb(_ nested: inout YAMLFields, known: [String]) {
        if nested.isMapping { nested.reportUnknownKeys(known: known) }
        for diagnostic in nested.diagnostics {
            if diagnostic.severity == .error { error(diagnostic.location, diagnostic.message, suggestion: diagnostic.suggestion) }
            else { warning(diagnostic.location, diagnostic.message, suggestion: diagnostic.suggestion) }
        }
    }
}
