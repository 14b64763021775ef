import Testing
@testable import EntenteSupport

@Suite("Freed memory")
struct FreedMemoryTests {
    /// They once did nothing: the C file tested for glibc before including any header that says it is glibc.
    @Test("with glibc, the heap is really trimmed, one arena really asked for and large blocks really mapped")
    func glibcCallsAreMade() {
        #if canImport(Glibc)
        #expect(FreedMemory.release())
        #expect(FreedMemory.useOneArena())
        #expect(FreedMemory.mapLargeBlocks())
        #expect(FreedMemory.mapLargeBlocks(false))
        #endif
    }
}
