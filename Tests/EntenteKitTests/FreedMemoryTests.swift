import Testing
@testable import EntenteSupport

@Suite("Freed memory")
struct FreedMemoryTests {
    /// Both once did nothing: the C file tested for glibc before including any header that says it is glibc.
    @Test("with glibc, the heap is really trimmed and one arena really asked for")
    func glibcCallsAreMade() {
        #if canImport(Glibc)
        #expect(FreedMemory.release())
        #expect(FreedMemory.useOneArena())
        #endif
    }
}
