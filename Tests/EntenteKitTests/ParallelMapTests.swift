import Synchronization
import Testing
@testable import EntenteSupport

/// The map every layer runs its work through: whatever the sizes and widths, each item is transformed exactly
/// once and the results come back in the items' order.
@Suite("ParallelMap")
struct ParallelMapTests {
    private final class Calls: Sendable {
        let count = Atomic<Int>(0)
    }

    @Test("results in input order, each item transformed once", arguments: [0, 1, 2, 3, 17, 64, 1_000, 10_007])
    func orderAndOnce(count: Int) async {
        let calls = Calls()
        let items = Array(0..<count)
        let results = await ParallelMap.map(items) { item -> String in
            calls.count.add(1, ordering: .relaxed)
            return "item \(item)"
        }
        #expect(results == items.map { "item \($0)" })
        #expect(calls.count.load(ordering: .relaxed) == count)
    }

    @Test("uneven costs: the results still follow the items", arguments: [nil, 1, 2] as [Int?])
    func unevenCosts(width: Int?) async {
        let items = (0..<500).map { $0 % 37 == 0 ? 20_000 : $0 % 5 }
        let results = await ParallelMap.$width.withValue(width) {
            await ParallelMap.map(items) { spin -> Int in
                var total = 0
                for step in 0..<spin { total &+= step }
                return total
            }
        }
        #expect(results == items.map { spin in (0..<spin).reduce(0, &+) })
    }
}
