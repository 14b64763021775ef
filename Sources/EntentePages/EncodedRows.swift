import Synchronization

/// Rows of data files as encoded, kept from one rebuild to the next: a treaty edit changes one row of thousands,
/// and encoding them all again was a fifth of rendering after it.
///
/// Each file is a stream of rows, compared with the last build's row at the same place: equal rows (most share
/// their text's storage with the last build's) compare in a few instructions, where looking them up by hash
/// normalised and hashed every string of every row, about 100 ms of a treaty edit on 2,000 agreements. Only when
/// a file has more or fewer rows than before are the last build's looked up by value.
package final class EncodedRows<Row: Hashable & Sendable>: Sendable {
    private typealias Stream = [(row: Row, text: String)]
    /// The streams this build encoded or took.
    private let current = Mutex<[String: Stream]>([:])
    /// The streams of the last builds: each as the last build that wrote it left it.
    private let earlier: [String: Stream]

    package init(after previous: EncodedRows<Row>? = nil) {
        earlier = previous.map { previous in previous.earlier.merging(previous.current.withLock { $0 }) { $1 } } ?? [:]
    }

    /// Each row of the file `stream` encoded: taken from the last build when it had the same row, else with `encode`.
    package func encoded(_ rows: [Row], in stream: String, _ encode: (Row) -> String) -> [String] {
        let before = earlier[stream] ?? []
        var byRow: [Row: String]?
        if before.count != rows.count, !before.isEmpty {
            byRow = Dictionary(before.lazy.map { ($0.row, $0.text) }, uniquingKeysWith: { first, _ in first })
        }
        var kept: Stream = []
        kept.reserveCapacity(rows.count)
        for (place, row) in rows.enumerated() {
            let text: String
            if let byRow {
                text = byRow[row] ?? encode(row)
            } else if place < before.count, before[place].row == row {
                text = before[place].text
            } else {
                text = encode(row)
            }
            kept.append((row, text))
        }
        current.withLock { $0[stream] = kept }
        return kept.map(\.text)
    }
}
