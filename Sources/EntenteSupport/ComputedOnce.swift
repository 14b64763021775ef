import Synchronization

/// A value worked out the first time it is asked for and then kept: what several pages of one build share.
/// Working it out must be pure, since two threads that ask at once may both work it out (and get equal values).
package final class ComputedOnce<Value: Sendable>: Sendable {
    private let stored = Mutex<Value?>(nil)

    package init() {}

    /// The kept value, or `compute()`'s, which is then kept.
    package func get(_ compute: () -> Value) -> Value {
        if let value = stored.withLock({ $0 }) { return value }
        let value = compute()
        stored.withLock { $0 = value }
        return value
    }
}
