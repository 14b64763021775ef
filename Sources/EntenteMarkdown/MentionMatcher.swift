import EntenteModel
import EntenteSupport
import EntenteResolving
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// A state of the automaton while it is built; `init` then freezes all states into the flat tables below.
    private struct BuildState {
        /// Sorted by byte so that lookups can stop early; most states have one or two edges.
        var edges: [(byte: UInt8, next: Int32)] = []
        var failure: Int32 = 0
        /// The pattern ending here (its length and target), if any.
        var output: (length: Int32, target: Int32)?
        /// The nearest state down the failure chain that has an output.
        var outputLink: Int32 = -1
    }

    // The automaton as flat tables indexed by state: the scan runs over a whole site's text (over 100 MB on a
    // large site), and arrays of structs that hold arrays cost a retain and a release per step.
    /// The edges of state `s` are `edgeStart[s] ..< edgeStart[s + 1]` in `edgeByte` and `edgeNext`, sorted by byte.
    private var edgeStart: [Int32] = []
    private var edgeByte: [UInt8] = []
    private var edgeNext: [Int32] = []
    private var failure: [Int32] = []
    /// The length of the pattern ending at a state, 0 for none.
    private var outputLength: [Int32] = []
    private var outputTarget: [Int32] = []
    /// The state itself when it has an output, else the nearest state down the failure chain that has one, or -1.
    private var firstOutput: [Int32] = []
    private var outputLink: [Int32] = []
    /// The root's transitions as a table: most bytes of a text leave the root straight back to it.
    private var rootTable = [Int32](repeating: 0, count: 256)
    private var targets: [Target] = []

    /// Builds the automaton; when two targets share a name, the first one given keeps it.
    public init(patterns: [(name: String, target: Target)]) {
        var states = [BuildState()]
        var targetIndex: [Target: Int32] = [:]
        for (name, target) in patterns where !name.isEmpty {
            let index: Int32
            if let existing = targetIndex[target] { index = existing } else {
                index = Int32(targets.count)
                targetIndex[target] = index
                targets.append(target)
            }
            Self.insert(Array(name.utf8), target: index, into: &states)
        }
        Self.buildFailureLinks(&states)
        for edge in states[0].edges { rootTable[Int(edge.byte)] = edge.next }
        edgeStart.reserveCapacity(states.count + 1)
        for (number, state) in states.enumerated() {
            edgeStart.append(Int32(edgeByte.count))
            for edge in state.edges {
                edgeByte.append(edge.byte)
                edgeNext.append(edge.next)
            }
            failure.append(state.failure)
            outputLength.append(state.output?.length ?? 0)
            outputTarget.append(state.output?.target ?? -1)
            firstOutput.append(state.output != nil ? Int32(number) : state.outputLink)
            outputLink.append(state.outputLink)
        }
        edgeStart.append(Int32(edgeByte.count))
    }

    public var isEmpty: Bool { targets.isEmpty }

    /// The target each name finds, as an automaton made from `patterns` finds it: the first one given keeps a
    /// shared name.
    public static func targets(of patterns: [(name: String, target: Target)]) -> [String: Target] {
        var targets: [String: Target] = [:]
        for (name, target) in patterns where !name.isEmpty && targets[name] == nil { targets[name] = target }
        return targets
    }

    /// Whether `text` may hold a mention under one of `names`, found as whole words: false only when it cannot.
    ///
    /// A name is looked for in the text as written by every run of letters and digits in it, the longest first,
    /// which Markdown cannot write otherwise but as a character reference (so a text with an `&` may). Every run,
    /// not only the longest: a treaty's longest word ("Consultation", "Agreement") is in thousands of texts that
    /// hold none of its names.
    public static func mayMention(_ names: [String], in text: String) -> Bool {
        mayMention(NameWords(names), in: text)
    }

    /// `mayMention(_:in:)` with the names' words worked out once, for looking through many texts.
    public static func mayMention(_ names: NameWords, in text: String) -> Bool {
        guard !names.words.isEmpty else { return false }
        var text = text
        return text.withUTF8 { haystack in
            if haystack.contains(UInt8(ascii: "&")) { return true }
            return names.words.contains { words in
                words.allSatisfy { word in word.withUnsafeBufferPointer { Self.contains($0, in: haystack) } }
            }
        }
    }

    /// The words of each of some names (`mayMention`), the longest first.
    public struct NameWords: Sendable {
        fileprivate let words: [[[UInt8]]]

        public init(_ names: [String]) {
            words = names.map(MentionMatcher.words).filter { !$0.isEmpty }
        }
    }

    /// The runs of letters and digits (bytes of ASCII letters and digits, or of any non-ASCII character), each
    /// once, the longest first.
    private static func words(_ name: String) -> [[UInt8]] {
        var words: [[UInt8]] = []
        let bytes = Array(name.utf8)
        var start = 0
        for end in 0...bytes.count {
            let wordByte = end < bytes.count && (bytes[end] >= 0x80 || (bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "9"))
                || ((bytes[end] | 0x20) >= UInt8(ascii: "a") && (bytes[end] | 0x20) <= UInt8(ascii: "z")))
            if !wordByte {
                let word = Array(bytes[start..<end])
                if !word.isEmpty, !words.contains(word) { words.append(word) }
                start = end + 1
            }
        }
        return words.sorted { $0.count > $1.count }
    }

    private static func contains(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let needleStart = needle.baseAddress, let haystackStart = haystack.baseAddress else { return needle.isEmpty }
        guard needle.count <= haystack.count else { return false }
        // memchr to each place the first byte is, then a comparison (memmem is not in every C library's module).
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let found = memchr(haystackStart + offset, Int32(needleStart.pointee), last - offset + 1) else { return false }
            let position = haystackStart.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(haystackStart + position, needleStart, needle.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }

    private static func insert(_ bytes: [UInt8], target: Int32, into states: inout [BuildState]) {
        var state = 0
        for byte in bytes {
            if let next = states[state].edges.first(where: { $0.byte == byte })?.next {
                state = Int(next)
            } else {
                states.append(BuildState())
                let next = Int32(states.count - 1)
                states[state].edges.append((byte, next))
                states[state].edges.sort { $0.byte < $1.byte }
                state = Int(next)
            }
        }
        if states[state].output == nil { states[state].output = (Int32(bytes.count), target) }
    }

    private static func buildFailureLinks(_ states: inout [BuildState]) {
        func transition(from state: Int, on byte: UInt8) -> Int32? {
            states[state].edges.first { $0.byte == byte }?.next
        }
        var queue: [Int32] = states[0].edges.map(\.next)
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
        var edge = Int(edgeStart[state])
        let end = Int(edgeStart[state + 1])
        while edge < end {
            let edgeByte = edgeByte[edge]
            if edgeByte == byte { return edgeNext[edge] }
            if edgeByte > byte { return nil }
            edge += 1
        }
        return nil
    }

    /// Every whole-word, leftmost-longest, non-overlapping occurrence in `text`, in order.
    public func matches(in text: String) -> [Match] {
        guard !targets.isEmpty else { return [] }
        return matches(in: text.utf8.span)
    }

    /// Every match in UTF-8 `bytes`; see `matches(in:)`.
    public func matches(in bytes: [UInt8]) -> [Match] {
        matches(in: bytes.span)
    }

    private func matches(in bytes: Span<UInt8>) -> [Match] {
        var candidates: [(start: Int, length: Int, target: Int32)] = []
        var state = 0
        for offset in 0..<bytes.count {
            let byte = bytes[offset]
            while true {
                if let next = transition(from: state, on: byte) {
                    state = Int(next)
                    break
                }
                if state == 0 { break }
                state = Int(failure[state])
            }
            var outputState = firstOutput[state]
            while outputState >= 0 {
                let found = Int(outputState)
                let length = Int(outputLength[found])
                if length > 0 {
                    let end = offset + 1
                    let start = end - length
                    if Self.isBoundary(bytes, before: start, pattern: bytes[start]),
                       Self.isBoundary(bytes, after: end, pattern: bytes[end - 1]) {
                        candidates.append((start, length, outputTarget[found]))
                    }
                }
                outputState = outputLink[found]
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

    private static func isBoundary(_ bytes: Span<UInt8>, before start: Int, pattern first: UInt8) -> Bool {
        guard start > 0, isWordByte(first) else { return true }
        return !isWordByte(bytes[start - 1])
    }

    private static func isBoundary(_ bytes: Span<UInt8>, after end: Int, pattern last: UInt8) -> Bool {
        guard end < bytes.count, isWordByte(last) else { return true }
        return !isWordByte(bytes[end])
    }
}
