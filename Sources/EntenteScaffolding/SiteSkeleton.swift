import EntenteImporting
import EntenteModel
import Foundation

/// `entente new site DIR`: a small working site, made with the same skeletons as `entente new`, that builds and
/// passes `entente check --strict`.
public enum SiteSkeleton {
    /// Creates the site in `directory`, which must not exist or be empty, and returns the files written.
    public static func create(at directory: String, date: String) throws(DiagnosticsError) -> [String] {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            guard isFolder.boolValue, entries.isEmpty else {
                throw DiagnosticsError([.error(SourceLocation(file: directory), "'\(directory)' exists and is not an empty folder",
                                               suggestion: "choose a new folder name; 'entente new site' never overwrites")])
            }
        }
        let title = (directory as NSString).lastPathComponent
        var written: [String] = []
        do {
            for folder in ["Content/actors", "Content/treaties", "Content/analyses"] {
                try FileManager.default.createDirectory(atPath: (directory as NSString).appendingPathComponent(folder),
                                                        withIntermediateDirectories: true)
            }
            let files = [
                (".gitignore", "# What `entente build` writes.\nOutput/\n"),
                ("Content/site.yaml", """
                    # The site's settings; see the README's content format for every field.
                    title: \(YAMLEmitter.quoted(title.isEmpty ? "Entente site" : title))
                    language: en
                    autolink_mentions: true

                    """),
            ]
            for (relative, text) in files {
                let file = (directory as NSString).appendingPathComponent(relative)
                try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .withoutOverwriting)
                written.append(file)
            }
        } catch {
            throw DiagnosticsError([.error(SourceLocation(file: directory), "cannot write the site: \(error.localizedDescription)")])
        }
        let scaffolder = ContentScaffolder(siteDirectory: directory)
        var first = NewContent(kind: .actor, title: "Northland", date: date)
        first.contentKind = "state"
        var second = NewContent(kind: .actor, title: "Southland", date: date)
        second.contentKind = "state"
        var treaty = NewContent(kind: .treaty, title: "Northland–Southland Treaty of Friendship", date: date)
        treaty.parties = ["northland", "southland"]
        var analysis = NewContent(kind: .analysis, title: "A first analysis", date: date)
        analysis.actors = ["northland", "southland"]
        analysis.treaties = ["northland-southland-treaty-of-friendship"]
        analysis.draft = false
        for content in [first, second, treaty, analysis] { written.append(try scaffolder.create(content)) }
        return written
    }
}
