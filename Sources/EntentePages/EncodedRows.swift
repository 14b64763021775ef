import Synchronization

/// Rows of data files as encoded, by their value, kept from one rebuild to the next: a treaty edit changes one
/// row of thousands, and encoding them all again was a fifth of rendering after it.
package final class EncodedRows<Row: Hashable & Sendable>: Sendable {
    /// The rows this build encoded or took; nil until it needs one.
    private let current = Mutex<[Row: String]?>(nil)
    /// The rows of the last build that needed any: only those still in use are kept for the next.
    private let earlier: [Row: String]

    package init(after previous: EncodedRows<Row>? = nil) {
        earlier = previous.map { previous in previous.current.withLock { $0 } ?? previous.earlier } ?? [:]
    }

    /// Each row encoded: taken from the last build when it had the same row, else with `encode`.
    package func encoded(_ rows: [Row], _ encode: (Row) -> String) -> [String] {
        let texts = rows.map { earlier[$0] ?? encode($0) }
        current.withLock { kept in
            for (row, text) in zip(rows, texts) { kept = kept ?? [:]; kept![row] = text }
        }
        return texts
    }
}
