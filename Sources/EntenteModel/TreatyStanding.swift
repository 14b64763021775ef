/// Where a treaty stood on one day, from its dated facts alone: its events, its parties' own dates and its term.
///
/// A fact dated only to the month or year that spans the day may or may not have happened by then: it does not
/// count, and it is listed in `uncertain` so that a page can say so. A day is never invented.
public struct TreatyStanding: Hashable, Sendable {
    /// The day asked about (a month or a year means its last day: "by the end of 1955").
    public var day: PartialDate
    /// nil when nothing dated had certainly happened by then.
    public var status: TreatyStatus?
    /// When the status began: the date of its event, or of the end of the term.
    public var since: PartialDate?
    /// Facts whose dates span the day, so that they may or may not have happened by then.
    public var uncertain: [TreatyEvent]
    /// When the term then running ends (renewals included), when the treaty states a term or an expiry.
    public var termEnds: PartialDate?
    /// Whether the status is `expired` because the term ran out, with no event recording it.
    public var expiredByTerm: Bool
}

extension PartialDate {
    /// The first and last day the date may stand for, as (year, month, day).
    package var firstDay: (Int, Int, Int) { (year, month ?? 1, day ?? 1) }
    package var lastDay: (Int, Int, Int) {
        let lastMonth = month ?? 12
        return (year, lastMonth, day ?? Self.daysIn(month: lastMonth, year: year))
    }

    /// Whether whatever happened on `self` had certainly happened by the end of `other`.
    public func isCertainlyByEnd(of other: PartialDate) -> Bool { lastDay <= other.lastDay }

    /// Whether `self` spans the end of `other`: it may fall before or after it.
    public func spansEnd(of other: PartialDate) -> Bool { firstDay <= other.lastDay && other.lastDay < lastDay }
}

extension Treaty {
    /// The day the treaty entered into force: its earliest `in-force` event naming no party, else the earliest of
    /// its parties' own `in_force` dates (nil: not known).
    public var entryIntoForce: PartialDate? {
        events.filter { $0.type == .inForce && $0.actor == nil }.map(\.date).min() ?? parties.compactMap(\.inForce).min()
    }

    /// When the first term ends: `expires` as written, else entry into force plus `term` (nil when either is unknown,
    /// or the term is indefinite).
    public var firstExpiry: PartialDate? {
        if let expires { return expires }
        guard case .fixed(let length)? = term, let start = entryIntoForce else { return nil }
        return length.added(to: start)
    }

    /// The parties that had certainly ratified by the end of `day` (their own date, an event naming them, or one naming
    /// no party), in the order the treaty lists them, each once; with no day, every ratification on record counts.
    public func ratifiedParties(by day: PartialDate?) -> [ActorID] {
        func counts(_ date: PartialDate) -> Bool { day.map { date.isCertainlyByEnd(of: $0) } ?? true }
        let general = events.contains { $0.type == .ratified && $0.actor == nil && counts($0.date) }
        var seen: Set<ActorID> = []
        return parties.compactMap { party in
            let id = party.actor.id
            guard seen.insert(id).inserted else { return nil }
            let own = party.ratified.map(counts) == true
                || events.contains { $0.type == .ratified && $0.actor?.id == id && counts($0.date) }
            return general || own ? id : nil
        }
    }

    /// Where the treaty stood at the end of `day`.
    public func standing(at day: PartialDate) -> TreatyStanding {
        let certain = events.filter { $0.date.isCertainlyByEnd(of: day) }
        let uncertain = events.filter { $0.date.spansEnd(of: day) }
        let ratified = Set(ratifiedParties(by: day))
        let ratifiedByAll = parties.allSatisfy { ratified.contains($0.actor.id) }
        let event = Self.statusEvent(among: certain, ratifiedByAll: ratifiedByAll)
        var standing = TreatyStanding(day: day, status: event?.type.status, since: event?.date, uncertain: uncertain,
                                      termEnds: nil, expiredByTerm: false)
        // A term runs only once the treaty is in force; an event that ended it (or any later status) stands.
        guard standing.status == .inForce || standing.status == .ratified || standing.status == .amended,
              var end = firstExpiry else { return standing }
        if let period = renewal?.period {
            // Renewed automatically, period after period, as long as no event ended it.
            var guardCount = 0
            while end.isCertainlyByEnd(of: day), let next = period.added(to: end), guardCount < 10_000 {
                end = next
                guardCount += 1
            }
            standing.termEnds = end
        } else if end.isCertainlyByEnd(of: day) {
            standing.status = .expired
            standing.since = end
            standing.expiredByTerm = true
        } else {
            standing.termEnds = end
        }
        return standing
    }

    /// The event a status is derived from, among `events`: see `statusEvent`.
    package static func statusEvent(among events: [TreatyEvent], ratifiedByAll: Bool) -> TreatyEvent? {
        events.filter { event in
            guard event.type.status != nil else { return false }
            guard event.actor != nil else { return true }
            switch event.type {
            case .signed: return true
            case .ratified: return ratifiedByAll
            default: return false
            }
        }
        .max { ($0.date, $0.type.lifecycleRank) < ($1.date, $1.type.lifecycleRank) }
    }
}

/// Why a treaty may have bound its parties on a day although its dated record does not show it.
public enum StandingDoubt: Hashable, Sendable {
    /// Facts that would have put it in force are dated only to a month or year that spans the day.
    case spanningDates([TreatyEvent])
    /// Its status is stated as in force, but no date of entry into force is on record, and it had been signed by then.
    case undatedEntryIntoForce
    /// It ended on the given date (expired, terminated, superseded), so it had been in force, but no date of entry
    /// into force is on record, and it had been signed by then.
    case endedLaterUndated(PartialDate)
}

extension Treaty {
    /// nil when the dated record settles whether the treaty bound its parties on `day` (either way); otherwise why it
    /// may have, so that a page can list it apart rather than leave it out or invent a day.
    /// `standing`, when given, is `standing(at: day)`, made already by the caller.
    public func doubt(at day: PartialDate, standing known: TreatyStanding? = nil) -> StandingDoubt? {
        let standing = known ?? standing(at: day)
        if standing.status?.isActive == true { return nil }
        let spanning = standing.uncertain.filter { $0.type.status?.isActive == true }
        if !spanning.isEmpty { return .spanningDates(spanning) }
        // Only a treaty signed by then and not yet ended may have been in force without its date being known.
        guard standing.status == .signed, entryIntoForce == nil else { return nil }
        if declaredStatus?.isActive == true { return .undatedEntryIntoForce }
        // An agreement that later expired or was ended had been in force before.
        let ends: Set<TreatyEventType> = [.expired, .terminated, .superseded]
        if let end = events.filter({ ends.contains($0.type) && $0.actor == nil && !$0.date.isCertainlyByEnd(of: day) }).map(\.date).min() {
            return .endedLaterUndated(end)
        }
        return nil
    }
}

extension Treaty {
    /// Each party's own latest step (approved, ratified, acceded or withdrawn) certainly taken by the end of `day`, in
    /// the order the treaty lists its parties: what a treaty-wide status does not show, such as a government's approval
    /// of a text not yet signed, or one party's ratification while the other's is awaited.
    public func partySteps(by day: PartialDate) -> [(party: ActorID, step: TreatyEventType)] {
        let kinds: Set<TreatyEventType> = [.approved, .ratified, .acceded, .withdrawn]
        var seen: Set<ActorID> = []
        return parties.compactMap { party in
            let id = party.actor.id
            guard seen.insert(id).inserted else { return nil }
            var dated: [(PartialDate, TreatyEventType)] = events
                .filter { $0.actor?.id == id && kinds.contains($0.type) && $0.date.isCertainlyByEnd(of: day) }
                .map { ($0.date, $0.type) }
            for (date, type) in [(party.ratified, TreatyEventType.ratified), (party.acceded, .acceded), (party.withdrawn, .withdrawn)] {
                if let date, date.isCertainlyByEnd(of: day) { dated.append((date, type)) }
            }
            guard let latest = dated.max(by: { ($0.0, $0.1.lifecycleRank) < ($1.0, $1.1.lifecycleRank) }) else { return nil }
            return (id, latest.1)
        }
    }
}
