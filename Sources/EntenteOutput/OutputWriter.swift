import EntenteModel
import EntenteSupport
import CFileSwap
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into a staging folder beside the output and swaps it in only when complete,
/// so that readers and publishing tools never see a half-written site.
public struct OutputWriter: Sendable {
    /// The output folder, as the user named it.
    public let outputDirectory: String
    package let staging: String
    package let parent: String
    package let name: String

    /// A hidden file that marks a folder as Entente's output: a folder without it is never replaced,
    /// so a mistyped `--output ~/Documents` cannot delete anything.
    public static let markerName = ".entente-output"

    /// The existing output folder, whose unchanged files are kept (with their modification times).
    package let previous: String?
    /// Shared by every copy of the writer: whether the staging folder exists yet.
    private let stagingCreated = LockedFlag()

    /// What `write` did with one file.
    public enum WriteResult: Sendable {
        /// The previous output has the same bytes at this path; that file is kept.
        case unchanged(FileStamp)
        /// The file was written to the staging folder.
        case written(FileStamp)

        public var stamp: FileStamp {
            switch self {
            case .unchanged(let stamp), .written(let stamp): stamp
            }
        }
    }

    /// Checks where the output goes. The staging folder is created only when a file differs from the
    /// previous output, so that a build that changes nothing writes nothing.
    public init(outputDirectory: String, siteDirectory: String) throws(DiagnosticsError) {
        self.outputDirectory = outputDirectory
        let absolute = URL(fileURLWithPath: outputDirectory).standardizedFileURL.resolvingSymlinksInPath().path
        let site = URL(fileURLWithPath: siteDirectory).standardizedFileURL.resolvingSymlinksInPath().path
        let location = SourceLocation(file: outputDirectory)
        for protected in [site, site + "/Content", site + "/Templates"] {
            if absolute == protected || protected.hasPrefix(absolute == "/" ? "/" : absolute + "/")
                || absolute.hasPrefix(site + "/Content/") || absolute.hasPrefix(site + "/Templates/") {
                throw DiagnosticsError([.error(location, "refusing to write the site into '\(outputDirectory)': it holds or is part of the site's sources",
                                              suggestion: "choose a separate folder, such as \((siteDirectory as NSString).appendingPathComponent("Output"))")])
            }
        }
        var isDirectory: ObjCBool = false
        var previous: String?
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []
            if !isDirectory.boolValue || (!contents.isEmpty && !contents.contains(Self.markerName)) {
                throw DiagnosticsError([.error(location, "refusing to replace '\(outputDirectory)': it is not empty and was not written by Entente",
                                              suggestion: "remove it or choose another --output folder")])
            }
            previous = contents.isEmpty ? nil : absolute
        }
        self.previous = previous
        parent = (absolute as NSString).deletingLastPathComponent
        name = (absolute as NSString).lastPathComponent
        Self.removeAbandonedFolders(in: parent, output: name)
        staging = (parent as NSString).appendingPathComponent(".\(name).staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([.error(location, "cannot create the folder: \(error.localizedDescription)")])
        }
        if previous == nil { try ensureStaging() }
    }

    private func ensureStaging() throws(DiagnosticsError) {
        let failure: String? = stagingCreated.mutex.withLock { created in
            guard !created else { return nil }
            do {
                try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
                try Data().write(to: URL(fileURLWithPath: (staging as NSString).appendingPathComponent(Self.markerName)))
                created = true
                return nil
            } catch {
                return error.localizedDescription
            }
        }
        if let failure {
            throw DiagnosticsError([.error(SourceLocation(file: outputDirectory), "cannot create a folder beside the output: \(failure)")])
        }
    }

    /// Writes one file of the site, unless the previous output has exactly these bytes at `path`.
    /// `path` is relative to the output and made only of checked ids.
    public func write(_ bytes: some Collection<UInt8>, to path: String) throws -> WriteResult {
        // A page's UTF-8 is written from the string's own storage: a copy of every page cost time, and the
        // largest pages of a 100,000-analysis site are tens of megabytes.
        if let result = try bytes.withContiguousStorageIfAvailable({ try write(UnsafeRawBufferPointer($0), to: path) }) {
            return result
        }
        return try Array(bytes).withUnsafeBytes { try write($0, to: path) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws -> WriteResult {
        if let previous {
            let old = (previous as NSString).appendingPathComponent(path)
            if let stamp = FileStamp.of(old), stamp.size == bytes.count, let data = FileManager.default.contents(atPath: old),
               data.withUnsafeBytes({ $0.elementsEqual(bytes) }) {
                return .unchanged(stamp)
            }
        }
        try ensureStaging()
        let full = (staging as NSString).appendingPathComponent(path)
        try makeFolder(for: full)
        func failure(_ reason: String) -> DiagnosticsError {
            DiagnosticsError([.error(SourceLocation(file: outputDirectory + "/" + path), "cannot write the file: \(reason)")])
        }
        // Not atomic and not synced file by file (Foundation's `Data.write` syncs every file): the whole
        // staging folder is swapped in at the end, and a killed build leaves only a staging folder behind.
        do throws(FileError) {
            return .written(try Self.writeFile(bytes, to: full))
        } catch {
            throw failure(error.reason)
        }
    }

    /// Why a file could not be written.
    package struct FileError: Error, Sendable {
        package var reason: String
    }

    /// Writes `bytes` to the file at `path`, unsynced, and returns its stamp.
    package static func writeFile(_ bytes: UnsafeRawBufferPointer, to path: String) throws(FileError) -> FileStamp {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError(reason: String(cString: strerror(errno))) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw FileError(reason: reason)
            }
            offset += written
        }
        let stamp = FileStamp.of(descriptor: descriptor)
        guard close(descriptor) == 0 else { throw FileError(reason: String(cString: strerror(errno))) }
        guard let stamp else { throw FileError(reason: "cannot read back its size and time") }
        return stamp
    }

    /// Puts `bytes` at `path` in one step, as a new file renamed over the old one, making its folders: a reader of
    /// `path` sees the old file or the new one, never part of one (the preview server's files). Not `atomically`,
    /// for a file no one reads yet, it is written in place.
    package static func replaceFile(_ bytes: [UInt8], at path: String, atomically: Bool = true) throws(FileError) {
        let temporary = atomically ? path + ".entente-new" : path
        let write = { bytes.withUnsafeBytes { buffer in Result { () throws(FileError) in try writeFile(buffer, to: temporary) } } }
        if case .failure(let error) = write() {
            // Most new files are a page in a new folder of a section folder that exists: one mkdir call.
            let folder = (path as NSString).deletingLastPathComponent
            guard mkdir(folder, 0o755) == 0 || errno == EEXIST
                    || (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { throw error }
            _ = try write().get()
        }
        guard !atomically || rename(temporary, path) == 0 else { throw FileError(reason: String(cString: strerror(errno))) }
    }

    private func makeFolder(for file: String) throws {
        let folder = (file as NSString).deletingLastPathComponent
        guard folder != staging else { return }
        // Most pages sit in a folder of their own under a section folder that exists already, and the files
        // beside a page (its citations) find the folder made: one mkdir system call, which says which case it
        // is, instead of Foundation's stat per level and an NSError for every folder that exists.
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Puts the finished site in place of the previous one, with `manifest` as its marker.
    ///
    /// When no file changed and none disappeared, only the marker of the previous output is replaced.
    /// Otherwise the files that did not change are linked from the previous output into the staging
    /// folder (keeping their modification times), and the staging folder is swapped in.
    public func commit(results: [String: WriteResult], manifest: OutputManifest) throws(DiagnosticsError) {
        let output = (parent as NSString).appendingPathComponent(name)
        let created = stagingCreated.mutex.withLock { $0 }
        do {
            if !created, let previous {
                let previousFiles = OutputManifest.read(beside: outputDirectory).map { Set($0.files.keys) } ?? Self.files(in: previous)
                if previousFiles == Set(results.keys) {
                    try manifest.write(beside: outputDirectory)
                    return
                }
                try ensureStaging()
            }
            if let previous {
                for (path, result) in results {
                    guard case .unchanged = result else { continue }
                    let target = (staging as NSString).appendingPathComponent(path)
                    try makeFolder(for: target)
                    try FileManager.default.linkItem(atPath: (previous as NSString).appendingPathComponent(path), toPath: target)
                }
            }
            // The manifest goes first: should the build stop between the two, the next build sees
            // inputs that do not match and builds again.
            try OutputManifest.remove(beside: outputDirectory)
            if FileManager.default.fileExists(atPath: output), entente_exchange_paths(staging, output) == 0 {
                // One atomic step: the new site is in place and the old one sits under the staging name,
                // which the next build removes should this one be killed before it does.
                try? FileManager.default.removeItem(atPath: staging)
            } else if FileManager.default.fileExists(atPath: output) {
                // Where the file system cannot exchange, two renames; a build killed between them leaves
                // the old site under its `.old-` name, and the next build puts it back.
                let old = (parent as NSString).appendingPathComponent(".\(name).old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
                try FileManager.default.moveItem(atPath: output, toPath: old)
                do {
                    try FileManager.default.moveItem(atPath: staging, toPath: output)
                } catch {
                    try? FileManager.default.moveItem(atPath: old, toPath: output)
                    throw error
                }
                try? FileManager.default.removeItem(atPath: old)
            } else {
                try FileManager.default.moveItem(atPath: staging, toPath: output)
            }
            try manifest.write(beside: outputDirectory)
        } catch let error as DiagnosticsError {
            abandon()
            throw error
        } catch {
            abandon()
            throw DiagnosticsError([.error(SourceLocation(file: outputDirectory), "cannot put the new site in place: \(error.localizedDescription)")])
        }
    }

    /// Throws the staging folder away, leaving the previous output as it was.
    public func abandon() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Every regular file under `folder` but the marker, by relative path.
    package static func files(in folder: String) -> Set<String> {
        Set(OutputManifest.stamps(in: folder).keys)
    }

    /// Staging and old folders left by builds that were killed: their process is gone. A previous output
    /// left under its `.old-` name by a build killed in the middle of the swap is put back first.
    private static func removeAbandonedFolders(in parent: String, output name: String) {
        guard var entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        let output = (parent as NSString).appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: output),
           let old = entries.sorted().last(where: { $0.hasPrefix(".\(name).old-") && isAbandoned($0) }) {
            try? FileManager.default.moveItem(atPath: (parent as NSString).appendingPathComponent(old), toPath: output)
            entries.removeAll { $0 == old }
        }
        for entry in entries where (entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-")) && isAbandoned(entry) {
            try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(entry))
        }
    }

    /// Whether the build that named a folder `.<name>.<kind>-<pid>-<random>` is gone.
    private static func isAbandoned(_ entry: String) -> Bool {
        let parts = entry.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, let pid = Int32(parts[parts.count - 2]), pid != getpid() else { return false }
        // ESRCH: no such process. EPERM means it is alive but someone else's.
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}

/// A flag behind a lock, shared by reference.
package final class LockedFlag: Sendable {
    package let mutex = Mutex(false)
}
