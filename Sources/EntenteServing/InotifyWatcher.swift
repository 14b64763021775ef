import Foundation
#if canImport(Glibc)
import Glibc

/// Linux's inotify over folders and everything under them: the kernel names each file that changed, so a save
/// costs no scan of the site (a poll of a 12,000-file site took about 600 ms).
///
/// One task owns a watcher from start to end (it is not `Sendable`): it asks `drain()` for the paths of the events
/// that have arrived. Folders created or moved in are watched as they appear, with every file already in them
/// reported; a folder to watch that does not exist yet is watched for from its parent.
final class InotifyWatcher {
    /// Why inotify cannot be used, for the one line that says so.
    enum Unavailable: Error, CustomStringConvertible {
        case noInotify(String)
        case watchLimit(String)

        var description: String {
            switch self {
            case .noInotify(let reason): "inotify is not available (\(reason))"
            case .watchLimit(let folder):
                "inotify's watch limit is reached at \(folder) (raise fs.inotify.max_user_watches)"
            }
        }
    }

    private let descriptor: Int32
    /// Each watch's folder.
    private var watched: [Int32: String] = [:]
    /// Folders to watch that do not exist yet, by the parent that is watched for them.
    private var awaited: [String: [String]] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    private static let fileEvents = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM
        | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches `folders` (absolute, standardized paths) recursively.
    init(folders: [String]) throws(Unavailable) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw .noInotify(String(cString: strerror(errno))) }
        self.descriptor = descriptor
        for folder in folders {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue {
                _ = try watchTree(folder)
            } else {
                let parent = (folder as NSString).deletingLastPathComponent
                try watch(parent)
                awaited[parent, default: []].append(folder)
            }
        }
    }

    deinit { close(descriptor) }

    /// Watches one folder; one that vanished meanwhile is left out.
    private func watch(_ folder: String) throws(Unavailable) {
        let watch = inotify_add_watch(descriptor, folder, Self.fileEvents | UInt32(IN_ONLYDIR))
        if watch < 0 {
            if errno == ENOSPC { throw .watchLimit(folder) }
            return
        }
        watched[watch] = folder
    }

    /// Watches a folder and every folder under it; returns the files already in them.
    private func watchTree(_ root: String) throws(Unavailable) -> [String] {
        try watch(root)
        var files: [String] = []
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
        while let relative = enumerator.nextObject() as? String {
            let path = root + "/" + relative
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
                try watch(path)
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// The paths named by the events that have arrived, in order, repeats kept; nil when the kernel's queue
    /// overflowed and events were lost (the caller must then treat every file as changed).
    func drain() throws(Unavailable) -> [String]? {
        var paths: [String] = []
        var overflowed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var events: [(watch: Int32, mask: UInt32, name: String)] = []
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + 16 <= count {
                    let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                    events.append((watch, mask, String(decoding: nameBytes, as: UTF8.self)))
                    offset += 16 + length
                }
            }
            for event in events {
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { overflowed = true; continue }
                if event.mask & UInt32(IN_IGNORED) != 0 { watched[event.watch] = nil; continue }
                guard let folder = watched[event.watch], !event.name.isEmpty else { continue }
                let path = folder + "/" + event.name
                if let waiting = awaited[folder] {
                    // The parent of a folder not there yet: only that folder's arrival counts.
                    guard waiting.contains(path) else { continue }
                    if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        paths += try watchTree(path)
                        awaited[folder] = waiting.filter { $0 != path }
                    }
                    continue
                }
                if event.mask & UInt32(IN_ISDIR) != 0 {
                    // A new folder (or one moved in) may hold files already: each counts as changed.
                    if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { paths += try watchTree(path) }
                    continue
                }
                paths.append(path)
            }
        }
        return overflowed ? nil : paths
    }
}
#endif
