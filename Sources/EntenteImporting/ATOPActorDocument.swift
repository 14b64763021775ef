import EntenteModel
import EntenteLoading
/// The YAML of an actor written by the ATOP import, from its COW state.
package enum ATOPActorDocument {
    package static func yaml(for state: COWStateList.State) -> String {
        var entries = [
            YAMLEntry("imported_from", .string(ATOPImporter.marker)),
            YAMLEntry("name", .string(state.name)),
            YAMLEntry("kind", .string(Actor.Kind.state.rawValue)),
        ]
        if let iso3 = COWISO3.code(for: state.code) { entries.append(YAMLEntry("iso3", .string(iso3))) }
        entries.append(YAMLEntry("cow", .integer(state.code)))
        entries.append(YAMLEntry("summary", .string(summary(for: state))))
        return YAMLEmitter.document(entries, comment: ATOPImporter.fileComment(
            "from the Correlates of War State System Membership List v2016"))
    }

    /// One honest sentence from the COW list: its spells of membership and its codes.
    package static func summary(for state: COWStateList.State) -> String {
        let codes = "COW code \(state.code)" + (state.abbreviation.map { ", abbreviation \($0)" } ?? "")
        guard !state.spells.isEmpty else {
            return "A state of the Correlates of War state list (\(codes))."
        }
        let spells = state.spells.map { spell -> String in
            guard let end = spell.end else { return "since \(spell.start.year)" }
            return end.year == spell.start.year ? "in \(end.year)" : "from \(spell.start.year) to \(end.year)"
        }
        let joined = spells.count == 1 ? spells[0]
            : spells.dropLast().joined(separator: ", ") + " and " + spells[spells.count - 1]
        return "A member of the Correlates of War state system \(joined) (\(codes))."
    }
}
