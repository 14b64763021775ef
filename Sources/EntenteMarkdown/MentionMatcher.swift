import EntenteModel
import EntenteSupport
import EntenteResolving
/// Finds names in text with one pass of an Aho–Corasick automaton over the UTF-8 bytes.
///
/// Matches are case-sensitive, whole words only, and leftmost-longest: in "Guinea-Bissau" the
/// name "Guinea-Bissau" wins over "Guinea", and in "North Korea" "North Korea" wins over "Korea".
public struct MentionMatcher<Target: Hashable & Sendable>: Sendable {
    /// One occurrence of a name, as a range of UTF-8 byte offsets.
    public struct Match: Equatable, Sendable {
        public var range: Range<Int>
        public var target: Target
    }

    private struct State: Sendable {
        /// Sorted by byte so that lookups can stop early; most states have one or two edges.
        package var edges: [(byte: UInt8, next: Int32)] = []
        package var failure: Int32 = 0
        /// The pattern ending here (its length and target), if any.
        package var output: (length: Int32, target: Int32)?
        /// The nearest state down the failure chain that has an output.
        package var outputLink: Int32 = -1
    }

    private var states: [State] = [State()]
    /// The root's transitions as a table: most bytes of a text leave the root straight back to it.
    private var rootTable = [Int32](repeating: 0, count: 256)
    private var targets: [Target] = []

    /// Builds the automaton; when two targets share a name, the first one given keeps it.
    public init(patterns: [(name: String, target: Target)]) {
        var targetIndex: [Target: Int32] = [:]
        for (name, target) in patterns where !name.isEmpty {
            let index: Int32
            if let existing = targetIndex[target] { index = existing } else {
                index = Int32(targets.count)
                targetIndex[target] = index
                targets.append(target)
            }
            insert(Array(name.utf8), target: index)
        }
        buildFailureLinks()
    }

    public var isEmpty: Bool { targets.isEmpty }

    private mutating func insert(_ bytes: [UInt8], target: Int32) {
        var state = 0
        for byte in bytes {
            if let next = states[state].edges.first(where: { $0.byte == byte })?.next {
                state = Int(next)
            } else {
                states.append(State())
                let next = Int32(states.count - 1)
                states[state].edges.append((byte, next))
                states[state].edges.sort { $0.byte < $1.byte }
                state = Int(next)
            }
        }
        if states[state].output == nil { states[state].output = (Int32(bytes.count), target) }
    }

    private mutating func buildFailureLinks() {
        var queue: [Int32] = []
        for edge in states[0].edges {
            rootTable[Int(edge.byte)] = edge.next
            queue.append(edge.next)
        }
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            for edge in states[state].edges {
                let child = Int(edge.next)
                var fallback = Int(states[state].failure)
                var failure: Int32 = 0
                while true {
                    if let next = transition(from: fallback, on: edge.byte) {
                        failure = next
                        break
                    }
                    if fallback == 0 { break }
                    fallback = Int(states[fallback].failure)
                }
                states[child].failure = failure
                let failureState = states[Int(failure)]
                states[child].outputLink = failureState.output != nil ? failure : failureState.outputLink
                queue.append(edge.next)
            }
        }
    }

    @inline(__always)
    private func transition(from state: Int, on byte: UInt8) -> Int32? {
        if state == 0 {
            let next = rootTable[Int(byte)]
            return next == 0 ? nil : next
        }
        for edge in states[state].edges {
            if edge.byte == byte { return edge.next }
            if edge.byte > byte { return nil }
        }
        return nil
    }

    /// Every whole-word, leftmost-longest, non-overlapping occurrence in `text`, in order.
    public func matches(in text: String) -> [Match] {
        guard !targets.isEmpty else { return [] }
        return matches(in: Array(text.utf8))
    }

    /// Every match in UTF-8 `bytes`; see `matches(in:)`.
    public func matches(in bytes: [UInt8]) -> [Match] {
        var candidates: [(start: Int, length: Int, target: Int32)] = []
        var state = 0
        for (offset, byte) in bytes.enumerated() {
            while true {
                if let next = transition(from: state, on: byte) {
                    state = Int(next)
                    break
                }
                if state == 0 { break }
                state = Int(states[state].failure)
            }
            var outputState = states[state].output != nil ? Int32(state) : states[state].outputLink
            while outputState >= 0 {
                let found = states[Int(outputState)]
                if let output = found.output {
                    let end = offset + 1
                    let start = end - Int(output.length)
                    if Self.isBoundary(bytes, before: start, pattern: bytes[start]),
                       Self.isBoundary(bytes, after: end, pattern: bytes[end - 1]) {
                        candidates.append((start, Int(output.length), output.target))
                    }
                }
                outputState = found.outputLink
            }
        }
        guard !candidates.isEmpty else { return [] }
        candidates.sort { ($0.start, -$0.length) < ($1.start, -$1.length) }
        var result: [Match] = []
        var covered = 0
        for candidate in candidates where candidate.start >= covered {
            result.append(Match(range: candidate.start..<(candidate.start + candidate.length),
                                target: targets[Int(candidate.target)]))
            covered = candidate.start + candidate.length
        }
        return result
    }

    /// Letters, digits and every byte of a non-ASCII character count as word characters.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
    }

    private static func isBoundary(_ bytes: [UInt8], before start: Int, pattern first: UInt8) -> Bool {
        guard start > 0, isWordByte(first) else { return true }
        return !isWordByte(bytes[start - 1])
    }

    private static func isBoundary(_ bytes: [UInt8], after end: Int, pattern last: UInt8) -> Bool {
        guard end < bytes.count, isWordByte(last) else { return true }
        return !isWordByte(bytes[end])
    }
}
