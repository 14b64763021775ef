import Foundation

/// The EmbedTheme plugin's tool: writes `DefaultTheme.swift`, a dictionary of every file of `Templates/` by its
/// path inside it, each text as a raw string literal.
///
/// Usage: `EmbedThemeTool TEMPLATES_FOLDER OUTPUT_FILE`. The output is rewritten only when it would change, so
/// that an unchanged theme does not make EntentePages compile again.
@main
struct EmbedThemeTool {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 3 else {
            FileHandle.standardError.write(Data("usage: EmbedThemeTool TEMPLATES_FOLDER OUTPUT_FILE\n".utf8))
            exit(2)
        }
        let source = swiftSource(files: try themeFiles(in: arguments[1]))
        let output = URL(fileURLWithPath: arguments[2])
        if (try? String(contentsOf: output, encoding: .utf8)) != source {
            try Data(source.utf8).write(to: output, options: .atomic)
        }
    }

    /// Every file under `folder` that is not hidden (nor inside a hidden folder), by its path inside it, sorted.
    static func themeFiles(in folder: String) throws -> [(path: String, text: String)] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [(path: String, text: String)] = []
        while let relative = enumerator.nextObject() as? String {
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            let full = (folder as NSString).appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files.append((relative, try String(contentsOfFile: full, encoding: .utf8)))
        }
        return files.sorted { $0.path < $1.path }
    }

    static func swiftSource(files: [(path: String, text: String)]) -> String {
        var lines = [
            "// Generated at build time by the EmbedTheme plugin from Templates/, the theme's only copy.",
            "",
            "/// The default theme, compiled in: template and asset files by their path inside Templates/.",
            "enum DefaultTheme {",
            "    static let files: [String: String] = [",
        ]
        for (path, text) in files {
            // Enough #s that nothing in the text ends the raw string or reads as an escape.
            var hashes = "#"
            while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
            lines.append("        \"\(path)\": \(hashes)\"\"\"")
            // The newline before a closing delimiter is not part of the string, so one is always added.
            lines.append(text + "\n" + "\"\"\"\(hashes),")
        }
        if files.isEmpty { lines.append("        :") }
        lines += ["    ]", "}"]
        return lines.joined(separator: "\n") + "\n"
    }
}
