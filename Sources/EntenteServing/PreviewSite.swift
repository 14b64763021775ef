import EntenteKit
import EntenteModel
import EntenteSupport
import EntenteResolving
import EntentePages
import EntenteOutput
import TemplateEngine
import Foundation

/// The site the preview server shows: the last good build, kept in memory and replaced page by page,
/// and the errors of the last build when it failed.
public actor PreviewSite {
    private var files: [String: [UInt8]] = [:]
    private var errors: [Diagnostic] = []
    private var listeners: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextListener = 0
    /// Counts successful and failed rebuilds; sent with each reload event.
    public private(set) var generation = 0

    public init() {}

    /// Puts rendered files in place and removes the ones that are gone, then tells every open page.
    public func update(files changed: [(path: String, bytes: [UInt8])], removed: [String]) {
        for path in removed { files[path] = nil }
        for file in changed { files[file.path] = file.bytes }
        errors = []
        announce()
    }

    /// Keeps serving the last good site, with `diagnostics` shown over every page until the next success.
    public func fail(with diagnostics: [Diagnostic]) {
        errors = diagnostics.filter { $0.severity == .error }
        announce()
    }


    /// The site's files as built, without the preview's additions.
    public func snapshot() -> [String: [UInt8]] { files }
    public var currentErrors: [Diagnostic] { errors }

    private func announce() {
        generation += 1
        for listener in listeners.values { listener.yield("event: reload\ndata: \(generation)\n\n") }
    }

    /// A stream of Server-Sent Events for one open page; ends when the page goes away.
    public func events() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeListener(id) }
        }
        // Reconnect quickly after the server restarts; a comment line opens the stream at once.
        continuation.yield("retry: 500\n: connected \(generation)\n\n")
        return stream
    }

    private func removeListener(_ id: Int) {
        listeners[id] = nil
    }

    /// Ends every event stream (when the server stops).
    public func closeEventStreams() {
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }


    /// The answer to a request for `path` (as parsed by `RequestPath`).
    public func response(for request: RequestPath) -> PreviewResponse {
        switch request {
        case .bad:
            return .make(status: 400, contentType: "text/plain; charset=utf-8", body: Array("Bad request\n".utf8))
        case .events:
            return .make(status: 500, contentType: "text/plain; charset=utf-8", body: [])
        case .file(let path):
            if let bytes = files[path] {
                return .make(status: 200, contentType: RequestPath.contentType(of: path), body: decorate(bytes, path: path))
            }
            if files[path + "/index.html"] != nil {
                // A folder asked for without its slash: relative links only work from the slashed URL.
                let components = path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "" }
                return .make(status: 301, contentType: "text/plain; charset=utf-8", body: [],
                             extra: [("Location", "/" + components.joined(separator: "/") + "/")])
            }
            let page = files["404.html"] ?? Array("Not found\n".utf8)
            return .make(status: 404, contentType: "text/html; charset=utf-8", body: decorate(page, path: "404.html"))
        }
    }

    /// Adds the reload script (and the error overlay) to served HTML; `entente build` output never has them.
    private func decorate(_ bytes: [UInt8], path: String) -> [UInt8] {
        guard path.hasSuffix(".html") else { return bytes }
        var addition = Self.reloadScript
        if !errors.isEmpty { addition = Self.overlay(for: errors) + addition }
        let closing = Array("</body>".utf8)
        guard let end = Self.lastRange(of: closing, in: bytes) else { return bytes + Array(addition.utf8) }
        return Array(bytes[..<end]) + Array(addition.utf8) + Array(bytes[end...])
    }

    private static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index -= 1
        }
        return nil
    }

    package static let reloadScript = """
        <script data-entente-preview>(function(){var s=new EventSource("\(RequestPath.eventsPath)");\
        s.addEventListener("reload",function(){location.reload();});})();</script>

        """

    /// The error overlay: every diagnostic, escaped, over the page.
    package static func overlay(for diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { "<li><code>\(escape($0.description))</code></li>" }.joined()
        return """
            <div id="entente-errors" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;\
            z-index:2147483647;background:#2b0d0d;color:#ffe9e9;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;\
            border-top:4px solid #e5484d"><strong>The site has \(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s"); \
            showing the last good build.</strong><ul style="margin:.5rem 0 0;padding-left:1.2rem">\(items)</ul></div>

            """
    }

    package static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
