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
        if folder.isEmpty { return pretty ? (root.isEmpty ? "./" : root) : root + "index.html" }
        return link(root, folder)
    }

    /// A link to an entity's page from a page whose root is `root`: `folder(key.folder, from: root)`, with the
    /// folder's parts put straight into the link.
    public func page(_ key: EntityKey, from root: String) -> String {
        link(root, key.section, "/", key.rawID)
    }

    /// `root`, then the folder in up to three parts, then the folder's ending (`/`, or `/index.html`), in one
    /// string of the right size: links are made for nearly every line of every page, and adding the parts one to
    /// another made a string for each step.
    private func link(_ root: String, _ first: String, _ second: String = "", _ third: String = "") -> String {
        let tail = pretty ? "/" : "/index.html"
        var link = ""
        link.reserveCapacity(root.utf8.count + first.utf8.count + second.utf8.count + third.utf8.count + tail.utf8.count)
        link += root
        link += first
        link += second
        link += third
        link += tail
        return link
    }

    /// A link to a file (`assets/style.css`) from a page whose root is `root`.
    public func file(_ path: String, from root: String) -> String { root + path }
}
