import Synchronization

/// Values each handed out once and then forgotten, so that the memory they hold is freed as soon as the one
/// reader that needs them has them. Safe to share between threads.
package final class HandOutOnceStore<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values: Mutex<[Key: Value]>

    package init(_ values: [Key: Value]) {
        self.values = Mutex(values)
    }

    /// The value for `key`, removed from the store; nil when there is none or it was taken already.
    package func take(_ key: Key) -> Value? {
        values.withLock { $0.removeValue(forKey: key) }
    }
}
