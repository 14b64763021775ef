import Foundation
import Synchronization

/// Runs work over all cores with structured concurrency, keeping results in input order.
package enum ParallelMap {
    /// How many workers a map runs: one per core.
    package static var workerCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// At most this many items at once in every map of the current task and its children; nil for all cores.
    /// The preview server rebuilds with one core fewer than the machine has, so that requests keep a thread
    /// of the concurrency pool: rebuilding on every core made requests wait seconds while edits came in.
    @TaskLocal package static var width: Int?

    /// The next item not yet taken, shared by the workers of one map.
    private final class Cursor: Sendable {
        let next = Atomic<Int>(0)
    }

    /// Applies `transform` to every item, in parallel, and returns the results in the items' order.
    ///
    /// Workers take small runs of consecutive items from a shared cursor until none are left, so a core that
    /// drew cheap items takes more: items differ a lot in cost (an actor page with a large network picture
    /// against a tag page), and dealing them out in fixed shares left a core idle at the end of every map.
    package static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @escaping @Sendable (Item) -> Result
    ) async -> [Result] {
        if let width, width <= 1 { return items.map(transform) }
        let workers = min(width ?? workerCount, workerCount, items.count)
        guard workers > 1 else { return items.map(transform) }
        // Runs small enough to even out the ends, large enough that taking one costs nothing next to its items.
        let run = max(1, min(16, items.count / (workers * 32)))
        let cursor = Cursor()
        let runs = await withTaskGroup(of: [(start: Int, results: [Result])].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var done: [(start: Int, results: [Result])] = []
                    while true {
                        let start = cursor.next.add(run, ordering: .relaxed).oldValue
                        guard start < items.count else { break }
                        done.append((start, items[start..<min(start + run, items.count)].map(transform)))
                    }
                    return done
                }
            }
            var runs: [(start: Int, results: [Result])] = []
            for await done in group { runs += done }
            return runs
        }
        var results: [Result] = []
        results.reserveCapacity(items.count)
        for done in runs.sorted(by: { $0.start < $1.start }) { results += done.results }
        return results
    }
}
