import Foundation

/// How long each named step of a build took, for `entente build --timings`.
public struct StepTimings: Sendable {
    public private(set) var steps: [(name: String, duration: Duration)] = []
    private var last = ContinuousClock.now

    public init() {}

    /// Ends the current step under `name` and starts the next one.
    public mutating func finish(_ name: String) {
        let now = ContinuousClock.now
        steps.append((name, now - last))
        last = now
    }

    /// One line per step: `load        412 ms`.
    public var lines: [String] {
        steps.map { step in
            let milliseconds = Double(step.duration.components.attoseconds) / 1e15 + Double(step.duration.components.seconds) * 1000
            return step.name.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%8.1f ms", milliseconds)
        }
    }
}
