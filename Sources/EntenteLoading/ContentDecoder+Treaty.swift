import EntenteModel
import EntenteSupport
import Yams

extension ContentDecoder {
    package static let treatyKeys = ["name", "short", "aliases", "instrument", "kind", "obligations", "parties", "events",
                             "status", "summary", "provisions", "sources", "supersedes", "related", "imported_from", "term",
                             "expires", "renewal"]
    package static let renewalKeys = ["period", "notice"]
    package static let partyKeys = ["actor", "signed", "ratified", "acceded", "in_force", "withdrawn", "note"]
    package static let eventKeys = ["date", "type", "actor", "note", "source"]
    package static let sourceKeys = ["id", "title", "url", "date"]

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
        treaty.declaredStatus = fields.enumeration("status", as: TreatyStatus.self)
        if treaty.declaredStatus != nil { treaty.statusLocation = fields.location("status") }
        term(&treaty, &fields)
        treaty.summary = fields.markdown("summary")
        for item in fields.sequence("provisions") {
            if let provision = fields.markdown(item, key: "provisions") { treaty.provisions.append(provision) }
        }
        // Sources first: events cite them. Positions count the sources as written, so that one bad source does not
        // shift the others.
        let sourceNodes = fields.sequence("sources")
        var sourceIDs: [String?] = []
        for node in sourceNodes {
            let parsed = source(node, in: &fields)
            if let parsed { treaty.sources.append(parsed) }
            sourceIDs.append(parsed?.id ?? sourceID(of: node))
        }
        var seen: [String: Int] = [:]
        for (index, id) in sourceIDs.enumerated() {
            guard let id else { continue }
            if let first = seen[id] {
                fields.error(fields.location(of: sourceNodes[index]), "two sources have the id '\(id)' (sources \(first + 1) and \(index + 1))",
                             suggestion: "give each source an id of its own")
            } else {
                seen[id] = index
            }
        }
        treaty.events = fields.sequence("events").compactMap { event($0, sources: sourceIDs, in: &fields) }
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

    /// The `id` of a source written as a mapping, read without reporting anything (the source reports its own problems).
    private static func sourceID(of node: Node) -> String? {
        guard case .mapping(let mapping) = node, case .scalar(let scalar)? = mapping["id"] else { return nil }
        return scalar.string.trimmingWhitespace()
    }

    /// The 1-based position of the source an event cites: by id (`source: kcna-2024-06-19`) or, with a warning,
    /// by position (`source: 2`), which silently points elsewhere once a source is inserted above it.
    private static func citedSource(_ sub: inout YAMLFields, sources: [String?]) -> Int? {
        guard let node = sub.node("source"), let text = sub.scalarText(node, key: "source")?.trimmingWhitespace() else { return nil }
        let location = sub.location(of: node)
        if let position = Int(text) {
            guard (1...max(sources.count, 1)).contains(position), !sources.isEmpty else {
                sub.error(location, "event source \(position) does not exist; this treaty has \(sources.count) source(s)",
                          suggestion: "cite a source by its id: give it 'id: …' and write 'source: …' here")
                return nil
            }
            let suggestion = sources[position - 1].map { "write 'source: \($0)'" }
                ?? "give source \(position) an id ('id: …') and write 'source:' with that id"
            sub.warning(location, "citing a source by position: it points elsewhere once a source is inserted above it",
                        suggestion: suggestion)
            return position
        }
        if let index = sources.firstIndex(of: text) { return index + 1 }
        let known = sources.compactMap { $0 }
        sub.error(location, "no source of this treaty has the id '\(text)'",
                  suggestion: Suggestions.nearest(to: text, among: known).map { "did you mean '\($0)'?" }
                      ?? (known.isEmpty ? "give the source 'id: \(text)'" : "its sources' ids: " + known.joined(separator: ", ")))
        return nil
    }

    private static func event(_ node: Node, sources: [String?], in fields: inout YAMLFields) -> TreatyEvent? {
        var sub = YAMLFields(node, origin: fields.origin, what: "an event", sourceLines: fields.sourceLines)
        defer { fields.absorb(&sub, known: eventKeys) }
        guard case .mapping = node else { return nil }
        let date = sub.date("date", required: true)
        let type = sub.enumeration("type", as: TreatyEventType.self)
        if sub.node("type") == nil { sub.error(sub.mappingLocation, "missing required field 'type'") }
        let actor = sub.reference("actor", as: ActorTag.self)
        let note = sub.string("note")
        let source = citedSource(&sub, sources: sources)
        guard let date, let type else { return nil }
        return TreatyEvent(date: date, type: type, actor: actor, note: note, source: source, location: sub.mappingLocation)
    }

    /// `term`, `expires` and `renewal`: how long the treaty binds and how it renews itself.
    private static func term(_ treaty: inout Treaty, _ fields: inout YAMLFields) {
        if let text = fields.string("term")?.trimmingWhitespace() {
            if text == "indefinite" {
                treaty.term = .indefinite
            } else if let length = TermLength(parsing: text) {
                treaty.term = .fixed(length)
            } else {
                fields.error(fields.location("term"), "'\(text)' is not a term",
                             suggestion: "write a length such as '20 years', '6 months' or '90 days', or 'indefinite'")
            }
        }
        treaty.expires = fields.date("expires")
        if let node = fields.node("renewal") {
            var sub = YAMLFields(node, origin: fields.origin, what: "a renewal", sourceLines: fields.sourceLines)
            defer { fields.absorb(&sub, known: renewalKeys) }
            guard case .mapping = node else { return }
            func length(_ key: String, required: Bool) -> TermLength? {
                guard let text = sub.string(key, required: required) else { return nil }
                guard let length = TermLength(parsing: text) else {
                    sub.error(sub.location(key), "'\(text)' is not a length of time",
                              suggestion: "write it as '5 years', '12 months' or '90 days'")
                    return nil
                }
                return length
            }
            let period = length("period", required: true)
            let notice = length("notice", required: false)
            if let period { treaty.renewal = Treaty.Renewal(period: period, notice: notice) }
        }
        if treaty.term == .indefinite, treaty.expires != nil || treaty.renewal != nil {
            fields.warning(fields.location("term"), "an indefinite term has no expiry or renewal",
                           suggestion: "remove 'expires' and 'renewal', or give the term's length")
        }
    }

    private static func source(_ node: Node, in fields: inout YAMLFields) -> Treaty.Source? {
        var sub = YAMLFields(node, origin: fields.origin, what: "a source", sourceLines: fields.sourceLines)
        defer { fields.absorb(&sub, known: sourceKeys) }
        guard case .mapping = node else { return nil }
        let id = sub.string("id")
        if let id, let problem = ActorID.problem(with: id) {
            sub.error(sub.location("id"), "'\(id)' is not a valid source id: \(problem)",
                      suggestion: ActorID.slug(from: id).isEmpty ? nil : "write '\(ActorID.slug(from: id))'")
        }
        let title = sub.string("title", required: true)
        let url = sub.string("url", required: true)
        let date = sub.date("date")
        guard let title, let url else { return nil }
        guard SafeURL.isExternalWebURL(url) else {
            sub.error(sub.location("url"), "a source url must be an http:// or https:// address, not '\(url)'")
            return nil
        }
        return Treaty.Source(id: id.flatMap { ActorID.problem(with: $0) == nil ? $0 : nil }, title: title, url: url, date: date)
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
