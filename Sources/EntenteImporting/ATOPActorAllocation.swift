import EntenteModel
import EntenteLoading
/// Decides which actor stands for each COW state of an import: an actor already in the site with the same
/// `cow:` number, or a new one whose id comes from the state's name.
///
/// Ids are stable and collision-free: states are taken in COW-number order, a new actor gets the slug of its
/// name (`north-korea`) unless a file or an earlier state has it, then `<slug>-<cow>`, then `cow-<cow>`; on a
/// second import the actor written by the first is found again by its `cow:` number.
package struct ATOPActorAllocation: Sendable {
    package struct Assignment: Sendable {
        package var state: COWStateList.State
        package var id: ActorID
        /// The name treaties use for it: the existing actor's name, or the COW name.
        package var name: String
        /// An actor already in the site (not written by the import) that is reused as it is.
        package var reusesExisting: Bool
    }

    package var assignments: [Int: Assignment]
    /// Notes on ambiguous matches (two actors with the same `cow:`).
    package var warnings: [Diagnostic]

    package static func allocate(codes: [Int], states: COWStateList, inventory: SiteInventory) -> ATOPActorAllocation {
        var byCOW: [Int: [SiteInventory.Entry]] = [:]
        for entry in inventory.actors.values {
            if let cow = entry.cow, ActorID(entry.id) != nil { byCOW[cow, default: []].append(entry) }
        }
        var taken = Set(inventory.actors.keys)
        var assignments: [Int: Assignment] = [:]
        var warnings: [Diagnostic] = []
        for code in codes.sorted() {
            guard let state = states.states[code] else { continue }
            if let matches = byCOW[code]?.sorted(by: { $0.id < $1.id }), let first = matches.first {
                // A hand-made actor wins over one the import wrote, so that nothing is duplicated.
                let chosen = matches.first { !$0.isImported } ?? first
                if matches.count > 1 {
                    let others = matches.filter { $0.id != chosen.id }.map { "'\($0.id)'" }.joined(separator: ", ")
                    warnings.append(.warning(SourceLocation(file: chosen.paths[0]),
                                             "several actors have cow: \(code) (also \(others)); imported treaties use '\(chosen.id)'"))
                }
                assignments[code] = Assignment(state: state, id: ActorID(chosen.id)!, name: chosen.name ?? state.name,
                                               reusesExisting: !chosen.isImported)
                continue
            }
            let slug = ActorID.slug(from: state.name)
            let candidates = (slug.isEmpty ? [] : [slug, "\(slug)-\(code)"]) + ["cow-\(code)"]
            let id = candidates.first { !taken.contains($0) && ActorID($0) != nil } ?? "cow-\(code)-state"
            taken.insert(id)
            assignments[code] = Assignment(state: state, id: ActorID(id)!, name: state.name, reusesExisting: false)
        }
        return ATOPActorAllocation(assignments: assignments, warnings: warnings)
    }
}
