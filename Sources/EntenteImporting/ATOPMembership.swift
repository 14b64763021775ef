import EntenteModel
import EntenteLoading
/// One row of the ATOP member-level file: one state in one alliance for one phase.
public struct ATOPMembership: Hashable, Sendable {
    /// The alliance (`atopid`).
    public var alliance: Int
    /// The member's COW state code (`member`).
    public var state: Int
    /// The ATOP phase (`phase`): 0 for an alliance that has only one, 1, 2, … otherwise; nil when blank.
    public var phase: Int?
    /// `yrent`, `moent`, `dayent`.
    public var entry: PartialDate
    /// `yrexit`, `moexit`, `dayexit`; nil when the membership lasted to the end of the data (year 0).
    public var exit: PartialDate?
    public var location: SourceLocation

    public static let requiredColumns = ["atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit",
                                         "phase"]

    /// The membership in `record`, or why the record is bad (without checking the alliance or the state).
    package static func parse(_ record: CSVTable.Record) -> Result<ATOPMembership, ATOPField.Problem> {
        let alliance: Int
        switch ATOPField.integer(record, "atopid") {
        case .failure(let problem): return .failure(problem)
        case .success(nil): return .failure(.init("missing atopid"))
        case .success(let value?) where value <= 0: return .failure(.init("'\(value)' is not an ATOP alliance id"))
        case .success(let value?): alliance = value
        }
        let state: Int
        switch ATOPField.integer(record, "member") {
        case .failure(let problem): return .failure(.init("alliance \(alliance): \(problem.message)"))
        case .success(nil): return .failure(.init("alliance \(alliance): missing member state code"))
        case .success(let value?): state = value
        }
        let phase: Int?
        switch ATOPField.integer(record, "phase") {
        case .failure(let problem): return .failure(.init("alliance \(alliance), state \(state): \(problem.message)"))
        case .success(let value): phase = value
        }
        let entry: PartialDate
        switch ATOPField.date(record, year: "yrent", month: "moent", day: "dayent", zeroYearMeansNone: false) {
        case .date(let date): entry = date
        case .none: return .failure(.init("alliance \(alliance), state \(state): no entry date"))
        case .problem(let why): return .failure(.init("alliance \(alliance), state \(state): entry date: \(why)"))
        }
        let exit: PartialDate?
        switch ATOPField.date(record, year: "yrexit", month: "moexit", day: "dayexit", zeroYearMeansNone: true) {
        case .date(let date): exit = date
        case .none: exit = nil
        case .problem(let why): return .failure(.init("alliance \(alliance), state \(state): exit date: \(why)"))
        }
        if let exit, exit.isCertainlyBefore(entry) {
            return .failure(.init("alliance \(alliance), state \(state): exit (\(exit)) before entry (\(entry))"))
        }
        return .success(ATOPMembership(alliance: alliance, state: state, phase: phase, entry: entry, exit: exit,
                                       location: record.location))
    }
}
