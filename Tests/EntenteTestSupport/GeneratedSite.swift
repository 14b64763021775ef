import Foundation

/// A synthetic site of any size, made from a seed: actors of every kind, treaties with partial dates, undated
/// sources, parties with their own dates, and analyses that are about, name and mention them. Tests use it where
/// the example site is too small to reach a case, for the end-to-end builds and (as `entente-generate-site`) for
/// the browser suite; it needs nothing outside the repository.
public struct GeneratedSite: Sendable {
    public var actors: Int
    public var treaties: Int
    public var analyses: Int
    public var seed: UInt64

    public init(actors: Int = 12, treaties: Int = 30, analyses: Int = 40, seed: UInt64 = 1) {
        self.actors = actors
        self.treaties = treaties
        self.analyses = analyses
        self.seed = seed
    }

    /// Writes the site's `Content/` into the folder `site`, creating it.
    public func write(into site: String) throws {
        let dir = Folder(path: site)
        var random = SplitMix(seed: seed)
        try dir.write("Content/site.yaml", "title: Generated & <Tested>\ndescription: A site made by a test.\nlanguage: en\n")
        let kinds = ["state", "organization", "alliance", "faction", "person", "other"]
        for number in 0..<actors {
            var text = "name: Actor \(number) \"quoted\"\nkind: \(kinds[number % kinds.count])\n"
            if number % 2 == 0 { text += "region: Region \(number % 3)\n" }
            if number % 3 == 0 { text += "short: A\(number)\naliases:\n  - Alias \(number)\n  - Other <\(number)>\n" }
            if number % 4 == 1 { text += "summary: A summary with *emphasis* about actor \(number).\n" }
            if number % 5 == 2 { text += "cow: \(100 + number)\niso3: XA\(Character(Unicode.Scalar(UInt8(65 + number % 26))))\nwikidata: Q\(number + 1)\n" }
            try dir.write("Content/actors/actor-\(number).yaml", text)
        }
        let treatyKinds = ["defence-pact", "strategic-partnership", "logistics", "consultation", "other"]
        let eventTypes = ["signed", "ratified", "in-force", "suspended", "withdrawn"]
        for number in 0..<treaties {
            let year = 1950 + Int(random.next() % 70)
            var text = "name: Treaty \(number) & co\ninstrument: \(number % 4 == 3 ? "joint-statement" : "treaty")\n"
            if number % 5 != 4 { text += "kind: \(treatyKinds[number % treatyKinds.count])\n" }
            if number % 3 == 0 { text += "short: T\(number)\n" }
            text += "parties:\n"
            let partyCount = 2 + Int(random.next() % 3)
            var chosen: [Int] = []
            while chosen.count < min(partyCount, actors) {
                let actor = Int(random.next() % UInt64(actors))
                if !chosen.contains(actor) { chosen.append(actor) }
            }
            for (offset, actor) in chosen.enumerated() {
                text += "  - actor: actor-\(actor)\n"
                if offset == 0, number % 2 == 0 { text += "    signed: \"\(year)-0\(1 + number % 9)\"\n" }
                if offset == 1, number % 3 == 1 { text += "    ratified: \"\(year + 1)\"\n" }
            }
            text += "events:\n"
            let eventCount = Int(random.next() % 4)
            for event in 0..<eventCount {
                let type = event == 0 ? "signed" : eventTypes[Int(random.next() % UInt64(eventTypes.count))]
                let day = event % 2 == 0 ? "\(year + event)-0\(1 + event)-1\(event)" : "\(year + event)"
                text += "  - date: \"\(day)\"\n    type: \(type)\n"
                if event == 1 { text += "    actor: actor-\(chosen[0])\n" }
                if event % 2 == 0 { text += "    note: Event note \(event) <b>bold?</b>\n" }
                if number % 2 == 1 { text += "    source: \(event % 2 == 0 ? "one" : "two")\n" }
            }
            text += "sources:\n  - id: one\n    title: Source one of \(number)\n    url: https://example.org/\(number)/1\n"
                + "    date: \"\(year + 2)-05\"\n"
            text += "  - id: two\n    title: Undated source of \(number)\n    url: https://example.org/\(number)/2\n"
            if number > 0, number % 7 == 0 { text += "supersedes: treaty-\(number - 1)\n" }
            if number % 6 == 5 { text += "related:\n  - treaty-\(number - 1)\n" }
            if number % 4 == 0 { text += "summary: Summary of treaty \(number).\n" }
            try dir.write("Content/treaties/treaty-\(number).yaml", text)
        }
        for number in 0..<analyses {
            let actor = Int(random.next() % UInt64(actors))
            let treaty = Int(random.next() % UInt64(treaties))
            var front = "title: \"Analysis \(number) on <Actor \(actor)> & 'Treaty \(treaty)'\"\n"
            front += "date: \"20\(10 + number % 15)-0\(1 + number % 9)-1\(number % 10)\"\n"
            if number % 2 == 0 { front += "author: Author \(number % 3)\n" }
            if number % 3 != 2 { front += "summary: Summary \(number) with \"quotes\".\n" }
            front += "tags: [tag \(number % 4), common]\nactors: [actor-\(actor)]\ntreaties: [treaty-\(treaty)]\n"
            let other = (actor + 1) % actors
            let body = "An analysis of [Actor \(actor)](actor:actor-\(actor)) and Actor \(other).\n\n"
                + "It discusses [the treaty](treaty:treaty-\(treaty)) at length.\n"
            try dir.write("Content/analyses/analysis-\(number).md", "---\n\(front)---\n\(body)")
        }
    }
}

/// Writes files under one folder.
private struct Folder {
    let path: String

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// A small, fast, seeded random number generator, so a generated site is the same on every machine.
public struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
