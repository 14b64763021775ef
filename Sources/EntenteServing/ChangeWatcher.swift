import EntenteKit
import EntenteModel
import EntenteSupport
import EntenteResolving
import EntentePages
import EntenteOutput
import TemplateEngine
import Foundation

/// Notices edits under a site's `Content/` and `Templates/`: with inotify on Linux (the kernel names each file
/// that changed), else by polling sizes and modification times, which needs no watch per folder and works on
/// every platform but scans every file, a few hundred milliseconds on a 12,000-file site.
///
/// Either way a burst of writes (an editor's temporary file renamed over the real one) is one change: it is
/// reported once the folders have been quiet for `quietPeriod`.
public struct ChangeWatcher: Sendable {
    public let folders: [String]
    /// How often polling looks for changes, and how often the inotify queue is read.
    public var interval: Duration
    /// How long the files must stay unchanged before a burst of saves counts as finished.
    public var quietPeriod: Duration
    /// Whether to try inotify first (tests turn it off to test polling).
    public var useInotify: Bool

    /// How changes are noticed, for the line `entente serve` prints.
    public enum Mechanism: Sendable, Equatable, CustomStringConvertible {
        case inotify
        /// Polling, and why inotify is not used.
        case polling(String)

        public var description: String {
            switch self {
            case .inotify: "watching for changes with inotify"
            case .polling(let reason): "watching for changes by polling: \(reason)"
            }
        }
    }

    public init(folders: [String], interval: Duration = .milliseconds(250), quietPeriod: Duration = .milliseconds(100),
                useInotify: Bool = true) {
        self.folders = folders.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        self.interval = interval
        self.quietPeriod = quietPeriod
        self.useInotify = useInotify
    }

    /// Every file under the watched folders, with its stamp.
    package func snapshot() -> [String: FileStamp] {
        folders.reduce(into: [:]) { result, folder in result.merge(FileStamp.scan(folder)) { first, _ in first } }
    }

    /// The paths that differ between two snapshots: added, removed or changed.
    package static func changes(from old: [String: FileStamp], to new: [String: FileStamp]) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new where old[path] != stamp { changed.append(path) }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// Yields the changed paths of each burst of edits, once the files have been quiet; `started` is told once
    /// how changes are noticed.
    public func changes(started: @escaping @Sendable (Mechanism) -> Void = { _ in }) -> AsyncStream<[String]> {
        AsyncStream { (continuation: AsyncStream<[String]>.Continuation) in
            // Above the requests' priority, so that a server under load still notices saves.
            let task = Task(priority: .high) {
                #if canImport(Glibc)
                if useInotify {
                    do throws(InotifyWatcher.Unavailable) {
                        let watcher = try InotifyWatcher(folders: folders)
                        started(.inotify)
                        try await watch(with: watcher, continuation)
                        continuation.finish()
                        return
                    } catch {
                        await poll(continuation, ready: { started(.polling(error.description)) })
                        continuation.finish()
                        return
                    }
                }
                let reason = useInotify ? "inotify is Linux's" : "inotify is turned off"
                #else
                let reason = "inotify is Linux's"
                #endif
                await poll(continuation, ready: { started(.polling(reason)) })
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    #if canImport(Glibc)
    /// Reads the inotify queue every few milliseconds (a non-blocking read: no thread of the concurrency pool
    /// waits in the kernel) and yields each burst once the queue has stayed empty for `inotifyQuiet`.
    private func watch(with watcher: InotifyWatcher, _ continuation: AsyncStream<[String]>.Continuation) async throws(InotifyWatcher.Unavailable) {
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.inotifyInterval)
            guard let first = try watcher.drain() else {
                continuation.yield(snapshot().keys.sorted())
                continue
            }
            guard !first.isEmpty else { continue }
            var burst = first
            var overflowed = false
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.inotifyQuiet)
                guard let more = try watcher.drain() else { overflowed = true; continue }
                if more.isEmpty { break }
                burst += more
            }
            // Events were lost: every file counts as changed, so that nothing is missed.
            continuation.yield(overflowed ? snapshot().keys.sorted() : Array(Set(burst)).sorted())
        }
    }
    #endif

    /// How often the inotify queue is read, and how long it must stay empty for a burst to be over: an editor's
    /// save (write, rename) takes well under this.
    static let inotifyInterval: Duration = .milliseconds(5)
    static let inotifyQuiet: Duration = .milliseconds(15)

    /// Polls; `ready` is called once the first look is taken, so that an edit after it is seen.
    private func poll(_ continuation: AsyncStream<[String]>.Continuation, ready: () -> Void) async {
        var last = snapshot()
        ready()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var current = snapshot()
            guard current != last else { continue }
            // Debounce: wait until a scan finds nothing new.
            while !Task.isCancelled {
                try? await Task.sleep(for: quietPeriod)
                let again = snapshot()
                if again == current { break }
                current = again
            }
            continuation.yield(Self.changes(from: last, to: current))
            last = current
        }
    }
}
