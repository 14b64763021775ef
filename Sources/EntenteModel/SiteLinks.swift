/// Builds the relative links between pages, so that the output works from any sub-path and from disk.
public struct SiteLinks: Sendable {
    /// Link to folders (`actors/india/`) instead of their `index.html`.
    public let pretty: Bool

    public init(pretty: Bool) {
        self.pretty = pretty
    }

    /// The way back to the site root from a page at `path` (`actors/india/index.html` → `../../`).
    public static func root(ofPage path: String) -> String {
        String(repeating: "../", count: path.reduce(0) { $1 == "/" ? $0 + 1 : $0 })
    }

    /// A link to the page in `folder` (`""` for the home page), from a page whose root is `root`.
    public func folder(_ folder: String, from root: String) -> String {
        if pretty {
            let target = folder.isEmpty ? root : root + folder + "/"
            return target.isEmpty ? "./" : target
        }
        return root + (folder.isEmpty ? "" : folder + "/") + "index.html"
    }

    public func page(_ key: EntityKey, from root: String) -> String {
        folder(key.folder, from: root)
    }

    /// A link to a file (`assets/style.css`) from a page whose root is `root`.
    public func file(_ path: String, from root: String) -> String { root + path }
}
