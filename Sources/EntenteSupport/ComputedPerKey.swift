import Synchronization

/// Values computed once per key and shared by every task that asks, for the life of one build.
///
/// Each value is computed outside the lock, so two tasks that ask for the same key at once may both compute it;
/// computing must be pure, so that which one is kept does not change any output.
package final class ComputedPerKey<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    package init() {}

    /// The kept value for `key`, or `compute()`'s, which is then kept.
    package func get(_ key: Key, _ compute: () -> Value) -> Value {
        if let kept = values.withLock({ $0[key] }) { return kept }
        let value = compute()
        values.withLock { $0[key] = value }
        return value
    }
}
