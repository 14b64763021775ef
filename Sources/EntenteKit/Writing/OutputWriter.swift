import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into a staging folder beside the output and swaps it in only when complete,
/// so that readers and publishing tools never see a half-written site.
public struct OutputWriter: Sendable {
    /// The output folder, as the user named it.
    public let outputDirectory: String
    let staging: String
    let parent: String
    let name: String

    /// A hidden file that marks a folder as Entente's output: a folder without it is never replaced,
    /// so a mistyped `--output ~/Documents` cannot delete anything.
    public static let markerName = ".entente-output"

    /// Checks where the output goes and creates a fresh staging folder for it.
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
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []
            if !isDirectory.boolValue || (!contents.isEmpty && !contents.contains(Self.markerName)) {
                throw DiagnosticsError([.error(location, "refusing to replace '\(outputDirectory)': it is not empty and was not written by Entente",
                                              suggestion: "remove it or choose another --output folder")])
            }
        }
        parent = (absolute as NSString).deletingLastPathComponent
        name = (absolute as NSString).lastPathComponent
        Self.removeAbandonedFolders(in: parent, output: name)
        staging = (parent as NSString).appendingPathComponent(".\(name).staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
            try Data().write(to: URL(fileURLWithPath: (staging as NSString).appendingPathComponent(Self.markerName)))
        } catch {
            throw DiagnosticsError([.error(location, "cannot create a folder beside the output: \(error.localizedDescription)")])
        }
    }

    /// Writes one file of the site; `path` is relative to the output and made only of checked ids.
    public func write(_ bytes: some Collection<UInt8>, to path: String) throws {
        let full = (staging as NSString).appendingPathComponent(path)
        let folder = (full as NSString).deletingLastPathComponent
        if folder != staging { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
            throw DiagnosticsError([.error(SourceLocation(file: outputDirectory + "/" + path), "cannot write the file")])
        }
    }

    /// Puts the finished site in place of the previous one.
    public func commit() throws(DiagnosticsError) {
        let output = (parent as NSString).appendingPathComponent(name)
        let old = (parent as NSString).appendingPathComponent(".\(name).old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            if FileManager.default.fileExists(atPath: output) {
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
        } catch {
            abandon()
            throw DiagnosticsError([.error(SourceLocation(file: outputDirectory), "cannot put the new site in place: \(error.localizedDescription)")])
        }
    }

    /// Throws the staging folder away, leaving the previous output as it was.
    public func abandon() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Staging and old folders left by builds that were killed: their process is gone.
    private static func removeAbandonedFolders(in parent: String, output name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            let rest = entry.split(separator: "-", omittingEmptySubsequences: false)
            guard rest.count >= 2, let pid = Int32(rest[rest.count - 2]) else { continue }
            // ESRCH: no such process. EPERM means it is alive but someone else's.
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(entry))
            }
        }
    }
}
