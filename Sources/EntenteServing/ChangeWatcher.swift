import EntenteKit
import EntenteModel
import EntenteSupport
import EntenteResolving
import EntentePages
import EntenteOutput
import TemplateEngine
import Foundation

/// Notices edits under a site's `Content/` and `Templates/` by polling sizes and modification times.
///
/// Polling needs no watch per folder (as inotify does), sees new sub-folders at once and works on every
/// platform; a scan of a 12,000-file site takes a few tens of milliseconds.
public struct ChangeWatcher: Sendable {
    public let folders: [String]
    /// How often to look for changes.
    public var interval: Duration
    /// How long the files must stay unchanged before a burst of saves counts as finished.
    public var quietPeriod: Duration

    public init(folders: [String], interval: Duration = .milliseconds(250), quietPeriod: Duration = .milliseconds(100)) {
        self.folders = folders
        self.interval = interval
        self.quietPeriod = quietPeriod
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

    /// Yields the changed paths of each burst of edits, once the files have been quiet for `quietPeriod`.
    public func changes() -> AsyncStream<[String]> {
        AsyncStream { continuation in
            let task = Task {
                var last = snapshot()
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
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
