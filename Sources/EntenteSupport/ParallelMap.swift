import Foundation

/// Runs work over all cores with structured concurrency, keeping results in input order.
package enum ParallelMap {
    /// How many tasks to split work into: a few per core, so a slow item does not leave a core idle.
    package static var taskCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount * 4) }

    /// At most this many items at once in every map of the current task and its children; nil for all cores.
    /// The preview server rebuilds with one core fewer than the machine has, so that requests keep a thread
    /// of the concurrency pool: rebuilding on every core made requests wait seconds while edits came in.
    @TaskLocal package static var width: Int?

    /// Applies `transform` to every item, in parallel, and returns the results in the items' order.
    package static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @escaping @Sendable (Item) -> Result
    ) async -> [Result] {
        if let width, width <= 1 { return items.map(transform) }
        let tasks = min(width ?? taskCount, taskCount, max(items.count, 1))
        let chunks = await withTaskGroup(of: (Int, [Result]).self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var results: [Result] = []
                    for index in stride(from: task, to: items.count, by: tasks) { results.append(transform(items[index])) }
                    return (task, results)
                }
            }
            var chunks = [[Result]](repeating: [], count: tasks)
            for await (task, results) in group { chunks[task] = results }
            return chunks
        }
        var results: [Result] = []
        results.reserveCapacity(items.count)
        for index in 0..<items.count { results.append(chunks[index % tasks][index / tasks]) }
        return results
    }
}
