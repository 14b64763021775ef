import EntenteModel
import EntenteSupport
import Foundation

/// Reads a site folder's `Content/` into model values, collecting every problem in every file.
public struct SiteLoader: Sendable {
    /// The site folder, as the user named it (kept for readable diagnostics).
    public let siteDirectory: String
    public let includeDrafts: Bool
    /// The build's day: analyses dated after it are left out (scheduled), unless `includeFuture`. Nil: no embargo.
    public let today: PartialDate?
    public let includeFuture: Bool
    /// Where each analysis's Markdown is set aside as soon as it is read, when given: a one-off build renders it
    /// later, batch by batch, and on a 100,000-analysis site the texts held at once were over a gigabyte.
    package var analysisBodies: TextSpill?

    /// Files larger than this are refused rather than read: no real content file comes close.
    public static let maximumFileSize = 8 * 1024 * 1024
    /// A file beside an analysis (a map, a report in PDF) may be larger, but not a video's size.
    public static let maximumBundleFileSize = 64 * 1024 * 1024

    public init(siteDirectory: String, includeDrafts: Bool = false, today: PartialDate? = nil, includeFuture: Bool = false) {
        self.siteDirectory = siteDirectory
        self.includeDrafts = includeDrafts
        self.today = today
        self.includeFuture = includeFuture
    }

    /// The path of `relative` inside the site, as shown in diagnostics.
    public func displayPath(_ relative: String) -> String {
        siteDirectory == "." || siteDirectory.isEmpty ? relative : (siteDirectory as NSString).appendingPathComponent(relative)
    }

    /// Loads the site; the diagnostics hold every problem found (warnings included).
    ///
    /// Content is returned even when some files have errors, so that later steps can report their
    /// problems in the same run; it is nil only when there is no Content/ folder at all.
    public func load() async -> (content: SiteContent?, diagnostics: [Diagnostic]) {
        let result = await load(reusing: LoadCache())
        return (result.content, result.diagnostics)
    }

    /// What one load read, so that the next load can skip files whose size and modification time
    /// have not changed (the preview server's rebuilds).
    public struct LoadCache: Sendable {
        package struct Entry: Sendable {
            package var stamp: FileStamp
            package var decoded: Decoded
            package var diagnostics: [Diagnostic]
        }

        package var entries: [String: Entry] = [:]
        /// The content files the last load listed, and what listing them reported.
        package var listing: Listing?

        public init() {}

        /// Replaces each decoded analysis's Markdown held in memory with `setAside(analysis)`, when that gives one
        /// (the same text, kept out of memory): in the files at `paths`, or in every file.
        package mutating func setAsideAnalysisBodies(at paths: [String]? = nil, _ setAside: (Analysis) -> MarkdownText?) {
            var updates: [(path: String, analysis: Analysis)] = []
            func look(at path: String, _ entry: Entry) {
                guard case .analysis(var analysis) = entry.decoded, analysis.body.setAside == nil,
                      let body = setAside(analysis) else { return }
                analysis.body = body
                updates.append((path, analysis))
            }
            if let paths {
                for path in paths { if let entry = entries[path] { look(at: path, entry) } }
            } else {
                for (path, entry) in entries { look(at: path, entry) }
            }
            // Applied after the walk, which would otherwise hold the dictionary and make the first change copy it.
            for (path, analysis) in updates { entries[path]?.decoded = .analysis(analysis) }
        }
    }

    /// The content files of a site, by section, and the problems with the names and folders found listing them.
    package struct Listing: Sendable {
        package var actors: [ContentFile], treaties: [ContentFile], analyses: [ContentFile], authors: [ContentFile]
        package var diagnostics: [Diagnostic]
    }

    /// Loads the site, decoding again only the files that changed since `cache` was made.
    ///
    /// With `changed` (absolute paths from a watcher that saw every edit), files not in it are taken from the
    /// cache without even looking at their stamps.
    public func load(reusing cache: LoadCache, changed: Set<String>? = nil) async -> (content: SiteContent?, diagnostics: [Diagnostic], cache: LoadCache) {
        var diagnostics: [Diagnostic] = []
        let contentPath = displayPath("Content")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (nil, [.error(SourceLocation(file: contentPath), "no Content/ folder here",
                                 suggestion: "run in a site folder or pass --site DIR")], LoadCache())
        }
        let config = loadConfig(&diagnostics)
        // The watcher's changed paths, as this loader names them.
        let changedHere = changed.map { Set($0.compactMap(displayPath(ofAbsolute:))) }
        let listing = changedHere.flatMap { stillListed(in: cache, after: $0) } ?? list()
        diagnostics += listing.diagnostics
        let (actorFiles, treatyFiles, analysisFiles, authorFiles) = (listing.actors, listing.treaties, listing.analyses, listing.authors)

        let entries = actorFiles.map { ($0, Section.actors) } + treatyFiles.map { ($0, Section.treaties) }
            + analysisFiles.map { ($0, Section.analyses) } + authorFiles.map { ($0, Section.authors) }
        let decoded = await ParallelMap.map(entries) { file, section -> (String, LoadCache.Entry) in
            if let changedHere, let cached = cache.entries[file.path], !changedHere.contains(file.path) {
                return (file.path, cached)
            }
            let stamp = FileStamp.of(file.path)
            if let stamp, let cached = cache.entries[file.path], cached.stamp == stamp { return (file.path, cached) }
            var fileDiagnostics: [Diagnostic] = []
            let value = decode(file, section: section, &fileDiagnostics)
            return (file.path, LoadCache.Entry(stamp: stamp ?? FileStamp(size: -1, modifiedBits: 0),
                                               decoded: value, diagnostics: fileDiagnostics))
        }
        var newCache = LoadCache()
        newCache.listing = listing
        var actors: [Actor] = [], treaties: [Treaty] = [], analyses: [Analysis] = [], authors: [Author] = []
        var declared: Set<EntityKey> = []
        var excludedDrafts: Set<AnalysisID> = []
        var scheduled: [AnalysisID: ScheduledAnalysis] = [:]
        for file in actorFiles { declared.insert(.actor(ActorID(file.stem)!)) }
        for file in treatyFiles { declared.insert(.treaty(TreatyID(file.stem)!)) }
        for file in analysisFiles { declared.insert(.analysis(AnalysisID(file.stem)!)) }
        // A bundle's files are listed afresh on every load: a map added beside an unchanged index.md counts.
        let bundles = Dictionary(uniqueKeysWithValues: analysisFiles.compactMap { file in file.bundle.map { (file.path, $0) } })
        for (path, entry) in decoded {
            newCache.entries[path] = entry
            diagnostics += entry.diagnostics
            var value = entry.decoded
            if case .analysis(var analysis) = value, let bundle = bundles[path] {
                (analysis.bundleFolder, analysis.files) = (bundle.folder, bundle.files)
                value = .analysis(analysis)
            }
            switch value {
            case .actor(let actor): actors.append(actor)
            case .treaty(let treaty): treaties.append(treaty)
            case .analysis(let analysis) where analysis.draft && !includeDrafts:
                declared.remove(.analysis(analysis.id))
                excludedDrafts.insert(analysis.id)
            // A date known only to the month or year is due from its first day on: "2025-01" is not after 2025-01-02.
            case .analysis(let analysis) where !includeFuture && today.map({ $0.isCertainlyBefore(analysis.date) }) == true:
                declared.remove(.analysis(analysis.id))
                scheduled[analysis.id] = ScheduledAnalysis(id: analysis.id, title: analysis.title, date: analysis.date,
                                                           location: analysis.location)
            case .analysis(let analysis): analyses.append(analysis)
            case .author(let author): authors.append(author)
            case .none: break
            }
        }
        var content = SiteContent(config: config ?? SiteConfig(title: ""), actors: actors, treaties: treaties,
                            analyses: analyses, authors: authors, declaredAuthors: Set(authorFiles.map { AuthorID($0.stem)! }),
                            declared: declared, excludedDrafts: excludedDrafts, scheduled: scheduled)
        content.buildDay = today
        return (content, diagnostics, newCache)
    }


    /// Lists the content files of every section.
    private func list() -> Listing {
        var diagnostics: [Diagnostic] = []
        let actors = listFiles("Content/actors", &diagnostics)
        let treaties = listFiles("Content/treaties", &diagnostics)
        let analyses = listFiles("Content/analyses", &diagnostics, formats: [.markdown], subfolders: true)
        let authors = listFiles("Content/authors", &diagnostics, formats: [.yaml, .json])
        return Listing(actors: actors, treaties: treaties, analyses: analyses, authors: authors, diagnostics: diagnostics)
    }

    /// The listing of `cache`, when the watcher's `changed` paths (as this loader names them) cannot have changed
    /// it: each is a file it lists (every one has an entry) that is still a file, hidden (never listed), `site.yaml`,
    /// outside `Content/`, or a path that neither is nor was listed nor holds anything listed (a temporary or probe
    /// file that an editor, or `sed -i`, made and renamed or removed). Listing 12,000 files again after every save took
    /// a quarter of a second. Nil when the folders must be listed again.
    private func stillListed(in cache: LoadCache, after changed: Set<String>) -> Listing? {
        guard let listing = cache.listing else { return nil }
        let content = displayPath("Content") + "/"
        for path in changed {
            if path + "/" == content { return nil }
            guard path.hasPrefix(content), path != displayPath("Content/site.yaml"),
                  !path.dropFirst(content.count).split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            let listed = cache.entries.index(forKey: path) != nil
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if listed, exists, !isDirectory.boolValue { continue }
            // A folder moved away is reported alone, not with its files: it is gone but held listed files.
            if !exists, cameAndWent(path, in: cache) { continue }
            return nil
        }
        return listing
    }

    /// Whether the watcher's `path` (as this loader names it) can have changed no content: a hidden file (never
    /// listed), or one that is not there, was not listed and holds nothing listed (a temporary or probe file that
    /// an editor, or `sed -i`, made and renamed or removed).
    package func changesNoContent(_ path: String, in cache: LoadCache) -> Bool {
        if path.split(separator: "/").last?.hasPrefix(".") == true { return true }
        return !FileManager.default.fileExists(atPath: path) && cameAndWent(path, in: cache)
    }

    /// Whether `path`, not there now, was never listed and holds no listed file.
    private func cameAndWent(_ path: String, in cache: LoadCache) -> Bool {
        cache.entries.index(forKey: path) == nil && !cache.entries.keys.contains { $0.hasPrefix(path + "/") }
    }

    /// The path of a file given by its absolute path, as this loader names it (nil when it is not in the site).
    package func displayPath(ofAbsolute path: String) -> String? {
        let site = URL(fileURLWithPath: siteDirectory).standardizedFileURL.path
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        guard file.hasPrefix(site + "/") else { return nil }
        return displayPath(String(file.dropFirst(site.count + 1)))
    }

    /// An analysis the last load read, read again after an edit, as the loader would read it (its page bundle's
    /// files aside, which only a full load lists): nil when the file is not an analysis of `cache`.
    package func reloadAnalysis(atAbsolute path: String, cache: LoadCache) -> (path: String, entry: LoadCache.Entry)? {
        guard let key = displayPath(ofAbsolute: path), let cached = cache.entries[key],
              case .analysis(let analysis) = cached.decoded, let stamp = FileStamp.of(key) else { return nil }
        var diagnostics: [Diagnostic] = []
        let file = ContentFile(path: key, stem: analysis.id.rawValue, format: .markdown)
        let decoded = decode(file, section: .analyses, &diagnostics)
        return (key, LoadCache.Entry(stamp: stamp, decoded: decoded, diagnostics: diagnostics))
    }

    /// A treaty the last load read, read again after an edit, as the loader would read it: nil when the file is not
    /// a treaty of `cache`.
    package func reloadTreaty(atAbsolute path: String, cache: LoadCache) -> (path: String, entry: LoadCache.Entry)? {
        guard let key = displayPath(ofAbsolute: path), let cached = cache.entries[key],
              case .treaty(let treaty) = cached.decoded, let stamp = FileStamp.of(key),
              let format = ContentDecoder.Format(pathExtension: (key as NSString).pathExtension.lowercased()) else { return nil }
        var diagnostics: [Diagnostic] = []
        let decoded = decode(ContentFile(path: key, stem: treaty.id.rawValue, format: format), section: .treaties, &diagnostics)
        return (key, LoadCache.Entry(stamp: stamp, decoded: decoded, diagnostics: diagnostics))
    }

    // MARK: Files

    package enum Section: Sendable { case actors, treaties, analyses, authors }

    package enum Decoded: Sendable {
        case actor(Actor), treaty(Treaty), analysis(Analysis), author(Author), none
    }

    package struct ContentFile: Sendable {
        /// A page bundle: an analysis's folder, holding its `index.md` and the files it shows.
        package struct Bundle: Sendable {
            package static let indexName = "index.md"
            package var folder: String
            package var files: [String]
        }

        package var path: String
        package var stem: String
        package var format: ContentDecoder.Format
        package var bundle: Bundle?
    }

    private func loadConfig(_ diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let path = displayPath("Content/site.yaml")
        guard FileManager.default.fileExists(atPath: path) else {
            diagnostics.append(.error(SourceLocation(file: path), "the site has no Content/site.yaml",
                                      suggestion: "create it with at least a line 'title: My site'"))
            return nil
        }
        guard let text = readText(path, &diagnostics),
              var parsed = ContentDecoder.fields(of: text, format: .yaml, file: path, what: "site.yaml", diagnostics: &diagnostics)
        else { return nil }
        let config = ContentDecoder.site(&parsed.fields)
        diagnostics += parsed.fields.diagnostics
        return config
    }

    /// The content files of one section folder, sorted, with ids checked and duplicates reported.
    ///
    /// With `subfolders` (analyses, which a desk files by year or by team), files in folders below count too: the
    /// id is still the file name, so it must be unique across all of them, and the page does not depend on the
    /// folder. Folders are followed only when they are real folders, not links, so that nothing loops.
    /// Whether `stem` is an id the pages of `folder` reserve, and what for.
    private static func reserved(_ stem: String, in folder: String) -> (what: String, holds: String)? {
        switch folder {
        case "Content/analyses" where Analysis.reservedIDs.contains(stem):
            ("an analysis", "analyses/\(stem)/ holds the further pages of the list of analyses")
        case "Content/actors" where Actor.reservedIDs.contains(stem):
            ("an actor", "actors/\(stem)/ holds pages of the actor index (its facets)")
        case "Content/treaties" where Treaty.reservedIDs.contains(stem):
            ("a treaty", "treaties/\(stem)/ holds pages of the treaty index (its further pages and its facets)")
        default: nil
        }
    }

    private func listFiles(_ folder: String, _ diagnostics: inout [Diagnostic],
                           formats: Set<ContentDecoder.Format> = [.yaml, .json, .markdown], subfolders: Bool = false) -> [ContentFile] {
        let path = displayPath(folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else {
            diagnostics.append(.error(SourceLocation(file: path), "'\(folder)' should be a folder"))
            return []
        }
        var seen: [String: String] = [:]
        return listFiles(in: path, section: folder, &diagnostics, formats: formats, subfolders: subfolders, seen: &seen)
    }

    private func listFiles(in path: String, section folder: String, _ diagnostics: inout [Diagnostic],
                           formats: Set<ContentDecoder.Format>, subfolders: Bool, seen: inout [String: String]) -> [ContentFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            diagnostics.append(.error(SourceLocation(file: path), "cannot list the folder: \(error.localizedDescription)"))
            return []
        }
        var files: [ContentFile] = []
        for name in names where !name.hasPrefix(".") {
            let filePath = (path as NSString).appendingPathComponent(name)
            let ext = (name as NSString).pathExtension.lowercased()
            let stem = (name as NSString).deletingPathExtension
            var bundle: ContentFile.Bundle?
            var isFolder: ObjCBool = false
            if subfolders, FileManager.default.fileExists(atPath: filePath, isDirectory: &isFolder), isFolder.boolValue {
                // A folder with an index.md is one analysis with its files (a page bundle); any other is a folder
                // of analyses.
                let index = (filePath as NSString).appendingPathComponent(ContentFile.Bundle.indexName)
                guard FileManager.default.fileExists(atPath: index) else {
                    files += listFiles(in: filePath, section: folder, &diagnostics, formats: formats, subfolders: true, seen: &seen)
                    continue
                }
                bundle = ContentFile.Bundle(folder: filePath, files: bundleFiles(in: filePath, &diagnostics))
            }
            guard let format = bundle != nil ? .markdown : ContentDecoder.Format(pathExtension: ext), formats.contains(format) else {
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: filePath, isDirectory: &isFolder)
                let accepted = formats.count == 1 ? ".md" : ".yaml, .json or .md"
                diagnostics.append(.warning(SourceLocation(file: filePath),
                                            isFolder.boolValue ? "sub-folders of \(folder)/ are ignored"
                                                               : "ignored: content files here end in \(accepted)"))
                continue
            }
            if let problem = ActorID.problem(with: stem) {
                let slug = ActorID.slug(from: stem)
                // On a case-insensitive file system `India.yaml` and `india.yaml` are one file; elsewhere the
                // suggested name may already be taken.
                let taken = names.first { $0 != name && ($0 as NSString).deletingPathExtension == slug }
                let suggestion = slug.isEmpty ? nil
                    : taken.map { "'\(slug)' is already the id of \($0); merge the two files or rename this one" }
                    ?? "rename the file to '\(slug).\(ext)'"
                diagnostics.append(.error(SourceLocation(file: filePath), "'\(stem)' is not a valid id: \(problem)",
                                          suggestion: suggestion))
                continue
            }
            if let (what, holds) = Self.reserved(stem, in: folder) {
                diagnostics.append(.error(SourceLocation(file: filePath),
                                          "'\(stem)' cannot be \(what) id: \(holds)",
                                          suggestion: "rename the file to '\(stem)-1.\(ext.isEmpty ? "md" : ext)' or another name"))
                continue
            }
            if let other = seen[stem] {
                diagnostics.append(.error(SourceLocation(file: filePath), "the id '\(stem)' is defined twice",
                                          suggestion: "also defined by \(other); remove or rename one of them"
                                            + (subfolders ? " (the id is the file name, whatever its folder)" : "")))
                continue
            }
            seen[stem] = filePath
            if let bundle {
                files.append(ContentFile(path: (filePath as NSString).appendingPathComponent(ContentFile.Bundle.indexName),
                                         stem: name, format: .markdown, bundle: bundle))
            } else {
                files.append(ContentFile(path: filePath, stem: stem, format: format))
            }
        }
        return files
    }

    /// The files of a page bundle other than its index.md, relative to its folder and sorted. Hidden files are left
    /// out (an editor's swap files), and so are links, which could lead outside the site; a name the build writes
    /// into the page's folder itself is an error, as the file would replace the page or its citation.
    private func bundleFiles(in folder: String, _ diagnostics: inout [Diagnostic]) -> [String] {
        var result: [String] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                diagnostics.append(.error(SourceLocation(file: path), "cannot list the folder"))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                if child == ContentFile.Bundle.indexName { continue }
                let childPath = (folder as NSString).appendingPathComponent(child)
                var info = stat()
                guard lstat(childPath, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: walk(child)
                case S_IFREG:
                    if Analysis.reservedFileNames.contains(child) {
                        diagnostics.append(.error(SourceLocation(file: childPath),
                                                  "'\(child)' beside an analysis would replace the file the build writes there",
                                                  suggestion: "rename it"))
                    } else if Int(info.st_size) > Self.maximumBundleFileSize {
                        diagnostics.append(.error(SourceLocation(file: childPath),
                                                  "the file is \(Int(info.st_size) / 1_048_576) MB; files beside an analysis are limited to \(Self.maximumBundleFileSize / 1_048_576) MB"))
                    } else {
                        result.append(child)
                    }
                default:
                    diagnostics.append(.warning(SourceLocation(file: childPath),
                                                "only plain files beside an analysis are published; this one is left out",
                                                suggestion: "copy the file itself into the folder instead of linking to it"))
                }
            }
        }
        walk("")
        return result
    }

    /// Reads a content file as UTF-8 text, refusing what is not one: a folder, a FIFO or device (which
    /// could block the build forever), a symbolic link that loops, dangles or leads outside the site, a file
    /// over the size limit, invalid UTF-8 and binary data.
    private func readText(_ path: String, _ diagnostics: inout [Diagnostic]) -> String? {
        let location = SourceLocation(file: path)
        var info = stat()
        guard lstat(path, &info) == 0 else {
            diagnostics.append(.error(location, "cannot read the file: \(String(cString: strerror(errno)))"))
            return nil
        }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let target = realpath(path, nil) else {
                let reason = errno == ELOOP ? "a symbolic link loop" : "a symbolic link to nothing"
                let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " ('\($0)')" } ?? ""
                diagnostics.append(.error(location, "the file is \(reason)\(destination)",
                                          suggestion: "replace the link with the file itself"))
                return nil
            }
            let resolved = String(cString: target)
            free(target)
            let site = realpath(siteDirectory.isEmpty ? "." : siteDirectory, nil).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            } ?? siteDirectory
            guard resolved.hasPrefix(site.hasSuffix("/") ? site : site + "/") else {
                diagnostics.append(.error(location, "the file is a symbolic link to '\(resolved)', outside the site",
                                          suggestion: "copy the file into the site instead of linking to it"))
                return nil
            }
            guard stat(resolved, &info) == 0 else {
                diagnostics.append(.error(location, "cannot read the file: \(String(cString: strerror(errno)))"))
                return nil
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            diagnostics.append(.error(location, "expected a file, found a folder"))
            return nil
        default:
            diagnostics.append(.error(location, "expected a file, found a FIFO, socket or device", suggestion: "remove it"))
            return nil
        }
        guard Int(info.st_size) <= Self.maximumFileSize else {
            diagnostics.append(.error(location, "the file is \(Int(info.st_size) / 1_048_576) MB; content files are limited to \(Self.maximumFileSize / 1_048_576) MB"))
            return nil
        }
        // Read at most one byte over the limit, in case the file grew after the check.
        guard let handle = FileHandle(forReadingAtPath: path),
              let data = try? handle.read(upToCount: Self.maximumFileSize + 1) ?? Data() else {
            diagnostics.append(.error(location, "cannot read the file"))
            return nil
        }
        try? handle.close()
        guard data.count <= Self.maximumFileSize else {
            diagnostics.append(.error(location, "the file grew past \(Self.maximumFileSize / 1_048_576) MB while it was read"))
            return nil
        }
        // Checked on the contiguous bytes with memchr: walking a String's UTF-8 view byte by byte, twice,
        // cost as much as reading the files.
        let (hasNUL, hasCR) = data.withUnsafeBytes { buffer -> (Bool, Bool) in
            guard let start = buffer.baseAddress else { return (false, false) }
            return (memchr(start, 0, buffer.count) != nil, memchr(start, 0x0D, buffer.count) != nil)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = Self.firstInvalidUTF8([UInt8](data))
            diagnostics.append(.error(SourceLocation(file: path, line: line, column: column), "the file is not valid UTF-8 text",
                                      suggestion: "save it as UTF-8"))
            return nil
        }
        if hasNUL {
            diagnostics.append(.error(location, "this is a binary file, not text"))
            return nil
        }
        return hasCR ? Self.normalizingLineEndings(text) : text
    }

    /// CRLF and lone CR (old Mac files) become LF. libyaml and cmark-gfm both count a lone CR as a line
    /// break but the front-matter split does not, so without this a CR-only analysis has "no front matter"
    /// and a Markdown problem's line counts lines the file's front matter did not.
    package static func normalizingLineEndings(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0A, previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == 0x0D
            bytes.append(byte == 0x0D ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The line and column (in characters) of the first byte sequence that is not UTF-8.
    package static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead & 0xF0 == 0xE0 ? 3
                : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                  String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            else { return (line, column) }
            if lead == 0x0A { (line, column) = (line + 1, 1) } else { column += 1 }
            index += length
        }
        return (line, column)
    }

    private func decode(_ file: ContentFile, section: Section, _ diagnostics: inout [Diagnostic]) -> Decoded {
        guard let text = readText(file.path, &diagnostics) else { return .none }
        let what: String
        switch section {
        case .actors: what = "an actor file"
        case .treaties: what = "a treaty file"
        case .analyses: what = "an analysis"
        case .authors: what = "an author file"
        }
        guard var fields = ContentDecoder.fields(of: text, format: file.format, file: file.path, what: what,
                                                 diagnostics: &diagnostics)
        else { return .none }
        defer { diagnostics += fields.fields.diagnostics }
        switch section {
        case .actors:
            return ContentDecoder.actor(id: ActorID(file.stem)!, &fields).map(Decoded.actor) ?? .none
        case .treaties:
            return ContentDecoder.treaty(id: TreatyID(file.stem)!, &fields).map(Decoded.treaty) ?? .none
        case .analyses:
            guard var analysis = ContentDecoder.analysis(id: AnalysisID(file.stem)!, &fields) else { return .none }
            // Kept in memory when the store cannot take it.
            if let analysisBodies, let body = analysis.body.settingAside(by: { analysisBodies.store($0, hash: $1).map { ($0.offset, $0.length) } }) {
                analysis.body = body
            }
            return .analysis(analysis)
        case .authors:
            return ContentDecoder.author(id: AuthorID(file.stem)!, &fields).map(Decoded.author) ?? .none
        }
    }
}
