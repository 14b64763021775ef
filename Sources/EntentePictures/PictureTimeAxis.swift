import EntenteModel
import EntenteResolving
/// Time as the pictures draw it: a continuous count of years, where a partial date is the span it covers.
///
/// `2024` is the whole of 2024, `2024-07` the whole of July 2024 and `2024-07-29` that one day, so that a
/// date is drawn at its own precision and never as 1 January.
package enum PictureTimeAxis {
    /// The span a date covers, in fractional years: `[start, end)`.
    package static func span(of date: PartialDate) -> (start: Double, end: Double) {
        let year = Double(date.year)
        let days = Double(daysIn(year: date.year))
        guard let month = date.month else { return (year, year + 1) }
        let before = Double(daysBefore(month: month, year: date.year))
        guard let day = date.day else {
            let length = Double(PartialDate.daysIn(month: month, year: date.year))
            return (year + before / days, year + (before + length) / days)
        }
        return (year + (before + Double(day - 1)) / days, year + (before + Double(day)) / days)
    }

    package static func daysIn(year: Int) -> Int { PartialDate.daysIn(month: 2, year: year) == 29 ? 366 : 365 }

    package static func daysBefore(month: Int, year: Int) -> Int {
        var total = 0
        for m in 1..<max(month, 1) { total += PartialDate.daysIn(month: m, year: year) }
        return total
    }

    /// A linear map from fractional years to x, over whole years `[firstYear, lastYear]`.
    package struct Scale {
        package let firstYear: Int
        package let lastYear: Int
        package let left: Double
        package let right: Double

        /// The whole years covering `start...end`, at least one year long.
        package init(covering start: Double, _ end: Double, left: Double, right: Double) {
            let first = Int(start.rounded(.down))
            var last = Int(end.rounded(.up))
            if last <= first { last = first + 1 }
            firstYear = first
            lastYear = last
            self.left = left
            self.right = right
        }

        package func x(_ years: Double) -> Double {
            left + (years - Double(firstYear)) / Double(lastYear - firstYear) * (right - left)
        }

        /// Years that get a labelled tick, at least `minSpacing` apart: every 1, 2, 5, 10, 20, 25, 50… years.
        package func tickYears(minSpacing: Double) -> [Int] {
            let perYear = (right - left) / Double(lastYear - firstYear)
            var step = 1
            for candidate in [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000] {
                step = candidate
                if Double(candidate) * perYear >= minSpacing { break }
            }
            let start = Int((Double(firstYear) / Double(step)).rounded(.up)) * step
            return Array(stride(from: start, through: lastYear, by: step))
        }

        /// Whether months are wide enough to mark (at least `minSpacing` apart).
        package func showsMonths(minSpacing: Double) -> Bool {
            (right - left) / Double(lastYear - firstYear) / 12 >= minSpacing
        }
    }
}
