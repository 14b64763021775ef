import Synchronization

/// A value worked out the first time it is asked for and then kept: what several pages of one build share. It is
/// worked out under the lock, once: a thread that asks meanwhile waits for it rather than working it out too.
package final class ComputedOnce<Value: Sendable>: Sendable {
    private let stored = Mutex<Value?>(nil)

    package init() {}

    /// The kept value, or `compute()`'s, which is then kept.
    package func get(_ compute: () -> Value) -> Value {
        stored.withLock { stored in
            if let value = stored { return value }
            let value = compute()
            stored = value
            return value
        }
    }
}
