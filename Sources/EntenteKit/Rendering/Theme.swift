import Foundation
import Mustache

/// The Mustache templates and static assets pages are rendered with: the built-in default theme,
/// overridden file by file by the site's own `Templates/` folder.
public struct Theme: Sendable {
    /// The templates every site needs, one per kind of page.
    public static let pageTemplates = ["home", "analyses", "analysis", "actors", "actor", "treaties", "treaty",
                                       "timeline", "tags", "tag", "404"]

    let library: MustacheLibrary
    /// Files copied to the output as they are, by their path inside the output (`assets/style.css`).
    public let assets: [String: [UInt8]]
    /// Changes whenever any template or asset does.
    public let fingerprint: Int

    /// Loads the theme for a site, reporting every template that fails to parse or names a missing partial.
    public static func load(siteDirectory: String) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var sources: [String: (text: String, file: String)] = [:]
        var assets: [String: [UInt8]] = [:]
        for (path, text) in DefaultTheme.files {
            if path.hasSuffix(".mustache") {
                sources[String(path.dropLast(".mustache".count))] = (text, "(built-in theme)/" + path)
            } else {
                assets[path] = Array(text.utf8)
            }
        }
        var diagnostics: [Diagnostic] = []
        let templatesFolder = siteDirectory == "." ? "Templates" : (siteDirectory as NSString).appendingPathComponent("Templates")
        for path in siteFiles(in: templatesFolder, &diagnostics) {
            let file = (templatesFolder as NSString).appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: file) else {
                diagnostics.append(.error(SourceLocation(file: file), "cannot read the file"))
                continue
            }
            if path.hasSuffix(".mustache") {
                guard let text = String(validating: data, as: UTF8.self) else {
                    diagnostics.append(.error(SourceLocation(file: file), "the template is not valid UTF-8 text"))
                    continue
                }
                sources[String(path.dropLast(".mustache".count))] = (text, file)
            } else {
                assets[path] = Array(data)
            }
        }

        var library = MustacheLibrary()
        precondition(HTMLEscaping.registered)
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                // The pragma selects the fast escaping; it adds no text and no line.
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let column = error.context.lineNumber == 1
                    ? max(1, error.context.columnNumber - HTMLEscaping.pragma.count) : error.context.columnNumber
                diagnostics.append(.error(SourceLocation(file: source.file, line: error.context.lineNumber, column: column),
                                          "template does not parse: \(error.error)"))
            } catch {
                diagnostics.append(.error(SourceLocation(file: source.file), "template does not parse: \(error)"))
            }
        }
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: source.text) where sources[reference.name] == nil {
                diagnostics.append(.error(SourceLocation(file: source.file, line: reference.line, column: reference.column),
                                          "template '\(name)' uses the partial '\(reference.name)', which does not exist",
                                          suggestion: Suggestions.nearest(to: reference.name, among: sources.keys)
                                              .map { "did you mean '\($0)'?" }))
            }
        }
        for name in pageTemplates where sources[name] == nil {
            diagnostics.append(.error(SourceLocation(file: templatesFolder), "the theme has no '\(name).mustache' template"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        // Names no page provides, in the site's own templates (a test keeps the built-in theme clean).
        diagnostics += TemplateVariableCheck.warnings(sources.mapValues { .init(text: $0.text, file: $0.file) }) {
            !$0.hasPrefix("(built-in theme)/")
        }
        var hasher = Hasher()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(source.text)
        }
        for (path, bytes) in assets.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            hasher.combine(bytes)
        }
        return (Theme(library: library, assets: assets, fingerprint: hasher.finalize()), diagnostics)
    }

    /// Renders the template `name` with a prepared context.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Every `{{> name}}` and `{{< name}}` in a template, with its position. Only tag syntax is read here;
    /// the template itself is parsed by swift-mustache.
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var references: [(String, Int, Int)] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                var cursor = text.index(index, offsetBy: 2)
                while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
                if cursor < text.endIndex, text[cursor] == ">" || text[cursor] == "<" {
                    cursor = text.index(after: cursor)
                    guard let close = text[cursor...].range(of: "}}") else { break }
                    let name = text[cursor..<close.lowerBound].trimmingWhitespace()
                    if !name.isEmpty, !name.hasPrefix("*") { references.append((name, line, column)) }
                }
            }
            if text[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = text.index(after: index)
        }
        return references
    }

    private static func siteFiles(in folder: String, _ diagnostics: inout [Diagnostic]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let full = (folder as NSString).appendingPathComponent(path)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isFolder)
            if isFolder.boolValue { continue }
            guard path.hasSuffix(".mustache") || path.hasPrefix("assets/") else {
                diagnostics.append(.warning(SourceLocation(file: full), "ignored: templates end in .mustache and other files belong in assets/"))
                continue
            }
            guard path.split(separator: "/").allSatisfy({ $0 != ".." && !$0.isEmpty }) else { continue }
            files.append(path)
        }
        return files.sorted()
    }
}
