import EntenteModel
import EntenteLoading
/// Reads typed values out of the fields of one ATOP or COW record, describing what is wrong with a bad one.
///
/// Nothing is guessed: a field that is not what the codebook says it is makes the record bad, and the
/// importer skips the record and reports why.
package enum ATOPField {
    /// A date read from separate year, month and day columns.
    package enum DateValue: Equatable {
        case date(PartialDate)
        /// Year 0: no date (an exit or an end that has not happened by the end of the data).
        case none
        case problem(String)
    }

    /// A whole number, nil when the field is blank; a problem when it holds anything else.
    package static func integer(_ record: CSVTable.Record, _ column: String) -> Result<Int?, Problem> {
        let text = record[column]
        if text.isEmpty { return .success(nil) }
        guard let value = Int(text) ?? wholeDecimal(text) else {
            return .failure(Problem("'\(text)' in column '\(column)' is not a whole number"))
        }
        return .success(value)
    }

    /// A required whole number.
    package static func requiredInteger(_ record: CSVTable.Record, _ column: String) -> Result<Int, Problem> {
        switch integer(record, column) {
        case .failure(let problem): .failure(problem)
        case .success(nil): .failure(Problem("column '\(column)' is empty"))
        case .success(let value?): .success(value)
        }
    }

    /// A 0/1 flag as ATOP codes them (any positive number counts as set).
    package static func flag(_ record: CSVTable.Record, _ column: String) -> Result<Bool, Problem> {
        switch requiredInteger(record, column) {
        case .failure(let problem): .failure(problem)
        case .success(let value) where value < 0: .failure(Problem("'\(value)' in column '\(column)' is not 0 or 1"))
        case .success(let value): .success(value > 0)
        }
    }

    /// The date in three columns. A blank or zero month or day leaves the date at year or month
    /// precision; year 0 means no date when `zeroYearMeansNone`; anything impossible is a problem.
    package static func date(_ record: CSVTable.Record, year yearColumn: String, month monthColumn: String,
                     day dayColumn: String, zeroYearMeansNone: Bool) -> DateValue {
        let parts: (Int?, Int?, Int?)
        switch (integer(record, yearColumn), integer(record, monthColumn), integer(record, dayColumn)) {
        case (.failure(let problem), _, _), (_, .failure(let problem), _), (_, _, .failure(let problem)):
            return .problem(problem.message)
        case (.success(let year), .success(let month), .success(let day)):
            parts = (year, month, day)
        }
        let written = "\(yearColumn) \(record[yearColumn].isEmpty ? "blank" : record[yearColumn]), "
            + "\(monthColumn) \(record[monthColumn].isEmpty ? "blank" : record[monthColumn]), "
            + "\(dayColumn) \(record[dayColumn].isEmpty ? "blank" : record[dayColumn])"
        guard let year = parts.0 else { return .problem("no year (\(written))") }
        let month = parts.1 == 0 ? nil : parts.1
        let day = parts.2 == 0 ? nil : parts.2
        if year == 0 && zeroYearMeansNone {
            return month == nil && day == nil ? .none : .problem("year 0 with a month or day (\(written))")
        }
        if day != nil && month == nil { return .problem("a day without a month (\(written))") }
        guard let date = PartialDate(year: year, month: month, day: day) else {
            return .problem("impossible date (\(written))")
        }
        return .date(date)
    }

    /// Stata exports write some whole numbers as `4.0`.
    private static func wholeDecimal(_ text: String) -> Int? {
        guard let dot = text.firstIndex(of: "."), text[text.index(after: dot)...].allSatisfy({ $0 == "0" }),
              !text[text.index(after: dot)...].isEmpty
        else { return nil }
        return Int(text[..<dot])
    }

    package struct Problem: Error, Equatable {
        package var message: String
        package init(_ message: String) { self.message = message }
    }
}
