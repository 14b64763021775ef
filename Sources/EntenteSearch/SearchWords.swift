import Foundation

/// How text becomes search terms, on both sides of the search: the index is built with these rules and
/// `Templates/assets/search.js` folds a query with the same ones (lower case, accents dropped, split at
/// anything that is not a letter or a digit, words of one character and the commonest English words left out).
/// A change here must be made there too; `SearchWordsTests` pins the shared cases.
public enum SearchWords {
    /// Words too common to find anything by. The same list is in search.js.
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "into", "is", "it",
        "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "which", "with",
    ]

    /// The terms of `text`, in order, repeats kept.
    public static func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachTermUTF8(in: text) { terms.append(String(decoding: $0, as: UTF8.self)) }
        return terms
    }

    /// Calls `body` with the UTF-8 bytes of every term of `text`, in order, valid only during the call. ASCII
    /// words, nearly all of a typical site, are folded byte by byte and checked against the stop words with no
    /// string made; a word with any other character goes through Unicode lower-casing and decomposition.
    public static func forEachTermUTF8(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { folded in
                let count = bytes.count
                var index = 0
                while index < count {
                    // A word: the longest run of ASCII letters and digits and of bytes of other characters.
                    while index < count, !isWordByte(bytes[index]) { index += 1 }
                    let start = index
                    var ascii = true
                    while index < count, isWordByte(bytes[index]) {
                        if bytes[index] >= 0x80 { ascii = false }
                        index += 1
                    }
                    let length = index - start
                    if length == 0 { break }
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    if !ascii {
                        for var term in foldSlowly(String(decoding: word, as: UTF8.self))
                        where term.unicodeScalars.count >= 2 && !stopWords.contains(term) {
                            term.withUTF8 { body($0) }
                        }
                    } else if length >= 2 && length <= folded.count {
                        for offset in 0..<length { folded[offset] = lowercased(word[offset]) }
                        let term = UnsafeBufferPointer(rebasing: folded[..<length])
                        if !isStopWord(term) { body(term) }
                    } else if length >= 2 {
                        word.map(lowercased).withUnsafeBufferPointer { body($0) }
                    }
                }
            }
        }
    }

    /// Whether a byte is part of a word: an ASCII letter or digit, or any byte of a character beyond ASCII (which
    /// the slow path splits further).
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...: true
        default: false
        }
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// The stop words as their length and bytes packed into integers, sorted (a word of up to 7 bytes fits).
    private static let packedStopWords: [UInt64] = stopWords.map { word in
        precondition(word.utf8.count <= 7, "a stop word longer than 7 bytes cannot be packed: \(word)")
        return packed(word.utf8)
    }.sorted()
    private static let longestStopWord = stopWords.map(\.utf8.count).max() ?? 0

    private static func packed<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.reduce(UInt64(bytes.count)) { $0 << 8 | UInt64($1) }
    }

    private static func isStopWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= longestStopWord else { return false }
        let key = packed(word)
        var low = 0, high = packedStopWords.count
        while low < high {
            let middle = (low + high) / 2
            if packedStopWords[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < packedStopWords.count && packedStopWords[low] == key
    }

    /// A word with non-ASCII characters: lower case, decomposed, combining accents (U+0300–U+036F) dropped,
    /// split wherever a character is neither a letter nor a number (as `/[^\p{L}\p{N}]+/u` splits in JavaScript).
    static func foldSlowly(_ word: String) -> [String] {
        let decomposed = word.lowercased().decomposedStringWithCanonicalMapping
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if isLetterOrNumber(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                terms.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { terms.append(String(current)) }
        return terms
    }

    private static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    /// The shard a term is kept in: its first two characters, anything but a–z and 0–9 written `_`.
    /// A shard too large to load at once is split by the first three (`SearchIndexFiles.splitAbove`).
    public static func shardKey(of term: String, length: Int) -> String {
        var key = ""
        for scalar in term.unicodeScalars.prefix(length) {
            let isSafe = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            key.unicodeScalars.append(isSafe ? scalar : "_")
        }
        return key
    }
}
