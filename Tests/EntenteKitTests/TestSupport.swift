import Foundation
@testable import EntenteModel
@testable import EntentePages
@testable import EntenteResolving

/// A folder under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory: Sendable {
    let path: String

    init(_ label: String = "entente-tests") throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        // Resolve symlinks (/tmp → /private/tmp on macOS) so paths compare equal to what the code computes.
        path = URL(fileURLWithPath: base).resolvingSymlinksInPath().path
    }

    func url(_ relative: String) -> URL { URL(fileURLWithPath: self.path(relative)) }

    func path(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    /// Writes UTF-8 text at `relative`, creating folders on the way.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    func createFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs `body` with a fresh temporary folder and removes it afterwards, even when `body` throws.
func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) async throws -> T) async throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try await body(directory)
}

/// The synchronous form of `withTemporaryDirectory`.
func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try body(directory)
}

/// Every regular file under `root`, by relative path, with its bytes.
func snapshot(of root: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
    while let relative = enumerator.nextObject() as? String {
        let full = (root as NSString).appendingPathComponent(relative)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
        result[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
    }
    return result
}

// MARK: Model builders

func loc(_ file: String = "test.yaml", line: Int = 1, column: Int = 1) -> Location {
    Location(file: file, line: line, column: column)
}

func actorID(_ text: String) -> ActorID { ActorID(text)! }
func treatyID(_ text: String) -> TreatyID { TreatyID(text)! }
func analysisID(_ text: String) -> AnalysisID { AnalysisID(text)! }

func actorRef(_ id: String, line: Int = 1, file: String = "test.yaml") -> Reference<ActorTag> {
    Reference(ActorID(id) ?? ActorID("invalid")!, at: loc(file, line: line))
}

func treatyRef(_ id: String, line: Int = 1, file: String = "test.yaml") -> Reference<TreatyTag> {
    Reference(TreatyID(id) ?? TreatyID("invalid")!, at: loc(file, line: line))
}

func pd(_ text: String) -> PartialDate { PartialDate(parsing: text)! }

func makeActor(_ id: String, _ name: String, kind: Actor.Kind = .state, short: String? = nil,
               aliases: [String] = [], partOf: String? = nil, partOfLine: Int = 1) -> Actor {
    Actor(id: actorID(id), name: name, kind: kind, short: short, aliases: aliases,
          partOf: partOf.map { actorRef($0, line: partOfLine, file: "actors/\(id).yaml") },
          location: loc("actors/\(id).yaml"))
}

func makeTreaty(_ id: String, _ name: String, short: String? = nil, aliases: [String] = [],
                parties: [Treaty.Party], events: [TreatyEvent] = [], declaredStatus: TreatyStatus? = nil,
                supersedes: Reference<TreatyTag>? = nil, related: [Reference<TreatyTag>] = []) -> Treaty {
    Treaty(id: treatyID(id), name: name, short: short, aliases: aliases, parties: parties, events: events,
           declaredStatus: declaredStatus, supersedes: supersedes, related: related,
           location: loc("treaties/\(id).yaml"))
}

func party(_ id: String, line: Int = 1, signed: String? = nil, ratified: String? = nil) -> Treaty.Party {
    Treaty.Party(actor: actorRef(id, line: line), signed: signed.map(pd), ratified: ratified.map(pd))
}

func event(_ dateText: String, _ type: TreatyEventType, actor: String? = nil, line: Int = 1) -> TreatyEvent {
    TreatyEvent(date: pd(dateText), type: type, actor: actor.map { actorRef($0, line: line) },
                location: loc(line: line))
}

func makeAnalysis(_ id: String, _ title: String, date dateText: String = "2024-07-31", body: String = "Body.",
                  actors: [String] = [], treaties: [String] = [], tags: [String] = [], draft: Bool = false) -> Analysis {
    Analysis(id: analysisID(id), title: title, date: pd(dateText), actors: actors.map { actorRef($0) },
             treaties: treaties.map { treatyRef($0) }, tags: tags, draft: draft,
             body: MarkdownText(body, origin: Location(file: "analyses/\(id).md", line: 10, column: 0)),
             location: loc("analyses/\(id).md"))
}

/// Resolves `content`, failing the calling test when it has errors.
func resolvedSite(_ content: SiteContent) throws -> ResolvedSite {
    let (site, diagnostics) = SiteResolver.resolve(content)
    if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
    return site
}

/// EntenteKit's source location (Swift Testing has a type of the same name).
typealias Location = EntenteModel.SourceLocation
