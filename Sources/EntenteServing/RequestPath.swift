import EntenteKit
import EntenteModel
import EntenteSupport
import EntenteResolving
import EntentePages
import EntenteOutput
import TemplateEngine
/// Turns the path of an HTTP request into a file of the site, refusing anything that could reach
/// outside it: `..` in any spelling, encoded slashes, backslashes, NUL bytes and hidden files.
public enum RequestPath: Equatable, Sendable {
    /// A file of the site, by its path inside the output (`actors/india/index.html`).
    case file(String)
    /// The reserved path of the reload event stream.
    case events
    /// A request that cannot name a file of the site.
    case bad

    /// The reserved prefix of the preview server's own paths; no site file can use it.
    public static let reservedPrefix = "/__entente/"
    public static let eventsPath = "/__entente/events"

    /// Parses the request target (path and optional query, still percent-encoded).
    public init(target: String) {
        var path = Substring(target)
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { self = .bad; return }
        if path == Self.eventsPath { self = .events; return }
        let lowered = path.lowercased()
        // Encoded separators and NUL never belong in a page path.
        for forbidden in ["%2f", "%5c", "%00", "\\", "\0"] where lowered.contains(forbidden) {
            self = .bad
            return
        }
        guard let decoded = String(path).removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else {
            self = .bad
            return
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.allSatisfy({ !$0.hasPrefix(".") }) else { self = .bad; return }
        var file = segments.joined(separator: "/")
        if decoded.hasSuffix("/") || file.isEmpty { file += file.isEmpty ? "index.html" : "/index.html" }
        self = .file(file)
    }

    /// The `Content-Type` for a file, by its extension.
    public static func contentType(of path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "atom": return "application/atom+xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "txt": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
