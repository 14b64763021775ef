import EntenteModel
import EntentePages
import Foundation
import TemplateEngine

/// Writes new content files from the skeletons of `Templates/new/` (the site's, else the built-in ones):
/// `entente new analysis|actor|treaty`. Every problem is reported at once, and an existing file is never
/// overwritten.
public struct ContentScaffolder: Sendable {
    public let siteDirectory: String

    public init(siteDirectory: String) {
        self.siteDirectory = siteDirectory
    }

    private func path(_ relative: String) -> String {
        siteDirectory == "." ? relative : (siteDirectory as NSString).appendingPathComponent(relative)
    }

    /// Writes `content` into `Content/<section>/<id>.<extension>` and returns that path.
    public func create(_ content: NewContent) throws(DiagnosticsError) -> String {
        var problems: [Diagnostic] = []
        let contentFolder = path("Content")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentFolder, isDirectory: &isFolder), isFolder.boolValue else {
            throw DiagnosticsError([.error(SourceLocation(file: contentFolder), "no Content/ folder here",
                                           suggestion: "run in a site folder, pass --site DIR, or start one with 'entente new site DIR'")])
        }
        let id = ActorID.slug(from: content.title)
        if id.isEmpty {
            problems.append(.error(SourceLocation(file: path("Content/" + content.kind.folder)),
                                   "'\(content.title)' has no letter or digit to make an id from"))
        }
        let actorIDs = ids(in: "actors")
        problems += check(content.actors, among: actorIDs, what: "actor", flag: "--actors")
        problems += check(content.parties, among: actorIDs, what: "actor", flag: "--parties")
        problems += check(content.treaties, among: ids(in: "treaties"), what: "treaty", flag: "--treaties")
        problems += check(content.authors, among: ids(in: "authors"), what: "author", flag: "--author")
        if content.kind == .treaty, content.parties.isEmpty {
            problems.append(.error(SourceLocation(file: path("Content/treaties")), "a treaty needs its parties",
                                   suggestion: "name them with --parties, e.g. --parties russia,india"))
        }
        if let kind = content.contentKind {
            let kinds = content.kind == .actor ? Actor.Kind.allCases.map(\.rawValue) : Treaty.Kind.allCases.map(\.rawValue)
            if !kinds.contains(kind) {
                let nearest = Suggestions.nearest(to: kind, among: kinds)
                problems.append(.error(SourceLocation(file: path("Content/" + content.kind.folder)),
                                       "unknown \(content.kind.rawValue) kind '\(kind)' in --kind",
                                       suggestion: nearest.map { "did you mean '\($0)'?" } ?? "one of " + kinds.joined(separator: ", ")))
            }
        }
        let folder = "Content/" + content.kind.folder
        let fileExtension = (content.kind.skeleton as NSString).pathExtension
        let target = path(folder + "/" + id + "." + fileExtension)
        if !id.isEmpty, let existing = existingFile(named: id, in: folder) {
            problems.append(.error(SourceLocation(file: existing), "'\(id)' exists already: 'entente new' never overwrites a file",
                                   suggestion: "edit it, or choose another \(content.kind == .analysis ? "title" : "name")"))
        }
        guard let skeleton = Theme.skeleton(content.kind.skeleton, siteDirectory: siteDirectory) else {
            throw DiagnosticsError(problems + [.error(SourceLocation(file: path("Templates/new/" + content.kind.skeleton)),
                                                      "there is no skeleton for a new \(content.kind.rawValue)")])
        }
        let library = TemplateLibrary(["new": TemplateSource(text: skeleton.text, file: skeleton.file)])
        let (template, templateProblems) = library.compile("new", for: .object(NewContentModel.schema.type))
        problems += (library.problems + templateProblems).map(Diagnostic.init)
        guard problems.isEmpty, let template else { throw DiagnosticsError(Array(Set(problems)).sorted()) }

        let model = NewContentModel(id: id, title: content.title, date: content.date, draft: content.kind == .analysis && content.draft,
                                    authors: content.authors, kind: content.contentKind ?? (content.kind == .actor ? "state" : nil),
                                    actors: content.actors, treaties: content.treaties, parties: content.parties)
        let text = template.withoutEscaping().render(model.templateValue)
        do {
            try FileManager.default.createDirectory(atPath: path(folder), withIntermediateDirectories: true)
            // Never overwrites, even a file made since the check above.
            try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
        } catch {
            throw DiagnosticsError([.error(SourceLocation(file: target), "cannot write the file: \(error.localizedDescription)")])
        }
        return target
    }

    /// The ids of the content files of `Content/<section>`.
    private func ids(in section: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path("Content/" + section))) ?? []
        return names.filter { !$0.hasPrefix(".") }.map { ($0 as NSString).deletingPathExtension }.sorted()
    }

    /// A file of `folder`, or of a folder inside it (analyses may be filed in sub-folders), whose id is `id`,
    /// whatever its extension.
    private func existingFile(named id: String, in folder: String) -> String? {
        let enumerator = FileManager.default.enumerator(atPath: path(folder))
        var matches: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if ((relative as NSString).lastPathComponent as NSString).deletingPathExtension == id { matches.append(relative) }
        }
        return matches.sorted().first.map { path(folder + "/" + $0) }
    }

    private func check(_ given: [String], among known: [String], what: String, flag: String) -> [Diagnostic] {
        let folder = path(["actor": "Content/actors", "treaty": "Content/treaties"][what] ?? "Content/authors")
        return given.filter { !known.contains($0) }.map { id in
            .error(SourceLocation(file: folder), "unknown \(what) '\(id)' in \(flag)",
                   suggestion: Suggestions.nearest(to: id, among: known).map { "did you mean '\($0)'?" })
        }
    }
}
