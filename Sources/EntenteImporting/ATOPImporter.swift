import EntenteModel
import EntenteLoading
import Foundation

/// `entente import atop`: turns ATOP 4.01 and the COW state list into actor and treaty files in `Content/`.
///
/// One actor per COW state that appears in a usable member row (or the actor already in the site with its
/// `cow:` number), one treaty `atop-<atopid>` per alliance. Files the import writes carry
/// `imported_from: atop-4.01`; only files bearing that marker are ever rewritten, and only when their text
/// changes, so a second import writes nothing. Output is deterministic: the same inputs give the same bytes.
public struct ATOPImporter: Sendable {
    public struct Options: Sendable {
        public var alliancesFile: String
        public var membersFile: String
        public var statesFile: String
        public var siteDirectory: String
        public var dryRun: Bool

        public init(alliancesFile: String, membersFile: String, statesFile: String, siteDirectory: String = ".",
                    dryRun: Bool = false) {
            self.alliancesFile = alliancesFile
            self.membersFile = membersFile
            self.statesFile = statesFile
            self.siteDirectory = siteDirectory
            self.dryRun = dryRun
        }
    }

    /// The `imported_from` value of every file the import writes.
    public static let marker = "atop-4.01"
    /// The last year ATOP 4.01 covers: an alliance with no end date was in effect then.
    public static let endOfDataYear = 2016
    public static let sourceURL = "http://atop.rice.edu/"
    /// The credits line for `site.yaml`: both projects ask to be cited.
    public static let credits = "Alliance data: Alliance Treaty Obligations and Provisions (ATOP) v4.01, "
        + "Leeds, Ritter, Mitchell and Long (2002), International Interactions 28: 237–260, atop.rice.edu. "
        + "State list: Correlates of War Project, State System Membership List v2016, correlatesofwar.org."

    package static func sourceTitle(alliance: Int) -> String {
        "ATOP v4.01, alliance \(alliance): Leeds, Ritter, Mitchell and Long, “Alliance Treaty Obligations and "
            + "Provisions, 1815–1944”, International Interactions 28 (2002): 237–260"
    }

    /// The comment at the top of every written file.
    package static func fileComment(_ origin: String) -> [String] {
        ["Written by `entente import atop` \(origin).",
         "A new import rewrites this file while it has the imported_from line below;",
         "delete that line to keep your own edits (the import then leaves the file alone)."]
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Reads the three files and writes (or, in a dry run, only plans) the content files.
    ///
    /// Throws `DiagnosticsError` when a file cannot be read, lacks a column, or a content file cannot be written;
    /// bad rows do not throw: they are skipped and listed in the report's warnings.
    public func run() throws(DiagnosticsError) -> ATOPImportReport {
        let data = try ATOPDataSet.read(alliances: options.alliancesFile, members: options.membersFile,
                                        states: options.statesFile)
        let inventory = SiteInventory.scan(siteDirectory: options.siteDirectory, marker: Self.marker)
        var warnings = data.skipped + inventory.unreadable

        let usedCodes = Set(data.memberships.values.joined().map(\.state))
        let allocation = ATOPActorAllocation.allocate(codes: Array(usedCodes), states: data.states, inventory: inventory)
        warnings += allocation.warnings
        let actorNames = allocation.assignments.mapValues { (id: $0.id, name: $0.name) }

        var planned: [(section: ATOPImportReport.Section, id: String, text: String)] = []
        var reused: [String] = []
        for code in usedCodes.sorted() {
            let assignment = allocation.assignments[code]!
            if assignment.reusesExisting {
                reused.append(assignment.id.rawValue)
            } else {
                planned.append((.actors, assignment.id.rawValue, ATOPActorDocument.yaml(for: assignment.state)))
            }
        }

        let documents = data.alliances.keys.sorted().map { id in
            ATOPTreatyDocument(alliance: data.alliances[id]!, rows: data.memberships[id]!,
                               skippedMembers: data.skippedMembers[id] ?? [], actors: actorNames)
        }
        // Two alliances with the same members, kind and year would share a name: both then name their ATOP id.
        // A well-known name (ATOPWellKnownName) replaces the generated one.
        let nameCounts = Dictionary(documents.map { ($0.baseName, 1) }, uniquingKeysWith: +)
        for document in documents {
            let base = document.baseName
            let name = document.wellKnown?.name ?? (nameCounts[base]! > 1 ? "\(base) (ATOP \(document.alliance.id))" : base)
            planned.append((.treaties, document.id.rawValue, document.yaml(name: name, membersFile: options.membersFile)))
        }

        var files: [ATOPImportReport.File] = []
        var writes: [(path: String, text: String)] = []
        for (section, id, text) in planned {
            let folder = SiteInventory.path(options.siteDirectory, "Content/\(section.rawValue)")
            let path = (folder as NSString).appendingPathComponent("\(id).yaml")
            let existing = section == .actors ? inventory.actors[id] : inventory.treaties[id]
            let action: ATOPImportReport.Action
            switch existing {
            case nil: action = .create
            case let entry? where entry.isImported:
                let current = FileManager.default.contents(atPath: path).flatMap { String(validating: $0, as: UTF8.self) }
                action = current == text ? .unchanged : .update
            case let entry?:
                action = .kept
                warnings.append(.warning(SourceLocation(file: entry.paths[0]),
                                         "no 'imported_from: \(Self.marker)' marker: hand-edited or hand-made, so the import left it as it is",
                                         suggestion: "delete the file to import it again"))
            }
            let shownPath = action == .kept ? existing!.paths[0] : path
            files.append(ATOPImportReport.File(section: section, id: id, path: shownPath, action: action))
            if action == .create || action == .update { writes.append((path, text)) }
        }

        var creditsHint: String?
        if !inventory.hasSiteConfig {
            let startYear = data.alliances.values.map(\.start.year).min() ?? Self.endOfDataYear
            writes.append((inventory.siteConfigPath, Self.siteConfig(startYear: startYear)))
            files.append(ATOPImportReport.File(section: .site, id: "site", path: inventory.siteConfigPath, action: .create))
        } else if !inventory.siteConfigHasCredits {
            creditsHint = "credits: " + YAMLEmitter.quoted(Self.credits)
        }

        if !options.dryRun { try write(writes) }
        files.sort { ($0.section, $0.id) < ($1.section, $1.id) }
        return ATOPImportReport(dryRun: options.dryRun, files: files, reusedActors: reused.sorted(),
                                warnings: warnings.sorted(), skippedRows: data.skipped.count, creditsHint: creditsHint)
    }

    /// The `site.yaml` of a site that had none.
    package static func siteConfig(startYear: Int) -> String {
        YAMLEmitter.document([
            YAMLEntry("title", .string("Military alliances, \(startYear)–\(endOfDataYear)")),
            YAMLEntry("description", .string(
                "Formal military alliances recorded by the Alliance Treaty Obligations and Provisions project "
                    + "(ATOP 4.01), with their members' entry and exit dates and the states of the Correlates of "
                    + "War state list.")),
            YAMLEntry("credits", .string(credits)),
            // ATOP's data ends with 2016: "in force" means as of then, not as of the build.
            YAMLEntry("as_of", .string("\(endOfDataYear)-12-31")),
            YAMLEntry("snapshots", .list(snapshotYears(startYear: startYear).map { .string($0) })),
        ], comment: ["Written by `entente import atop` for a site that had no site.yaml; edit it freely."])
    }

    /// The network's snapshots for an imported site: the first year of each decade of the data, the years of the
    /// great changes of alignment (1914, 1939, 1955, 1991), and the end of the data.
    package static func snapshotYears(startYear: Int) -> [String] {
        let decades = stride(from: (startYear + 9) / 10 * 10, to: endOfDataYear, by: 10).map(String.init)
        return Array(Set(decades + ["1914", "1939", "1955", "1991"].filter { Int($0)! >= startYear })).sorted()
            + ["\(endOfDataYear)-12-31"]
    }

    private func write(_ writes: [(path: String, text: String)]) throws(DiagnosticsError) {
        var problems: [Diagnostic] = []
        for (path, text) in writes {
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                problems.append(.error(SourceLocation(file: path), "cannot write the file: \(error.localizedDescription)"))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
    }
}
