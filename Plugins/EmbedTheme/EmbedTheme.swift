import Foundation
import PackagePlugin

/// Compiles the default theme into EntentePages: every file of `Templates/` becomes an entry of `DefaultTheme.files`,
/// generated into the build folder at build time, so that `Templates/` is the theme's only copy in the repository
/// and a binary copied anywhere still has its theme.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTheme.swift")
        return [.buildCommand(
            displayName: "Embedding the default theme from Templates/",
            executable: try context.tool(named: "EmbedThemeTool").url,
            arguments: [templates.path(percentEncoded: false), output.path(percentEncoded: false)],
            // Every file is an input, so that editing any of them embeds the theme again.
            inputFiles: Self.files(under: templates),
            outputFiles: [output]
        )]
    }

    private static func files(under folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
