import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import Foundation
import TemplateEngine

/// The Mustache templates and static assets pages are rendered with: the built-in default theme,
/// overridden file by file by the site's own `Templates/` folder. Every template is compiled once, checked
/// against the model of the page it renders.
public struct Theme: Sendable {
    /// The templates every site needs, one per kind of page.
    public static let pageTemplates = ThemeTemplate.all.filter(\.isPage).map(\.name)

    private let compiled: [String: CompiledTemplate]
    /// Files copied to the output as they are, by their path inside the output (`assets/style.css`).
    public let assets: [String: [UInt8]]
    /// Changes whenever any template or asset does.
    public let fingerprint: Int

    /// The built-in theme's templates by name (`treaty`), as `Templates/` holds them.
    public static var builtInTemplates: [String: String] {
        DefaultTheme.files.reduce(into: [:]) { result, file in
            if file.key.hasSuffix(".mustache") { result[String(file.key.dropLast(".mustache".count))] = file.value }
        }
    }

    /// Loads the theme for a site, reporting every template that fails to parse or names a missing partial.
    public static func load(siteDirectory: String) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var sources: [String: (text: String, file: String)] = [:]
        var assets: [String: [UInt8]] = [:]
        for (path, text) in DefaultTheme.files where !path.hasPrefix(Self.skeletonFolder) {
            if path.hasSuffix(".mustache") {
                sources[String(path.dropLast(".mustache".count))] = (text, "(built-in theme)/" + path)
            } else {
                assets[path] = Array(text.utf8)
            }
        }
        var diagnostics: [Diagnostic] = []
        let templatesFolder = templatesFolder(of: siteDirectory)
        for path in siteFiles(in: templatesFolder, &diagnostics) where !path.hasPrefix(Self.skeletonFolder) {
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

        let library = TemplateLibrary(sources.mapValues { TemplateSource(text: $0.text, file: $0.file) })
        diagnostics += library.problems.map(Diagnostic.init)
        var compiled: [String: CompiledTemplate] = [:]
        for template in ThemeTemplate.all {
            guard sources[template.name] != nil else {
                diagnostics.append(.error(SourceLocation(file: templatesFolder), "the theme has no '\(template.name).mustache' template"))
                continue
            }
            // A template that failed to parse was reported above.
            guard library.names.contains(template.name) else { continue }
            let result = library.compile(template.name, for: .object(template.type))
            diagnostics += result.problems.map(Diagnostic.init)
            compiled[template.name] = result.template
        }
        diagnostics = Array(Set(diagnostics)).sorted()
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var hasher = Hasher()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(source.text)
        }
        for (path, bytes) in assets.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            hasher.combine(bytes)
        }
        return (Theme(compiled: compiled, assets: assets, fingerprint: hasher.finalize()), diagnostics)
    }

    /// The folder of `Templates/` that holds the skeletons of new content files (`new/analysis.md`), which
    /// `entente new` starts from, as Hugo's archetypes: neither pages nor assets.
    public static let skeletonFolder = "new/"

    /// The site's `Templates/` folder, as a path the user can open.
    private static func templatesFolder(of siteDirectory: String) -> String {
        siteDirectory == "." ? "Templates" : (siteDirectory as NSString).appendingPathComponent("Templates")
    }

    /// The skeleton `name` (`analysis.md`) and the file it came from: the site's `Templates/new/<name>` when
    /// there is one, else the built-in theme's.
    public static func skeleton(_ name: String, siteDirectory: String) -> (text: String, file: String)? {
        let templatesFolder = templatesFolder(of: siteDirectory)
        let own = (templatesFolder as NSString).appendingPathComponent(skeletonFolder + name)
        if let data = FileManager.default.contents(atPath: own), let text = String(validating: data, as: UTF8.self) {
            return (text, own)
        }
        return DefaultTheme.files[skeletonFolder + name].map { ($0, "(built-in theme)/" + skeletonFolder + name) }
    }

    /// Renders a page's template with its model.
    package func render<Model>(_ template: PageTemplate<Model>, _ model: Model) -> String {
        render(template.name, model.templateValue)
    }

    /// Renders the template `name` with a value of the model it was checked against (see `PageContent`).
    package func render(_ name: String, _ value: TemplateValue) -> String {
        compiled[name]!.render(value)
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
            guard path.hasSuffix(".mustache") || path.hasPrefix("assets/") || path.hasPrefix(skeletonFolder) else {
                diagnostics.append(.warning(SourceLocation(file: full),
                                            "ignored: templates end in .mustache, other files belong in assets/ or new/"))
                continue
            }
            guard path.split(separator: "/").allSatisfy({ $0 != ".." && !$0.isEmpty }) else { continue }
            files.append(path)
        }
        return files.sorted()
    }
}

extension Diagnostic {
    /// A template problem: always an error, since a template that does not check would render wrong pages.
    package init(_ problem: TemplateProblem) {
        self.init(.error, SourceLocation(file: problem.file, line: problem.line, column: problem.column), problem.message,
                  suggestion: problem.suggestion)
    }
}
