import Foundation
import Synchronization
import Testing
@testable import EntenteServing

/// The preview server's watcher: each save reported once, with the files it touched, by inotify and by polling.
@Suite("Change watcher")
struct ChangeWatcherTests {
    /// What the watcher has reported so far, read by the test while a task collects it.
    final class Bursts: Sendable {
        let reported = Mutex<[[String]]>([])
        let mechanism = Mutex<ChangeWatcher.Mechanism?>(nil)

        /// The bursts after the first `seen`, once there is one, waiting at most 90 seconds: the whole suite runs
        /// in parallel, and on a loaded machine the watcher's task may wait its turn a long while.
        func after(_ seen: Int) async -> [[String]] {
            for _ in 0..<9_000 {
                let now = reported.withLock { $0 }
                if now.count > seen {
                    // A moment more, to catch a burst wrongly split in two.
                    try? await Task.sleep(for: .milliseconds(400))
                    return Array(reported.withLock { $0 }.dropFirst(seen))
                }
                try? await Task.sleep(for: .milliseconds(10))
            }
            return []
        }
    }

    @Test("an edit, an editor's save by rename, a folder moved in with its file, a file in it, and a folder created later: one burst each",
          arguments: [true, false])
    func bursts(inotify: Bool) async throws {
        try await withTemporaryDirectory { directory in
            try directory.write("site/Content/analyses/a.md", "one\n")
            let content = directory.path("site/Content")
            let templates = directory.path("site/Templates")
            let watcher = ChangeWatcher(folders: [content, templates], interval: .milliseconds(50), quietPeriod: .milliseconds(50),
                                        useInotify: inotify)
            let bursts = Bursts()
            let collector = Task {
                for await burst in watcher.changes(started: { found in bursts.mechanism.withLock { $0 = found } }) {
                    bursts.reported.withLock { $0.append(burst) }
                }
            }
            defer { collector.cancel() }
            // The watcher says how it watches once it has taken its first look: nothing changes before that.
            for _ in 0..<9_000 where bursts.mechanism.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(10)) }
            #expect(bursts.mechanism.withLock { $0 } == (inotify ? .inotify : .polling("inotify is turned off")))

            try directory.write("site/Content/analyses/a.md", "two\n")
            #expect(await bursts.after(0) == [[content + "/analyses/a.md"]])

            // An editor writes a temporary file and renames it over the real one.
            try directory.write("site/Content/analyses/.a.md.swp", "three\n")
            try FileManager.default.removeItem(atPath: content + "/analyses/a.md")
            try FileManager.default.moveItem(atPath: content + "/analyses/.a.md.swp", toPath: content + "/analyses/a.md")
            let save = await bursts.after(1)
            #expect(save.count == 1 && save[0].contains(content + "/analyses/a.md"), "\(save)")

            // A folder made elsewhere, with a file, moved in whole.
            try directory.write("elsewhere/bundle/index.md", "four\n")
            try FileManager.default.moveItem(atPath: directory.path("elsewhere/bundle"), toPath: content + "/analyses/bundle")
            let moved = await bursts.after(2)
            #expect(moved.count == 1 && moved[0].contains(content + "/analyses/bundle/index.md"), "\(moved)")
            // …and a file written into it afterwards: the new folder is watched.
            try directory.write("site/Content/analyses/bundle/map.txt", "five\n")
            #expect(await bursts.after(3) == [[content + "/analyses/bundle/map.txt"]])

            // Templates/ did not exist when the watcher started.
            try directory.write("site/Templates/layout.mustache", "six\n")
            let template = await bursts.after(4)
            #expect(template.count == 1 && template[0].contains(templates + "/layout.mustache"), "\(template)")
        }
    }
}
