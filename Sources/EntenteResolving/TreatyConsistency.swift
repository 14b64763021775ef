import EntenteModel
/// Checks that a treaty's dates, events and status tell one story: nothing is ratified, in force or ended
/// before it was signed, and a written status does not contradict the events. Every finding is a warning:
/// the data may be right and merely surprising (a provisional application, a late-recorded signature).
package enum TreatyConsistency {
    /// Events that can only follow a signature (of the same party, or of anyone when they name no party).
    package static let afterSignature: [TreatyEventType] = [.ratified, .inForce, .withdrawn, .terminated, .expired]

    package static func diagnostics(for treaty: Treaty) -> [Diagnostic] {
        outOfOrderEvents(treaty) + outOfOrderPartyDates(treaty) + statusContradictions(treaty)
    }

    /// The signature dates of one party: its own `signed`, events naming it, and events naming no party.
    package static func signatures(of actor: ActorID, in treaty: Treaty) -> [PartialDate] {
        treaty.parties.filter { $0.actor.id == actor }.compactMap(\.signed)
            + treaty.events.filter { $0.type == .signed && ($0.actor == nil || $0.actor?.id == actor) }.map(\.date)
    }

    /// Every signature date of the treaty, by any party.
    package static func allSignatures(in treaty: Treaty) -> [PartialDate] {
        treaty.parties.compactMap(\.signed) + treaty.events.filter { $0.type == .signed }.map(\.date)
    }

    private static func outOfOrderEvents(_ treaty: Treaty) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for event in treaty.events where afterSignature.contains(event.type) {
            // The earliest signature that could precede the event: a party's own, or the first of any.
            let candidates = event.actor.map { signatures(of: $0.id, in: treaty) } ?? allSignatures(in: treaty)
            guard let signature = candidates.min(), event.date.isCertainlyBefore(signature) else { continue }
            let who = event.actor.map { " by '\($0.id)'" } ?? ""
            diagnostics.append(.warning(event.location,
                                        "the '\(event.type.rawValue)' event\(who) (\(event.date)) is dated before the signature (\(signature))",
                                        suggestion: "check both dates; events are listed in date order"))
        }
        return diagnostics
    }

    /// A party's own dates: entry into force and withdrawal after its signature (ratification before
    /// signature is reported by the resolver), withdrawal after accession.
    private static func outOfOrderPartyDates(_ treaty: Treaty) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for party in treaty.parties {
            let id = party.actor.id
            if let signed = party.signed, let inForce = party.inForce, inForce.isCertainlyBefore(signed) {
                diagnostics.append(.warning(party.actor.location, "for \(id), 'in_force' (\(inForce)) is before 'signed' (\(signed))"))
            }
            if let joined = party.signed ?? party.acceded, let withdrawn = party.withdrawn, withdrawn.isCertainlyBefore(joined) {
                let field = party.signed != nil ? "signed" : "acceded"
                diagnostics.append(.warning(party.actor.location, "for \(id), 'withdrawn' (\(withdrawn)) is before '\(field)' (\(joined))"))
            }
        }
        return diagnostics
    }

    private static func statusContradictions(_ treaty: Treaty) -> [Diagnostic] {
        guard let status = treaty.declaredStatus else { return [] }
        let location = treaty.statusLocation ?? treaty.location
        let signatures = allSignatures(in: treaty)
        let acceded = treaty.parties.contains { $0.acceded != nil } || treaty.events.contains { $0.type == .acceded }
        var derived = treaty
        derived.declaredStatus = nil
        let latest = derived.statusEvent
        if [.inForce, .ratified].contains(status), signatures.isEmpty, !acceded {
            return [.warning(location, "status '\(status.rawValue)' but no event or party records a signature",
                             suggestion: "add a 'signed' event or the parties' 'signed' dates, or correct the status")]
        }
        if [.proposed, .negotiating].contains(status), let signed = signatures.min() {
            return [.warning(location, "status '\(status.rawValue)' but the treaty was signed (\(signed))",
                             suggestion: "remove 'status' to derive it from the events, or correct it")]
        }
        if status.isActive, let latest, [.terminated, .expired, .superseded].contains(latest.type) {
            return [.warning(location, "status '\(status.rawValue)' contradicts the '\(latest.type.rawValue)' event (\(latest.date))",
                             suggestion: "remove 'status' to derive it from the events, or correct it")]
        }
        return []
    }
}
