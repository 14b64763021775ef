import EntenteTestSupport
import Foundation

/// A temporary folder for one test, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("entente-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A synthetic site with these sizes, made by the project's own generator.
    func makeCorpus(named name: String = "corpus", analyses: Int, treaties: Int, actors: Int) throws -> URL {
        let site = url.appendingPathComponent(name)
        try GeneratedSite(actors: actors, treaties: treaties, analyses: analyses).write(into: site.path)
        return site
    }

    /// A copy of the repository's example site (Content/ only).
    func copyExampleSite(named name: String = "site") throws -> URL {
        let site = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: EntenteProcess.repositoryRoot.appendingPathComponent("Content"),
                                         to: site.appendingPathComponent("Content"))
        return site
    }
}

/// Reads a built site back: its files, their bytes, and every internal link.
struct BuiltSite {
    let root: URL

    /// Every file's path (relative to the root) and bytes.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let file = enumerator?.nextObject() as? URL {
            guard (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(file.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: file)
        }
        return files
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Internal `href`/`src` values that point at no written file, or at an `#id` the target lacks.
    func brokenLinks() throws -> (checked: Int, broken: [String]) {
        let files = try snapshot()
        var checked = 0
        var broken: [String] = []
        let attribute = try Regex(#"(?:href|src)="([^"]*)""#)
        let idPattern = try Regex(#"id="([^"]+)""#)
        var ids: [String: Set<String>] = [:]
        func anchors(_ path: String) -> Set<String> {
            if let cached = ids[path] { return cached }
            let html = files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
            let found = Set(html.matches(of: idPattern).compactMap { $0.output[1].substring.map(String.init) })
            ids[path] = found
            return found
        }
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let folder = (path as NSString).deletingLastPathComponent
            for match in html.matches(of: attribute) {
                guard let link = match.output[1].substring.map(String.init) else { continue }
                if link.contains(":") && !link.hasPrefix("#") { continue }  // external (http:, https:, mailto:)
                checked += 1
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = String(parts[0])
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                var resolved = path
                if !target.isEmpty {
                    resolved = Self.normalize(folder.isEmpty ? target : folder + "/" + target)
                    if resolved.hasSuffix("/") || resolved.isEmpty { resolved += "index.html" }
                    else if files[resolved] == nil, files[resolved + "/index.html"] != nil { resolved += "/index.html" }
                    if resolved.hasPrefix("..") || files[resolved] == nil {
                        broken.append("\(path): \(link)")
                        continue
                    }
                }
                if let fragment, !fragment.isEmpty, !anchors(resolved).contains(fragment) {
                    broken.append("\(path): \(link) (no id '\(fragment)')")
                }
            }
        }
        return (checked, broken.sorted())
    }

    /// Folds `.` and `..` out of a relative path; a path escaping the root keeps a leading `..`.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") ? "/" : "")
    }
}
