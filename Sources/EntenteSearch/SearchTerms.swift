/// The terms of a text with how often each occurs, sorted by term: what the index needs of an entity's
/// Markdown, kept after its HTML is gone.
public struct SearchTerms: Sendable, Hashable {
    public private(set) var terms: [String] = []
    public private(set) var counts: [UInt16] = []

    public init() {}

    public init(text: String) {
        var counter = TermCounter()
        SearchWords.forEachTermUTF8(in: text) { counter.add($0) }
        for (term, count) in counter.counts().sorted(by: { $0.term < $1.term }) {
            terms.append(term)
            counts.append(UInt16(clamping: count))
        }
    }
}
