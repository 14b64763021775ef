import Foundation
import CMalloc

/// How the preview server keeps its memory small over hours of rebuilds, and a one-off build on a large site.
///
/// glibc keeps freed blocks for reuse in the arena of the thread that freed them. The preview server lives long
/// and rebuilds on any thread, so it uses one arena: what one rebuild frees, the next reuses, whichever thread
/// runs it. A one-off build keeps glibc's default of an arena per thread: on the 10,000-analysis corpus one
/// arena made the two rendering threads wait on its lock (8% of the samples in futex calls), and the build took
/// 25.3 s against 16.7 s (medians of 3 alternating runs on 4 Dec), with the same peak (377 against 378 MB).
public enum FreedMemory {
    /// Lets every thread allocate from one arena. It must run before the first thread other than the main
    /// one allocates (an arena, once made, stays): the `entente` executable calls it first thing for `serve`.
    /// Whether it did (only glibc can).
    @discardableResult
    public static func useOneArena() -> Bool {
        entente_use_one_malloc_arena() == 1
    }

    /// Gives every block of 64 KiB or more (a page's HTML, a data file, a picture) a mapping of its own, handed
    /// back to the system as soon as it is freed, rather than a place in the heap where a long-lived block allocated
    /// after it keeps its pages resident; `false` puts large blocks back in the heap, up to 32 MiB (as far as glibc
    /// raises its own threshold). Whether it did (only glibc can).
    ///
    /// On the 10,000-analysis corpus, the preview server was 16 MB larger after a template edit's full rebuild than
    /// after its first build, with as much memory in use; with this, 11 MB (with 256 KiB, 14 MB). A one-off build
    /// peaked at 385 MB rather than 393, in the same time (20.1 s against 19.7, medians of 3). The preview maps them
    /// only in builds of every page: a mapping made and undone for every request of a 100 KB page served 4,700
    /// requests a second where the heap serves 12,700, and a treaty edit's two rendering threads waited on each
    /// other's mappings.
    @discardableResult
    public static func mapLargeBlocks(_ mapped: Bool = true) -> Bool {
        entente_map_large_blocks(mapped ? 64 << 10 : 32 << 20) == 1
    }

    /// Hands the free pages of the heap back to the system; whether it could (only glibc can).
    @discardableResult
    package static func release() -> Bool {
        entente_release_free_memory() == 1
    }

    /// The process's resident memory, in bytes, where the system tells it (`/proc/self/statm` on Linux).
    package static var resident: Int? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
