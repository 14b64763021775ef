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
    ///
    /// The trie is made from the names in byte order, so that each state's edges come out sorted and each new state
    /// hangs off the path of the name before: a preview makes it again on every rename, and inserting name by name
    /// into states that each held an array of edges took 40 ms for a site's 4,500 names.
    public init(patterns: [(name: String, target: Target)]) {
        var targetIndex: [Target: Int32] = [:]
        var names: [(bytes: [UInt8], target: Int32)] = []
        names.reserveCapacity(patterns.count)
        for (name, target) in patterns where !name.isEmpty {
            let index: Int32
            if let existing = targetIndex[target] { index = existing } else {
                index = Int32(targets.count)
                targetIndex[target] = index
                targets.append(target)
            }
            names.append((Array(name.utf8), index))
        }
        // By bytes, then in the order given, so that the first of a shared name keeps it.
        let order = names.indices.sorted { a, b in
            names[a].bytes.lexicographicallyPrecedes(names[b].bytes) || (names[a].bytes == names[b].bytes && a < b)
        }
        // The trie: each state's parent and the byte that leads to it, in the order they are made.
        var parent: [Int32] = [-1], byte: [UInt8] = [0]
        outputLength = [0]
        outputTarget = [-1]
        var path: [Int32] = [0]  // the states along the last name inserted, root first
        var last: [UInt8] = []
        for index in order {
            let bytes = names[index].bytes
            var shared = 0
            while shared < min(bytes.count, last.count), bytes[shared] == last[shared] { shared += 1 }
            path.removeLast(path.count - 1 - shared)
            for position in shared..<bytes.count {
                parent.append(path[path.count - 1])
                byte.append(bytes[position])
                outputLength.append(0)
                outputTarget.append(-1)
                path.append(Int32(parent.count - 1))
            }
            let end = Int(path[path.count - 1])
            if outputLength[end] == 0 {
                outputLength[end] = Int32(bytes.count)
                outputTarget[end] = names[index].target
            }
            last = bytes
        }
        let count = parent.count
        // Edges grouped by state: a state's children were made in byte order, so each group comes out sorted.
        edgeStart = [Int32](repeating: 0, count: count + 1)
        for state in 1..<count { edgeStart[Int(parent[state]) + 1] += 1 }
        for state in 0..<count { edgeStart[state + 1] += edgeStart[state] }
        edgeByte = [UInt8](repeating: 0, count: count - 1)
        edgeNext = [Int32](repeating: 0, count: count - 1)
        var filled = Array(edgeStart.dropLast())
        for state in 1..<count {
            let slot = Int(filled[Int(parent[state])])
            (edgeByte[slot], edgeNext[slot]) = (byte[state], Int32(state))
            filled[Int(parent[state])] += 1
        }
        for edge in Int(edgeStart[0])..<Int(edgeStart[1]) { rootTable[Int(edgeByte[edge])] = edgeNext[edge] }
        // Failure links, breadth first: a state's failure is found from its parent's, which is shallower.
        failure = [Int32](repeating: 0, count: count)
        outputLink = [Int32](repeating: -1, count: count)
        var queue: [Int32] = [0]
        queue.reserveCapacity(count)
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            queue += edgeNext[Int(edgeStart[state])..<Int(edgeStart[state + 1])]
            guard state != 0 else { continue }
            // The root's children fail to the root.
            if parent[state] != 0 {
                var fallback = Int(failure[Int(parent[state])])
                while true {
                    if let next = transition(from: fallback, on: byte[state]) {
                        failure[state] = next
                        break
                    }
                    if fallback == 0 { break }
                    fallback = Int(failure[fallback])
                }
            }
            let link = Int(failure[state])
            outputLink[state] = outputLength[link] > 0 ? Int32(link) : outputLink[link]
        }
        firstOutput = (0..<count).map { outputLength[$0] > 0 ? Int32($0) : outputLink[$0] }
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
        return text.withUTF8 { mayMention(names, inUTF8: $0) }
    }

    /// `mayMention(_:in:)` over a text's UTF-8 bytes.
    public static func mayMention(_ names: NameWords, inUTF8 haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !names.words.isEmpty, let start = haystack.baseAddress else { return false }
        if memchr(start, Int32(UInt8(ascii: "&")), haystack.count) != nil { return true }
        return names.words.contains { words in
            words.allSatisfy { word in word.withUnsafeBufferPointer { Self.contains($0, in: haystack) } }
        }
    }

    /// The words of each of some names (`mayMention`), the longest first.
    public struct NameWords: Sendable {
        fileprivate let words: [[[UInt8]]]

        public init(_ names: [String]) {
            words = names.map(MentionMatcher.words).filter { !$0.isEmpty }
        }

        /// Whether there is no word to look for: `mayMention` is false for every text.
        public var isEmpty: Bool { words.isEmpty }
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
