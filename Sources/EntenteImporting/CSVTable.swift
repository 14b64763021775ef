import EntenteModel
import EntenteLoading
import CSV
import Foundation

/// A CSV file with a header row, read through CSV.swift, each record knowing the line it starts on.
public struct CSVTable: Sendable {
    /// One record: its fields by column name, and where it is in the file.
    public struct Record: Sendable {
        public var location: SourceLocation
        fileprivate var values: [String]
        fileprivate var columns: [String: Int]

        /// The field in `column`, trimmed of surrounding spaces; empty when the record is short.
        public subscript(column: String) -> String {
            guard let index = columns[column], index < values.count else { return "" }
            return values[index].trimmingCharacters(in: .whitespaces)
        }
    }

    /// The file as the user named it, for diagnostics.
    public var file: String
    public var header: [String]
    public var records: [Record]

    /// Reads `path`, failing when it cannot be read, is not CSV, or lacks one of `requiredColumns`.
    public static func read(_ path: String, requiredColumns: [String]) throws(DiagnosticsError) -> CSVTable {
        let whole = SourceLocation(file: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw DiagnosticsError([.error(whole, exists ? "cannot read the file" : "no such file")])
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            throw DiagnosticsError([.error(whole, "the file is not UTF-8 text", suggestion: "save it as UTF-8 CSV")])
        }
        if text.first == "\u{FEFF}" { text.removeFirst() }

        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw DiagnosticsError([.error(SourceLocation(file: path, line: 1), "cannot read the header row: \(error)")])
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where columns[name] == nil { columns[name] = index }
        let missing = requiredColumns.filter { columns[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            throw DiagnosticsError([.error(SourceLocation(file: path, line: 1),
                                           "missing column\(missing.count == 1 ? "" : "s") \(names)",
                                           suggestion: "is this the right file? Its header has \(header.count) columns")])
        }

        // Line numbers: the header is line 1; a record takes one line plus the line breaks quoted inside it.
        var line = 1 + newlines(in: reader.headerRow ?? [])
        var records: [Record] = []
        while let row = reader.next() {
            line += 1
            let start = line
            line += newlines(in: row)
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            records.append(Record(location: SourceLocation(file: path, line: start), values: row, columns: columns))
        }
        if let error = reader.error {
            throw DiagnosticsError([.error(SourceLocation(file: path, line: line + 1), "the CSV breaks off here: \(error)")])
        }
        return CSVTable(file: path, header: header, records: records)
    }

    private static func newlines(in fields: [String]) -> Int {
        fields.reduce(0) { count, field in count + field.unicodeScalars.lazy.filter { $0 == "\n" }.count }
    }
}
