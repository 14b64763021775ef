import EntenteModel
import EntenteLoading
import Foundation
import Yams

/// What a site's `Content/` already holds that an import must respect: the actors and treaties by id,
/// which of their files an import wrote (and may rewrite), the actors' COW codes, and `site.yaml`.
package struct SiteInventory: Sendable {
    /// The files of one id in a section folder.
    package struct Entry: Sendable {
        package var id: String
        /// Every file with this stem (normally one), as display paths.
        package var paths: [String]
        /// The `cow:` number, when the file has one.
        package var cow: Int?
        /// The `name:`, when the file has one.
        package var name: String?
        /// Whether the only file of this id is `<id>.yaml` carrying `imported_from: <marker>`: only such
        /// a file may be rewritten.
        package var isImported: Bool
    }

    package var actors: [String: Entry]
    package var treaties: [String: Entry]
    /// The display path of `Content/site.yaml`.
    package var siteConfigPath: String
    package var hasSiteConfig: Bool
    package var siteConfigHasCredits: Bool
    /// Files that could not be read: they are left alone and their ids are taken.
    package var unreadable: [Diagnostic]

    package static func scan(siteDirectory: String, marker: String) -> SiteInventory {
        var unreadable: [Diagnostic] = []
        let actors = scanFolder(path(siteDirectory, "Content/actors"), marker: marker, &unreadable)
        let treaties = scanFolder(path(siteDirectory, "Content/treaties"), marker: marker, &unreadable)
        let configPath = path(siteDirectory, "Content/site.yaml")
        var hasConfig = false, hasCredits = false
        if FileManager.default.fileExists(atPath: configPath) {
            hasConfig = true
            if let node = mapping(at: configPath), let credits = node.mapping?["credits"]?.string {
                hasCredits = !credits.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            }
        }
        return SiteInventory(actors: actors, treaties: treaties, siteConfigPath: configPath, hasSiteConfig: hasConfig,
                             siteConfigHasCredits: hasCredits, unreadable: unreadable)
    }

    /// `relative` inside the site folder, as shown to the user.
    package static func path(_ siteDirectory: String, _ relative: String) -> String {
        siteDirectory == "." || siteDirectory.isEmpty ? relative : (siteDirectory as NSString).appendingPathComponent(relative)
    }

    private static func scanFolder(_ folder: String, marker: String, _ unreadable: inout [Diagnostic]) -> [String: Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [:] }
        var entries: [String: Entry] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            let ext = (name as NSString).pathExtension.lowercased()
            guard ["yaml", "yml", "json", "md", "markdown"].contains(ext) else { continue }
            let stem = (name as NSString).deletingPathExtension
            let filePath = (folder as NSString).appendingPathComponent(name)
            var entry = entries[stem] ?? Entry(id: stem, paths: [], cow: nil, name: nil, isImported: false)
            entry.paths.append(filePath)
            let node = ext == "md" || ext == "markdown" ? frontMatter(at: filePath) : mapping(at: filePath)
            if node == nil {
                unreadable.append(.warning(SourceLocation(file: filePath),
                                           "cannot read this file's fields; the import leaves it alone"))
            }
            let fields = node?.mapping
            if entry.cow == nil, let cowNode = fields?["cow"] {
                entry.cow = cowNode.int ?? cowNode.string.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            }
            if entry.name == nil, let text = fields?["name"]?.string?.trimmingCharacters(in: .whitespacesAndNewlines),
               !text.isEmpty {
                entry.name = text
            }
            entry.isImported = entry.paths.count == 1 && ext == "yaml" && fields?["imported_from"]?.string == marker
            entries[stem] = entry
        }
        return entries
    }

    private static func text(at path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path),
              var text = String(validating: data, as: UTF8.self) else { return nil }
        if text.first == "\u{FEFF}" { text.removeFirst() }
        return text
    }

    private static func mapping(at path: String) -> Node? {
        guard let text = text(at: path), let node = try? Yams.compose(yaml: text, .basic, .default, .utf8), node.mapping != nil else { return nil }
        return node
    }

    private static func frontMatter(at path: String) -> Node? {
        guard let text = text(at: path), case .success(let split) = FrontMatter.split(text),
              let node = try? Yams.compose(yaml: split.yaml, .basic, .default, .utf8), node.mapping != nil else { return nil }
        return node
    }
}
