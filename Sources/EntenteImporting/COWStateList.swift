import EntenteModel
import EntenteLoading
/// The Correlates of War State System Membership list: state codes, names and membership spells.
public struct COWStateList: Sendable {
    /// One state of the COW list.
    public struct State: Hashable, Sendable {
        /// The COW state number (`ccode`).
        public var code: Int
        /// The COW abbreviation (`stateabb`), which is not an ISO code.
        public var abbreviation: String?
        /// The COW name (`statenme`).
        public var name: String
        /// Its spells of membership in the state system, earliest first (several when it was interrupted).
        public var spells: [Spell]
        /// Where the state's first row is.
        public var location: SourceLocation
    }

    public struct Spell: Hashable, Sendable {
        public var start: PartialDate
        /// The end of the spell; nil when it lasts to the end of the list.
        public var end: PartialDate?
    }

    /// The last day covered by the COW list v2016: a spell ending then had not ended.
    public static let endOfData = PartialDate(year: 2016, month: 12, day: 31)!

    public static let requiredColumns = ["ccode", "statenme"]
    package static let spellColumns = ["styear", "stmonth", "stday", "endyear", "endmonth", "endday"]

    public var states: [Int: State]
    /// Rows that were skipped, one warning each.
    public var skipped: [Diagnostic]

    /// Reads the COW state list; throws only when the file cannot be read or lacks a required column.
    public static func read(_ path: String) throws(DiagnosticsError) -> COWStateList {
        let table = try CSVTable.read(path, requiredColumns: requiredColumns)
        let hasSpells = spellColumns.allSatisfy(table.header.contains)
        var states: [Int: State] = [:]
        var skipped: [Diagnostic] = []
        func skip(_ record: CSVTable.Record, _ why: String) {
            skipped.append(.warning(record.location, "\(why); row skipped"))
        }
        for record in table.records {
            let code: Int
            switch ATOPField.requiredInteger(record, "ccode") {
            case .failure(let problem): skip(record, problem.message); continue
            case .success(let value) where value <= 0: skip(record, "'\(value)' is not a COW state code"); continue
            case .success(let value): code = value
            }
            let name = record["statenme"]
            guard !name.isEmpty else { skip(record, "state \(code) has no name (column 'statenme')"); continue }
            let abbreviation = record["stateabb"].isEmpty ? nil : record["stateabb"]
            var spell: Spell?
            if hasSpells {
                let start = ATOPField.date(record, year: "styear", month: "stmonth", day: "stday", zeroYearMeansNone: false)
                let end = ATOPField.date(record, year: "endyear", month: "endmonth", day: "endday", zeroYearMeansNone: true)
                switch (start, end) {
                case (.problem(let why), _): skip(record, "state \(code): start of membership: \(why)"); continue
                case (_, .problem(let why)): skip(record, "state \(code): end of membership: \(why)"); continue
                case (.date(let startDate), .date(let endDate)):
                    if endDate.isCertainlyBefore(startDate) {
                        skip(record, "state \(code): membership ends (\(endDate)) before it starts (\(startDate))"); continue
                    }
                    spell = Spell(start: startDate, end: endDate == endOfData ? nil : endDate)
                case (.date(let startDate), .none): spell = Spell(start: startDate, end: nil)
                case (.none, _): skip(record, "state \(code): no start of membership"); continue
                }
            }
            if var existing = states[code] {
                guard existing.name == name else {
                    skip(record, "state \(code) is named '\(existing.name)' at line \(existing.location.line), '\(name)' here")
                    continue
                }
                if let spell { existing.spells.append(spell) }
                existing.spells.sort { $0.start < $1.start }
                states[code] = existing
            } else {
                states[code] = State(code: code, abbreviation: abbreviation, name: name, spells: spell.map { [$0] } ?? [],
                                     location: record.location)
            }
        }
        return COWStateList(states: states, skipped: skipped)
    }
}
