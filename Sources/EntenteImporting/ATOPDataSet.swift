import EntenteModel
import EntenteLoading
/// The three files of an ATOP import, read and checked against each other.
///
/// Every bad row is skipped with one warning at its file and line; nothing is repaired or guessed.
public struct ATOPDataSet: Sendable {
    /// A member row of a known alliance that was skipped, so that the alliance's page can say so.
    public struct SkippedMember: Hashable, Sendable {
        /// The COW code as written, when it was a number.
        public var state: Int?
        public var reason: String
        public var location: SourceLocation
    }

    public var states: COWStateList
    /// The usable alliances by ATOP id.
    public var alliances: [Int: ATOPAlliance]
    /// The usable member rows by alliance, in file order.
    public var memberships: [Int: [ATOPMembership]]
    /// Member rows of usable alliances that were skipped.
    public var skippedMembers: [Int: [SkippedMember]]
    /// One warning per skipped row, in every file.
    public var skipped: [Diagnostic]

    /// Reads and checks the files; throws when one cannot be read or lacks a column the import needs.
    public static func read(alliances alliancesPath: String, members membersPath: String,
                            states statesPath: String) throws(DiagnosticsError) -> ATOPDataSet {
        let states = try COWStateList.read(statesPath)
        let allianceTable = try CSVTable.read(alliancesPath, requiredColumns: ATOPAlliance.requiredColumns)
        let memberTable = try CSVTable.read(membersPath, requiredColumns: ATOPMembership.requiredColumns)
        var skipped = states.skipped

        var alliances: [Int: ATOPAlliance] = [:]
        var badAlliances: [Int: SourceLocation] = [:]
        for record in allianceTable.records {
            switch ATOPAlliance.parse(record) {
            case .failure(let problem):
                skipped.append(.warning(record.location, "\(problem.message); row skipped"))
                if case .success(let id?) = ATOPField.integer(record, "atopid") { badAlliances[id] = record.location }
            case .success(let alliance):
                if let first = alliances[alliance.id] {
                    skipped.append(.warning(record.location, "alliance \(alliance.id) appears again (first at line \(first.location.line)); row skipped"))
                } else {
                    alliances[alliance.id] = alliance
                }
            }
        }

        var memberships: [Int: [ATOPMembership]] = [:]
        var skippedMembers: [Int: [SkippedMember]] = [:]
        for record in memberTable.records {
            let membership: ATOPMembership
            switch ATOPMembership.parse(record) {
            case .failure(let problem):
                skipped.append(.warning(record.location, "\(problem.message); row skipped"))
                if case .success(let id?) = ATOPField.integer(record, "atopid"), alliances[id] != nil {
                    let state = (try? ATOPField.integer(record, "member").get()) ?? nil
                    skippedMembers[id, default: []].append(SkippedMember(state: state, reason: problem.message,
                                                                         location: record.location))
                }
                continue
            case .success(let value): membership = value
            }
            guard let alliance = alliances[membership.alliance] else {
                let why = badAlliances[membership.alliance].map {
                    "alliance \(membership.alliance) was skipped (\($0.file):\($0.line))"
                } ?? "alliance \(membership.alliance) is not in \(allianceTable.file)"
                skipped.append(.warning(record.location, "\(why); row skipped"))
                continue
            }
            if let problem = check(membership, in: alliance, states: states, earlier: memberships[alliance.id] ?? []) {
                skipped.append(.warning(record.location, "\(problem); row skipped"))
                skippedMembers[alliance.id, default: []].append(SkippedMember(state: membership.state, reason: problem,
                                                                              location: record.location))
                continue
            }
            memberships[alliance.id, default: []].append(membership)
        }

        // An alliance none of whose members could be read has no parties: it cannot become a treaty.
        for (id, alliance) in alliances where memberships[id] == nil {
            let reason = skippedMembers[id] == nil ? "has no member rows in \(memberTable.file)"
                                                   : "has no usable member rows in \(memberTable.file)"
            skipped.append(.warning(alliance.location, "alliance \(id) \(reason); row skipped"))
            alliances[id] = nil
            skippedMembers[id] = nil
        }
        return ATOPDataSet(states: states, alliances: alliances, memberships: memberships,
                           skippedMembers: skippedMembers, skipped: skipped.sorted())
    }

    /// Why a well-formed member row does not fit its alliance or the state list, or nil.
    private static func check(_ membership: ATOPMembership, in alliance: ATOPAlliance, states: COWStateList,
                              earlier: [ATOPMembership]) -> String? {
        let id = alliance.id, state = membership.state
        guard states.states[state] != nil else {
            return "alliance \(id): unknown COW state code \(state) (not in the state list)"
        }
        if membership.entry.isCertainlyBefore(alliance.start) {
            return "alliance \(id), state \(state): entry (\(membership.entry)) before the alliance starts (\(alliance.start))"
        }
        if let end = alliance.end {
            if end.isCertainlyBefore(membership.entry) {
                return "alliance \(id), state \(state): entry (\(membership.entry)) after the alliance ends (\(end))"
            }
            guard let exit = membership.exit else {
                return "alliance \(id), state \(state): no exit date (year 0) although the alliance ended (\(end))"
            }
            if end.isCertainlyBefore(exit) {
                return "alliance \(id), state \(state): exit (\(exit)) after the alliance ends (\(end))"
            }
        }
        if let twin = earlier.first(where: { $0.state == state && $0.phase == membership.phase
                                             && $0.entry == membership.entry && $0.exit == membership.exit }) {
            return "alliance \(id), state \(state): the same membership as line \(twin.location.line)"
        }
        return nil
    }
}
