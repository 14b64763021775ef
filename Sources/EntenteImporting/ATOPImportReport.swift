import EntenteModel
import EntenteLoading
/// What an ATOP import did (or, in a dry run, would do).
public struct ATOPImportReport: Sendable {
    /// What happened to one file.
    public enum Action: String, Sendable, Comparable {
        /// A new file.
        case create
        /// A file the import wrote before, rewritten because the data or the importer changed.
        case update
        /// A file the import wrote before, already exactly as it would be written.
        case unchanged
        /// A file without the `imported_from` marker: hand-made or hand-edited, left as it is.
        case kept

        public static func < (lhs: Action, rhs: Action) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public enum Section: String, Sendable, Comparable {
        case site, actors, treaties
        public static func < (lhs: Section, rhs: Section) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public struct File: Hashable, Sendable {
        public var section: Section
        public var id: String
        /// The path as shown to the user (inside the site folder as given).
        public var path: String
        public var action: Action
    }

    public var dryRun: Bool
    /// Every file the import considered, sorted by section and id.
    public var files: [File]
    /// Ids of actors that were already in the site with the same `cow:` and are used as they are.
    public var reusedActors: [String]
    /// Skipped rows, hand-edited files left alone and other notes, in file and line order.
    public var warnings: [Diagnostic]
    /// How many rows of the three files were skipped.
    public var skippedRows: Int
    /// Set when the site's `site.yaml` has no `credits`: the line to add.
    public var creditsHint: String?

    public func files(_ section: Section, _ action: Action) -> [File] {
        files.filter { $0.section == section && $0.action == action }
    }

    /// The files written (or, in a dry run, that would be written).
    public var written: [File] { files.filter { $0.action == .create || $0.action == .update } }

    /// How many actors the imported treaties use: written by the import, or already in the site.
    public var actorCount: Int { files.filter { $0.section == .actors }.count + reusedActors.count }
    public var treatyCount: Int { files.filter { $0.section == .treaties }.count }

    /// One line: counts of actors, treaties and skipped rows.
    public var summary: String {
        func counts(_ section: Section) -> String {
            let (created, updated) = dryRun ? ("to create", "to update") : ("created", "updated")
            var parts = ["\(files(section, .create).count) \(created)", "\(files(section, .update).count) \(updated)",
                         "\(files(section, .unchanged).count) unchanged"]
            if section == .actors { parts.append("\(reusedActors.count) already in the site") }
            let kept = files(section, .kept).count
            if section == .treaties || kept > 0 { parts.append("\(kept) hand-edited and kept") }
            return parts.joined(separator: ", ")
        }
        let rows = "\(skippedRows) row\(skippedRows == 1 ? "" : "s") skipped"
        let lead = dryRun ? "Dry run, nothing written: would import" : "Imported"
        return "\(lead) \(actorCount) actor\(actorCount == 1 ? "" : "s") (\(counts(.actors))) and "
            + "\(treatyCount) treat\(treatyCount == 1 ? "y" : "ies") (\(counts(.treaties))); \(rows)"
    }
}
