import EntenteModel

/// What is about to change, as of a day: agreements awaiting ratification, terms ending within some years, and the
/// events of the twelve months before. The watchlist page and its feed are both made from it.
public struct Watchlist: Sendable {
    /// An agreement signed but not ratified by every party.
    public struct Pending: Sendable {
        public var treaty: TreatyID
        public var ratified: [ActorID]
        public var awaiting: [ActorID]
        /// Its latest event by the day: when it last moved.
        public var lastMoved: PartialDate?
    }

    /// An agreement whose current term ends within the window.
    public struct Ending: Sendable {
        public var treaty: TreatyID
        public var ends: PartialDate
        public var renewal: TermLength?
        /// The last day notice can stop the renewal, when the treaty says how much notice it needs.
        public var noticeBy: PartialDate?
    }

    public var day: PartialDate
    public var years: Int
    /// The latest to have moved first.
    public var pending: [Pending]
    public var ending: [Ending]
    /// Newest first.
    public var recent: [SiteIndex.TimelineEntry]

    /// The watchlist of `site` as of `day`, watching terms `years` ahead.
    public init(site: ResolvedSite, index: SiteIndex, day: PartialDate, years: Int) {
        self.day = day
        self.years = years
        var pending: [Pending] = []
        var ending: [Ending] = []
        let horizon = TermLength(count: years, unit: .years).added(to: day) ?? day
        for treaty in site.treaties {
            let standing = treaty.standing(at: day)
            let signed = treaty.events.contains { $0.type == .signed && $0.date.isCertainlyByEnd(of: day) }
                || treaty.parties.contains { $0.signed.map { $0.isCertainlyByEnd(of: day) } == true }
            // Only a treaty, agreement or protocol is ratified; a joint statement or memorandum binds on signature.
            // One in force, or ended, is past ratification, whatever the record says of each party.
            // A status the file states (no dated event says when it came) stands for the day asked about.
            if signed, treaty.instrument.isTreaty, (treaty.declaredStatus ?? standing.status) == .signed {
                let ratified = treaty.ratifiedParties(by: day)
                let all = site.distinctParties(of: treaty)
                let awaiting = all.filter { !ratified.contains($0) }
                if !awaiting.isEmpty {
                    pending.append(Pending(treaty: treaty.id, ratified: ratified.filter { all.contains($0) }, awaiting: awaiting,
                                           lastMoved: treaty.events.map(\.date).filter { $0.isCertainlyByEnd(of: day) }.max()))
                }
            }
            if let ends = standing.termEnds, !ends.isCertainlyByEnd(of: day), !horizon.isCertainlyBefore(ends) {
                let noticeBy = treaty.renewal?.notice.flatMap { $0.subtracted(from: ends) }
                ending.append(Ending(treaty: treaty.id, ends: ends, renewal: treaty.renewal?.period, noticeBy: noticeBy))
            }
        }
        // The latest to have moved first (undated last): what moved recently is what is about to change.
        self.pending = pending.sorted { a, b in
            switch (a.lastMoved, b.lastMoved) {
            case let (x?, y?) where x != y: x > y
            case (_?, nil): true
            case (nil, _?): false
            default: a.treaty < b.treaty
            }
        }
        self.ending = ending.sorted { ($0.ends, $0.treaty) < ($1.ends, $1.treaty) }
        let yearBefore = TermLength(count: 1, unit: .years).subtracted(from: day) ?? day
        recent = index.timeline.filter { entry in
            // A fact dated to a month or year that spans the day may have happened by then: it is listed, not dropped.
            !day.isCertainlyBefore(entry.event.date) && yearBefore.isCertainlyBefore(entry.event.date)
        }
    }
}
