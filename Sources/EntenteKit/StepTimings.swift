import EntenteModel
import EntenteSupport
import EntenteLoading
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import EntentePages
import EntenteOutput
import Foundation

/// How long each named step of a build took, for `entente build --timings`: wall-clock time, and the
/// processor time of the whole process over the step (more than the wall time when the step kept
/// several cores busy).
public struct StepTimings: Sendable {
    public private(set) var steps: [(name: String, duration: Duration, processorTime: Duration)] = []
    private var last = ContinuousClock.now
    private var lastProcessorTime = StepTimings.processorTime()

    public init() {}

    /// Ends the current step under `name` and starts the next one.
    public mutating func finish(_ name: String) {
        let now = ContinuousClock.now
        let processorTime = Self.processorTime()
        steps.append((name, now - last, processorTime - lastProcessorTime))
        last = now
        lastProcessorTime = processorTime
    }

    /// One line per step: `load        412.0 ms wall    790.1 ms cpu`.
    public var lines: [String] {
        steps.map { step in
            step.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: "%8.1f ms wall %8.1f ms cpu", Self.milliseconds(step.duration), Self.milliseconds(step.processorTime))
        }
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
    }

    /// User and system time of the process so far.
    private static func processorTime() -> Duration {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func duration(_ time: timeval) -> Duration { .seconds(time.tv_sec) + .microseconds(time.tv_usec) }
        return duration(usage.ru_utime) + duration(usage.ru_stime)
    }
}
