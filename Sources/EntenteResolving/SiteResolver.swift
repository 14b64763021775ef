import EntenteModel
/// Checks every reference of loaded content in one pass and builds the `ResolvedSite`.
public enum SiteResolver {
    /// Resolves `content`. When the diagnostics hold errors, the site may only be used to check more
    /// content (Markdown links), never to render pages.
    public static func resolve(_ content: SiteContent) -> (site: ResolvedSite, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var actorIDs: Set<ActorID> = [], treatyIDs: Set<TreatyID> = []
        for key in content.declared {
            switch key {
            case .actor(let id): actorIDs.insert(id)
            case .treaty(let id): treatyIDs.insert(id)
            case .analysis: break
            }
        }
        let partyIDs = Set(content.actors.map(\.id))

        func check<Kind>(_ reference: Reference<Kind>, in ids: Set<Identifier<Kind>>, what: String) {
            if let problem = missing(reference, in: ids, what: what) { diagnostics.append(problem) }
        }

        for actor in content.actors {
            if let parent = actor.partOf {
                check(parent, in: actorIDs, what: "actor")
                if parent.id == actor.id {
                    diagnostics.append(.error(parent.location, "'\(actor.id)' cannot be part of itself"))
                }
            }
        }
        diagnostics += partOfCycles(content.actors)

        for treaty in content.treaties {
            diagnostics += problems(of: treaty, actorIDs: actorIDs, treatyIDs: treatyIDs, partyIDs: partyIDs)
        }

        for analysis in content.analyses {
            for actor in analysis.actors { check(actor, in: actorIDs, what: "actor") }
            for treaty in analysis.treaties { check(treaty, in: treatyIDs, what: "treaty") }
            for author in analysis.authors { check(author, in: content.declaredAuthors, what: "author") }
        }
        var site = ResolvedSite(config: content.config, actors: content.actors, treaties: content.treaties,
                                analyses: content.analyses, authors: content.authors, declared: content.declared,
                                excludedDrafts: content.excludedDrafts, scheduled: content.scheduled)
        site.buildDay = content.buildDay
        return (site, diagnostics + tagPageCollisions(site.analyses))
    }

    /// What resolving finds wrong with `treaty` in `site` (as `resolve` would): a preview checks an edited treaty
    /// alone with this.
    package static func problems(of treaty: Treaty, in site: ResolvedSite) -> [Diagnostic] {
        var actorIDs = Set(site.actorsByID.keys), treatyIDs = Set(site.treatiesByID.keys)
        for key in site.declared {
            switch key {
            case .actor(let id): actorIDs.insert(id)
            case .treaty(let id): treatyIDs.insert(id)
            case .analysis: break
            }
        }
        return problems(of: treaty, actorIDs: actorIDs, treatyIDs: treatyIDs, partyIDs: Set(site.actorsByID.keys))
    }

    /// `treaty`'s references checked against the ids of the site's files (`actorIDs`, `treatyIDs`) and of its
    /// loaded actors (`partyIDs`), and the consistency of its dates and events.
    private static func problems(of treaty: Treaty, actorIDs: Set<ActorID>, treatyIDs: Set<TreatyID>,
                                 partyIDs: Set<ActorID>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check<Kind>(_ reference: Reference<Kind>, in ids: Set<Identifier<Kind>>, what: String) {
            if let problem = missing(reference, in: ids, what: what) { diagnostics.append(problem) }
        }
        var seenParties: Set<ActorID> = []
        for party in treaty.parties {
            check(party.actor, in: actorIDs, what: "actor")
            if !seenParties.insert(party.actor.id).inserted {
                diagnostics.append(.warning(party.actor.location, "'\(party.actor.id)' is listed as a party twice"))
            }
            if let signed = party.signed, let ratified = party.ratified, ratified.isCertainlyBefore(signed) {
                diagnostics.append(.warning(party.actor.location,
                                            "\(party.actor.id) ratified (\(ratified)) before it signed (\(signed))"))
            }
        }
        for event in treaty.events {
            guard let actor = event.actor else { continue }
            check(actor, in: actorIDs, what: "actor")
            if partyIDs.contains(actor.id), !seenParties.contains(actor.id) {
                diagnostics.append(.warning(actor.location, "event actor '\(actor.id)' is not a party to this treaty",
                                            suggestion: "add it to 'parties' or remove 'actor' from the event"))
            }
        }
        if let old = treaty.supersedes {
            check(old, in: treatyIDs, what: "treaty")
            if old.id == treaty.id { diagnostics.append(.error(old.location, "a treaty cannot supersede itself")) }
        }
        for related in treaty.related { check(related, in: treatyIDs, what: "treaty") }
        return diagnostics + TreatyConsistency.diagnostics(for: treaty)
    }

    /// The diagnostic for a reference to an id not among `ids`, if it is not.
    private static func missing<Kind>(_ reference: Reference<Kind>, in ids: Set<Identifier<Kind>>, what: String) -> Diagnostic? {
        guard !ids.contains(reference.id) else { return nil }
        return unknown(what, reference.id.rawValue, at: reference.location, candidates: ids.map(\.rawValue))
    }

    /// The diagnostic for an id that names nothing, with the closest existing id as a suggestion.
    package static func unknown(_ what: String, _ id: String, at location: SourceLocation,
                        candidates: some Sequence<String>) -> Diagnostic {
        .error(location, "unknown \(what) '\(id)'",
               suggestion: Suggestions.nearest(to: id, among: candidates).map { "did you mean '\($0)'?" })
    }

    /// Tags spelled differently that make one page name ("Belt & Road" and "belt-road" → tags/belt-road/)
    /// share that page under the first spelling met, in the order the tag pages are built (newest first).
    package static func tagPageCollisions(_ analyses: [Analysis]) -> [Diagnostic] {
        var first: [String: (tag: String, analysis: Analysis)] = [:]
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        for analysis in analyses {
            for tag in analysis.tags {
                let slug = AnalysisID.slug(from: tag)
                guard let earlier = first[slug] else {
                    first[slug] = (tag, analysis)
                    continue
                }
                guard earlier.tag != tag, reported.insert(tag).inserted else { continue }
                let other = earlier.analysis.id == analysis.id ? "in the same list"
                    : "in \(earlier.analysis.location.file)"
                diagnostics.append(.warning(analysis.tagsLocation ?? analysis.location,
                                            "the tag '\(tag)' and the tag '\(earlier.tag)' (\(other)) both make the page tags/\(slug)/; it is titled '\(earlier.tag)'",
                                            suggestion: "spell the tag '\(earlier.tag)' everywhere"))
            }
        }
        return diagnostics
    }

    private static func partOfCycles(_ actors: [Actor]) -> [Diagnostic] {
        let parents = Dictionary(uniqueKeysWithValues: actors.compactMap { actor in actor.partOf.map { (actor.id, $0) } })
        var reported: Set<ActorID> = []
        var diagnostics: [Diagnostic] = []
        for actor in actors.sorted(by: { $0.id < $1.id }) where !reported.contains(actor.id) {
            var path: [ActorID] = [actor.id]
            var current = actor.id
            while let parent = parents[current]?.id, parent != current {
                if let start = path.firstIndex(of: parent) {
                    let cycle = path[start...]
                    if cycle.allSatisfy({ !reported.contains($0) }), let first = cycle.first, let reference = parents[first] {
                        diagnostics.append(.error(reference.location, "'part_of' forms a cycle: "
                                                  + (cycle + [parent]).map(\.rawValue).joined(separator: " → ")))
                    }
                    reported.formUnion(cycle)
                    break
                }
                path.append(parent)
                current = parent
            }
        }
        return diagnostics
    }
}
