import EntenteModel
import EntenteLoading
import Foundation

/// The treaty file for one ATOP alliance: generated name, kind, obligations, parties with their own dates,
/// the timeline, the status and the ATOP citation.
///
/// Only what the data says is written. ATOP dates an alliance from the signature of its agreement and
/// each member from its entry; a member may have several rows (ATOP phases), which stay several events:
/// - founding members (entering on the start date) get `signed`; later members `acceded`; the alliance is `in-force` from
///   its start date, as ATOP codes its obligations;
/// - a further phase that follows on without a gap is an `other` event ("membership continues in ATOP
///   phase 2"), one after a gap a `suspended` event (the lapse) and an `other` event (the return), so that
///   the party table, which shows one date per column, keeps the first entry and the final exit;
/// - a member's last exit before the alliance ends is `withdrawn`; the end of the alliance is `terminated`.
package struct ATOPTreatyDocument: Sendable {
    /// The id the treaty's one source, the ATOP codebook entry, is cited by.
    static let sourceID = "atop"

    package var alliance: ATOPAlliance
    package var rows: [ATOPMembership]
    package var skippedMembers: [ATOPDataSet.SkippedMember]
    /// Actor id and display name by COW code, for every state in `rows`.
    package var actors: [Int: (id: ActorID, name: String)]

    /// The treaty id: `atop-<atopid>`.
    package var id: TreatyID { TreatyID("atop-\(alliance.id)")! }

    /// The member states in order of entry, then COW number, each with its rows in order.
    package var members: [(state: Int, rows: [ATOPMembership])] {
        Dictionary(grouping: rows, by: \.state)
            .map { state, rows in (state, rows.sorted { ($0.entry, $0.phase ?? 0) < ($1.entry, $1.phase ?? 0) }) }
            .sorted { ($0.rows[0].entry, $0.state) < ($1.rows[0].entry, $1.state) }
    }

    /// The kind from the strongest obligation: there is no offence kind, so an offence-only alliance is `other`.
    package var kind: Treaty.Kind {
        switch alliance.obligations.first {
        case .defence: .defencePact
        case .neutrality: .neutrality
        case .nonAggression: .nonAggression
        case .consultation: .consultation
        case .offence, nil: .other
        }
    }

    /// What to call it in a name: "defence pact", "offensive alliance", …
    package var kindWords: String {
        switch alliance.obligations.first {
        case .defence: "defence pact"
        case .offence: "offensive alliance"
        case .neutrality: "neutrality pact"
        case .nonAggression: "non-aggression pact"
        case .consultation: "consultation pact"
        case nil: "alliance"
        }
    }

    /// How many distinct states ATOP lists, counting those whose rows were skipped.
    private var memberCount: Int {
        let kept = Set(rows.map(\.state))
        let skippedStates = Set(skippedMembers.compactMap(\.state)).subtracting(kept)
        return kept.count + skippedStates.count + skippedMembers.filter { $0.state == nil }.count
    }

    /// "Russia–North Korea defence pact, 1961"; with more than three members (or unreadable ones)
    /// "Defence pact of 30 states, 1949 (United States of America, Canada, United Kingdom and 27 others)".
    package var baseName: String {
        let names = members.map { actors[$0.state]?.name ?? "COW \($0.state)" }
        let year = alliance.start.year
        let total = memberCount
        if names.count <= 3 && total == names.count {
            return "\(names.joined(separator: "–")) \(kindWords), \(year)"
        }
        let listed = Array(names.prefix(3))
        let others = total - listed.count
        let kind = kindWords.prefix(1).uppercased() + kindWords.dropFirst()
        return "\(kind) of \(total) states, \(year) (\(listed.joined(separator: ", ")) and \(others) other\(others == 1 ? "" : "s"))"
    }

    /// The states entering on the start date.
    private func founders(_ members: [(state: Int, rows: [ATOPMembership])]) -> Set<Int> {
        Set(members.filter { !alliance.start.isCertainlyBefore($0.rows[0].entry) }.map(\.state))
    }

    /// The name historians use for this alliance, when the table has one whose start date and founding members are
    /// the data's (a name never lands on an alliance the data describes differently).
    package var wellKnown: ATOPWellKnownName? {
        guard let entry = ATOPWellKnownName.entry(for: alliance.id), entry.start == alliance.start.description,
              Set(entry.founders) == founders(members) else { return nil }
        return entry
    }

    /// The YAML file, named `name` (the well-known name, else the base name, or the base name with the ATOP id when
    /// two would clash); a well-known name keeps the generated one as an alias.
    package func yaml(name: String, membersFile: String) -> String {
        let members = self.members
        let founders = founders(members)
        let order = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1.state, $0) })
        var events: [Event] = []
        var parties: [YAMLValue] = []

        if founders.count == members.count {
            events.append(Event(date: alliance.start, type: .signed, state: nil, note: "The alliance begins (ATOP start date)"))
        }
        // ATOP codes an alliance's obligations as in effect from its start date: a status on any day (the network's
        // snapshots) then follows the data, not only the status at its end.
        events.append(Event(date: alliance.start, type: .inForce, state: nil, note: "In effect from its start date, as ATOP codes it"))
        for (state, rows) in members {
            var party = [YAMLEntry("actor", .string(actors[state]!.id.rawValue))]
            let first = rows[0]
            if founders.contains(state) {
                party.append(YAMLEntry("signed", .string(first.entry.description)))
                if founders.count != members.count {
                    events.append(Event(date: first.entry, type: .signed, state: state,
                                        note: "Founding member (ATOP start date)"))
                }
            } else {
                party.append(YAMLEntry("acceded", .string(first.entry.description)))
                events.append(Event(date: first.entry, type: .acceded, state: state,
                                    note: "Joins the alliance" + Self.phaseSuffix(first.phase)))
            }
            // Later rows: a continuation, or a lapse and a return.
            var covered: PartialDate? = first.exit   // nil: open to the end of the data
            var coveredPhase = first.phase
            var open = first.exit == nil
            for row in rows.dropFirst() {
                if open || Self.followsOn(row.entry, after: covered!) {
                    let note = row.phase.flatMap { $0 > 0 ? "Membership continues in ATOP phase \($0)" : nil }
                    events.append(Event(date: row.entry, type: .other, state: state,
                                        note: note ?? "A further ATOP membership record begins"))
                } else {
                    // Not `withdrawn` and `acceded`: the party table would show them as the party's own dates.
                    events.append(Event(date: covered!, type: .suspended, state: state,
                                        note: "Membership lapses" + Self.phaseSuffix(coveredPhase, ending: true)))
                    events.append(Event(date: row.entry, type: .other, state: state,
                                        note: "Membership resumes" + Self.phaseSuffix(row.phase)))
                }
                if let exit = row.exit {
                    if !open, let current = covered, current < exit { covered = exit; coveredPhase = row.phase }
                } else {
                    open = true
                }
            }
            if !open, let exit = covered, alliance.end.map({ exit.isCertainlyBefore($0) }) ?? true {
                party.append(YAMLEntry("withdrawn", .string(exit.description)))
                events.append(Event(date: exit, type: .withdrawn, state: state,
                                    note: "Leaves the alliance (ATOP exit date)"))
            }
            if rows.count > 1 { party.append(YAMLEntry("note", .string(Self.phaseNote(rows)))) }
            parties.append(.mapping(party))
        }
        if let end = alliance.end {
            events.append(Event(date: end, type: .terminated, state: nil, note: "The alliance ends (ATOP end date)"))
        }
        events.sort { lhs, rhs in
            (lhs.date, lhs.type.lifecycleRank, lhs.state.flatMap { order[$0] } ?? -1, lhs.note)
                < (rhs.date, rhs.type.lifecycleRank, rhs.state.flatMap { order[$0] } ?? -1, rhs.note)
        }

        let known = wellKnown
        let atopName = "ATOP \(alliance.id)"
        let short = known?.short ?? atopName
        var aliases: [String] = []
        for alias in (known?.also ?? []) + (known == nil ? [] : [baseName, atopName]) where alias != short && alias != name {
            if !aliases.contains(alias) { aliases.append(alias) }
        }
        var entries: [YAMLEntry] = [
            YAMLEntry("imported_from", .string(ATOPImporter.marker)),
            YAMLEntry("name", .string(name)),
            YAMLEntry("short", .string(short)),
            YAMLEntry("aliases", .list(aliases.map { .string($0) })),
            YAMLEntry("instrument", .string(Treaty.Instrument.agreement.rawValue)),
            YAMLEntry("kind", .string(kind.rawValue)),
            YAMLEntry("obligations", .list(alliance.obligations.map { .string($0.rawValue) })),
            YAMLEntry("status", .string((alliance.inEffect ? TreatyStatus.inForce : .terminated).rawValue)),
            YAMLEntry("summary", .string(summary(members: members, founders: founders, membersFile: membersFile))),
            YAMLEntry("parties", .list(parties)),
            YAMLEntry("events", .list(events.map { event in
                var fields = [YAMLEntry("date", .string(event.date.description)),
                              YAMLEntry("type", .string(event.type.rawValue))]
                if let state = event.state { fields.append(YAMLEntry("actor", .string(actors[state]!.id.rawValue))) }
                fields.append(YAMLEntry("note", .string(event.note)))
                fields.append(YAMLEntry("source", .string(Self.sourceID)))
                return .mapping(fields)
            })),
            YAMLEntry("sources", .list([.mapping([
                YAMLEntry("id", .string(Self.sourceID)),
                YAMLEntry("title", .string(ATOPImporter.sourceTitle(alliance: alliance.id))),
                YAMLEntry("url", .string(ATOPImporter.sourceURL)),
            ])])),
        ]
        if aliases.isEmpty { entries.removeAll { $0.key == "aliases" } }
        return YAMLEmitter.document(entries, comment: ATOPImporter.fileComment(
            "from ATOP 4.01 (alliance \(alliance.id)) and the Correlates of War state list"))
    }

    private struct Event {
        package var date: PartialDate
        package var type: TreatyEventType
        package var state: Int?
        package var note: String
    }

    /// Whether a row entering on `entry` follows on from coverage ending on `exit`: no gap between them
    /// (the same day, an overlap, or the next day), as far as the precision of the dates tells.
    package static func followsOn(_ entry: PartialDate, after exit: PartialDate) -> Bool {
        if !exit.isCertainlyBefore(entry) { return true }
        guard let month = exit.month, let day = exit.day, entry.precision == .day else { return false }
        var next = (exit.year, month, day + 1)
        if next.2 > PartialDate.daysIn(month: month, year: exit.year) { next = (exit.year, month + 1, 1) }
        if next.1 > 12 { next = (exit.year + 1, 1, 1) }
        return PartialDate(year: next.0, month: next.1, day: next.2) == entry
    }

    private static func phaseSuffix(_ phase: Int?, ending: Bool = false) -> String {
        guard let phase, phase > 0 else { return "" }
        return ending ? " (end of ATOP phase \(phase))" : " (ATOP phase \(phase))"
    }

    /// "ATOP membership records: phase 1, 4 Apr 1949 to 19 Jun 1951; phase 2, from 19 Jun 1951"
    package static func phaseNote(_ rows: [ATOPMembership]) -> String {
        let parts = rows.enumerated().map { index, row -> String in
            let label = row.phase.map { $0 > 0 ? "phase \($0)" : "record \(index + 1)" } ?? "record \(index + 1)"
            let span = row.exit.map { "\(row.entry.display) to \($0.display)" } ?? "from \(row.entry.display)"
            return "\(label), \(span)"
        }
        return "ATOP membership records: " + parts.joined(separator: "; ")
    }

    /// A few sentences that say only what the data says.
    private func summary(members: [(state: Int, rows: [ATOPMembership])], founders: Set<Int>, membersFile: String) -> String {
        let names = members.map { Self.markdownEscaped(actors[$0.state]!.name) }
        let article = kindWords.first.map { "aeiou".contains($0) } == true ? "An" : "A"
        var text = "\(article) \(kindWords) "
        if names.count == 2 && memberCount == 2 {
            text += "between \(names[0]) and \(names[1])"
        } else if names.count == 1 && memberCount == 1 {
            text += "of \(names[0])"
        } else {
            text += "of \(memberCount) states"
        }
        text += ", recorded by the Alliance Treaty Obligations and Provisions project (ATOP 4.01) as alliance \(alliance.id). "
        let obligations = alliance.obligations.map { $0.title.lowercased() }
        switch obligations.count {
        case 0: text += "ATOP records none of its five obligations. "
        case 1: text += "Its obligation: \(obligations[0]). "
        default: text += "Its obligations: \(obligations.dropLast().joined(separator: ", ")) and \(obligations.last!). "
        }
        text += "It began \(Self.on(alliance.start))"
        if let end = alliance.end {
            text += " and ended \(Self.on(end))."
        } else {
            text += " and was still in effect at the end of the data (\(ATOPImporter.endOfDataYear))."
        }
        let joiners = members.count - founders.count
        if joiners > 0 { text += " \(joiners) of its members joined after it began." }
        let phases = Set(rows.compactMap(\.phase).filter { $0 > 0 })
        if phases.count > 1 { text += " ATOP divides its membership into \(phases.count) phases." }
        if !skippedMembers.isEmpty {
            let file = (membersFile as NSString).lastPathComponent
            let prefix = "alliance \(alliance.id): "
            let list = skippedMembers.map { member in
                let reason = member.reason.hasPrefix(prefix) ? String(member.reason.dropFirst(prefix.count)) : member.reason
                return "\(file) line \(member.location.line), \(reason)"
            }.joined(separator: "; ")
            let count = skippedMembers.count
            text += " \(count) member row\(count == 1 ? " was" : "s were") skipped by the import and \(count == 1 ? "is" : "are") not shown here: \(Self.markdownEscaped(list))."
        }
        return text
    }

    /// "on 6 Jul 1961", "in May 1987", "in 1844".
    package static func on(_ date: PartialDate) -> String {
        (date.precision == .day ? "on " : "in ") + date.display
    }

    /// Text safe to put in Markdown as plain text.
    package static func markdownEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|~".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
