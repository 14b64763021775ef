/// A calendar date known to the year, the month or the day: `2024`, `2024-07` or `2024-07-29`.
///
/// It is shown and sorted at its own precision and never filled in: a year-only date is not 1 January.
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Comparable {
        case year, month, day
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }

        /// `year`, `month` or `day`. Spelt out rather than interpolated: interpolating a case name goes
        /// through reflection, and every date on every page asks.
        public var name: String {
            switch self {
            case .year: "year"
            case .month: "month"
            case .day: "day"
            }
        }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public var precision: Precision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// Creates a date, or nil when the parts do not form a real calendar date.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else, including `2024-02-30`.
    ///
    /// Read byte by byte: every form it takes is ASCII, and splitting into substrings and counting their characters
    /// was a tenth of loading a site (every analysis, treaty and event has a date).
    public init?(parsing text: some StringProtocol) {
        var parts = (0, 0, 0), separators = 0, digits = 0, value = 0
        func ended() -> Bool { digits == (separators == 0 ? 4 : 2) }
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 4 else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            } else if byte == UInt8(ascii: "-"), separators < 2, ended() {
                if separators == 0 { parts.0 = value } else { parts.1 = value }
                (separators, digits, value) = (separators + 1, 0, 0)
            } else {
                return nil
            }
        }
        guard ended() else { return nil }
        switch separators {
        case 0: self.init(year: value)
        case 1: self.init(year: parts.0, month: value)
        default: self.init(year: parts.0, month: parts.1, day: value)
        }
    }

    /// The ISO form at its own precision, also valid as an HTML `datetime` value.
    public var description: String {
        var text = String(year).leftPadded(to: 4)
        if let month { text += "-" + String(month).leftPadded(to: 2) }
        if let day { text += "-" + String(day).leftPadded(to: 2) }
        return text
    }

    /// A reader's form at its own precision: "2024", "Jul 2024", "29 Jul 2024".
    public var display: String {
        guard let month else { return String(year) }
        let name = Self.monthNames[month - 1]
        guard let day else { return "\(name) \(year)" }
        return "\(day) \(name) \(year)"
    }

    /// Earlier dates first; a coarser date sorts before the finer dates it contains (`2024` < `2024-01`).
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// Whether `self` is certainly before `other`, allowing for imprecision (`2024` is not certainly before `2024-03`).
    public func isCertainlyBefore(_ other: PartialDate) -> Bool {
        if year != other.year { return year < other.year }
        guard let month, let otherMonth = other.month else { return false }
        if month != otherMonth { return month < otherMonth }
        guard let day, let otherDay = other.day else { return false }
        return day < otherDay
    }

    package static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension String {
    package func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
