import EntenteKit
import EntenteModel
import EntenteSupport
import EntenteResolving
import EntentePages
import EntenteOutput
import TemplateEngine
import Foundation

/// The site the preview server shows: the last good build, kept on disk in a private folder and replaced file by
/// file (each file renamed into place, so a request never reads half of one), and the errors of the last build
/// when it failed.
///
/// The files are on disk rather than in memory because a 10,000-analysis site is over 500 MB of pages; the
/// operating system's page cache keeps the ones asked for. Each HTML page is stored with the reload script
/// already in it, added once when the page is written rather than on every request.
public actor PreviewSite {
    /// The private folder the files are kept in, removed when the site is closed (or goes away).
    public nonisolated let folder: String
    private var paths: Set<String> = []
    private var errors: [Diagnostic] = []
    private var listeners: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextListener = 0
    /// Counts successful and failed rebuilds; sent with each reload event.
    public private(set) var generation = 0

    /// Makes the private folder under the system's temporary folder.
    public init() throws(DiagnosticsError) {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("entente-preview-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([.error(SourceLocation(file: folder), "cannot make the preview's folder: \(error.localizedDescription)",
                                          suggestion: "set TMPDIR to a folder you can write to")])
        }
        self.folder = folder
    }

    deinit {
        removeFolder()
    }

    /// Removes the private folder and everything in it (when the server stops).
    public nonisolated func removeFolder() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes one file of the site into the folder (HTML with the reload script), before `update` makes it known.
    /// Called from any task: the writes of a rebuild run on every core, outside the actor.
    /// `replacing` false (the first build, before any file is known) writes the file directly, without the rename.
    /// A file that is already there with the same bytes is left alone: after a template edit most pages are.
    public nonisolated func store(_ bytes: [UInt8], at path: String, replacing: Bool = true) throws(DiagnosticsError) {
        let bytes = Self.withReloadScript(bytes, path: path), full = folder + "/" + path
        // Compared with memcmp: byte by byte through `Data`'s iterator, the data files and the search index (megabytes)
        // took a tenth of a rename's time.
        if replacing, FileStamp.of(full)?.size == bytes.count, let old = FileManager.default.contents(atPath: full),
           old.count == bytes.count, old.withUnsafeBytes({ old in
               bytes.withUnsafeBytes { new in new.count == 0 || memcmp(old.baseAddress!, new.baseAddress!, new.count) == 0 }
           }) { return }
        do throws(OutputWriter.FileError) {
            try OutputWriter.replaceFile(bytes, at: full, atomically: replacing)
        } catch {
            throw DiagnosticsError([.error(SourceLocation(file: folder + "/" + path), "cannot write the file: \(error.reason)")])
        }
    }

    /// Makes the stored files known and removes the ones that are gone, then tells every open page.
    public func update(stored: [String], removed: [String]) {
        for path in removed {
            paths.remove(path)
            try? FileManager.default.removeItem(atPath: folder + "/" + path)
        }
        paths.formUnion(stored)
        errors = []
        announce()
    }

    /// Keeps serving the last good site, with `diagnostics` shown over every page until the next success.
    public func fail(with diagnostics: [Diagnostic]) {
        errors = diagnostics.filter { $0.severity == .error }
        announce()
    }

    /// The site's files as built, without the preview's additions (for tests: it reads every file).
    public func snapshot() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in paths {
            guard let data = FileManager.default.contents(atPath: folder + "/" + path) else { continue }
            files[path] = Self.withoutReloadScript(Array(data), path: path)
        }
        return files
    }

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

    /// What a request for `path` finds: a file, a folder with an index page, or nothing; and the errors to show.
    private func lookup(_ path: String) -> (found: Found, errors: [Diagnostic]) {
        if paths.contains(path) { return (.file, errors) }
        if paths.contains(path + "/index.html") { return (.folder, errors) }
        return (paths.contains("404.html") ? .notFound : .nothing, errors)
    }

    private enum Found { case file, folder, notFound, nothing }

    /// The answer to a request for `path` (as parsed by `RequestPath`). The file is read outside the actor, so that
    /// requests are answered on every core; only a path the site has is read.
    public nonisolated func response(for request: RequestPath) async -> PreviewResponse {
        switch request {
        case .bad:
            return .make(status: 400, contentType: "text/plain; charset=utf-8", body: Array("Bad request\n".utf8))
        case .events:
            return .make(status: 500, contentType: "text/plain; charset=utf-8", body: [])
        case .file(let path):
            let (found, errors) = await lookup(path)
            switch found {
            case .file:
                if let data = FileManager.default.contents(atPath: folder + "/" + path) {
                    return .make(status: 200, contentType: RequestPath.contentType(of: path),
                                 body: Self.withOverlay(Array(data), errors: errors, path: path))
                }
            case .folder:
                // A folder asked for without its slash: relative links only work from the slashed URL.
                let components = path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "" }
                return .make(status: 301, contentType: "text/plain; charset=utf-8", body: [],
                             extra: [("Location", "/" + components.joined(separator: "/") + "/")])
            case .notFound, .nothing:
                break
            }
            // A file removed between the lookup and the read is as good as missing.
            let page = found == .nothing ? nil : FileManager.default.contents(atPath: folder + "/404.html").map { Array($0) }
            return .make(status: 404, contentType: "text/html; charset=utf-8",
                         body: Self.withOverlay(page ?? Self.withReloadScript(Array("Not found\n".utf8), path: "404.html"),
                                                errors: errors, path: "404.html"))
        }
    }

    /// Adds the reload script to an HTML page, before its last `</body>`; `entente build` output never has it.
    package static func withReloadScript(_ bytes: [UInt8], path: String) -> [UInt8] {
        guard path.hasSuffix(".html") else { return bytes }
        return inserting(Array(reloadScript.utf8), before: Array("</body>".utf8), in: bytes)
    }

    /// The page as built, the reload script taken out again.
    package static func withoutReloadScript(_ bytes: [UInt8], path: String) -> [UInt8] {
        let script = Array(reloadScript.utf8)
        guard path.hasSuffix(".html"), let start = lastRange(of: script, in: bytes) else { return bytes }
        return Array(bytes[..<start]) + Array(bytes[(start + script.count)...])
    }

    /// Puts the error overlay, when there are errors, before the reload script of a stored page.
    private static func withOverlay(_ bytes: [UInt8], errors: [Diagnostic], path: String) -> [UInt8] {
        guard !errors.isEmpty, path.hasSuffix(".html") else { return bytes }
        return inserting(Array(overlay(for: errors).utf8), before: Array("<script data-entente-preview>".utf8), in: bytes)
    }

    private static func inserting(_ addition: [UInt8], before marker: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard let end = lastRange(of: marker, in: bytes) else { return bytes + addition }
        return Array(bytes[..<end]) + addition + Array(bytes[end...])
    }

    private static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
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
