import EntenteModel
import EntenteLoading
/// One alliance of the ATOP alliance-level file, as far as the importer uses it.
public struct ATOPAlliance: Hashable, Sendable {
    /// The ATOP alliance id (`atopid`).
    public var id: Int
    /// `begyr`, `begmo`, `begday`: ATOP dates an alliance from the signature of its founding agreement.
    public var start: PartialDate
    /// `endyr`, `endmo`, `endday`; nil while the alliance was in effect at the end of the data.
    public var end: PartialDate?
    /// The obligations, from the flags `defense`, `offense`, `neutral`, `nonagg`, `consul`, strongest first.
    public var obligations: [Treaty.Obligation]
    public var location: SourceLocation

    /// Whether the alliance was in effect at the end of the data (`ineffect`).
    public var inEffect: Bool { end == nil }

    /// The flags and the obligation each stands for, strongest first.
    package static let obligationColumns: [(column: String, obligation: Treaty.Obligation)] = [
        ("defense", .defence), ("offense", .offence), ("neutral", .neutrality), ("nonagg", .nonAggression),
        ("consul", .consultation),
    ]

    public static let requiredColumns = ["atopid", "begyr", "begmo", "begday", "endyr", "endmo", "endday", "ineffect"]
        + obligationColumns.map(\.column)

    /// The alliance in `record`, or why the record is bad.
    package static func parse(_ record: CSVTable.Record) -> Result<ATOPAlliance, ATOPField.Problem> {
        let id: Int
        switch ATOPField.integer(record, "atopid") {
        case .failure(let problem): return .failure(problem)
        case .success(nil): return .failure(.init("missing atopid"))
        case .success(let value?) where value <= 0: return .failure(.init("'\(value)' is not an ATOP alliance id"))
        case .success(let value?): id = value
        }
        let start: PartialDate
        switch ATOPField.date(record, year: "begyr", month: "begmo", day: "begday", zeroYearMeansNone: false) {
        case .date(let date): start = date
        case .none: return .failure(.init("alliance \(id) has no start date"))
        case .problem(let why): return .failure(.init("alliance \(id): start date: \(why)"))
        }
        let end: PartialDate?
        switch ATOPField.date(record, year: "endyr", month: "endmo", day: "endday", zeroYearMeansNone: true) {
        case .date(let date): end = date
        case .none: end = nil
        case .problem(let why): return .failure(.init("alliance \(id): end date: \(why)"))
        }
        let inEffect: Bool
        switch ATOPField.flag(record, "ineffect") {
        case .failure(let problem): return .failure(.init("alliance \(id): \(problem.message)"))
        case .success(let value): inEffect = value
        }
        if inEffect, let end {
            return .failure(.init("alliance \(id) is marked in effect (ineffect 1) but has an end date, \(end)"))
        }
        if !inEffect && end == nil {
            return .failure(.init("alliance \(id) is marked ended (ineffect 0) but has no end date"))
        }
        if let end, end.isCertainlyBefore(start) {
            return .failure(.init("alliance \(id) ends (\(end)) before it starts (\(start))"))
        }
        var obligations: [Treaty.Obligation] = []
        for (column, obligation) in obligationColumns {
            switch ATOPField.flag(record, column) {
            case .failure(let problem): return .failure(.init("alliance \(id): \(problem.message)"))
            case .success(true): obligations.append(obligation)
            case .success(false): break
            }
        }
        return .success(ATOPAlliance(id: id, start: start, end: end, obligations: obligations, location: record.location))
    }
}
