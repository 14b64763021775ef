/// A length of time in whole years, months or days, as treaties state their terms: `20 years`, `6 months`.
public struct TermLength: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case years, months, days
    }

    public var count: Int
    public var unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Parses `20 years`, `1 year`, `6 months`, `90 days` (a positive count and a unit, singular or plural).
    public init?(parsing text: some StringProtocol) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 2, let count = Int(words[0]), count > 0, count <= 1000 else { return nil }
        let name = words[1].lowercased()
        guard let unit = Unit.allCases.first(where: { name == $0.rawValue || name + "s" == $0.rawValue }) else { return nil }
        self.init(count: count, unit: unit)
    }

    /// `20 years`, `1 year`.
    public var description: String {
        "\(count) " + (count == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue)
    }

    /// `date` moved forward by this length, at the date's own precision: `2002-02-28` + 20 years = `2022-02-28`,
    /// `2002-02` + 20 years = `2022-02`. A day that does not exist in the target month is its last day
    /// (29 Feb + 1 year = 28 Feb). Nil when the date is too coarse for the unit (a year-only date plus months or
    /// days, a month-only date plus days): a date is never made more precise than it is.
    public func added(to date: PartialDate) -> PartialDate? {
        switch unit {
        case .years:
            return Self.clamped(year: date.year + count, month: date.month, day: date.day)
        case .months:
            guard let month = date.month else { return nil }
            let total = date.year * 12 + (month - 1) + count
            return Self.clamped(year: total / 12, month: total % 12 + 1, day: date.day)
        case .days:
            guard let month = date.month, let day = date.day else { return nil }
            return CivilDay(year: date.year, month: month, day: day).advanced(by: count).date
        }
    }

    /// `date` moved back by this length (see `added(to:)`).
    public func subtracted(from date: PartialDate) -> PartialDate? {
        TermLength(count: -count, unit: unit).added(to: date)
    }

    private static func clamped(year: Int, month: Int?, day: Int?) -> PartialDate? {
        guard let month, let day else { return PartialDate(year: year, month: month) }
        return PartialDate(year: year, month: month, day: min(day, PartialDate.daysIn(month: month, year: year)))
    }
}

/// A day of the proleptic Gregorian calendar as a count of days, for adding days to a date.
private struct CivilDay {
    var number: Int

    /// Howard Hinnant's days-from-civil.
    init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    private init(number: Int) { self.number = number }

    func advanced(by days: Int) -> CivilDay { CivilDay(number: number + days) }

    /// civil-from-days.
    var date: PartialDate? {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return PartialDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
