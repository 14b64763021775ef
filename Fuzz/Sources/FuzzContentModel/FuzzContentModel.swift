import CLibFuzzer
@testable import EntenteKit

/// YAML, JSON and front matter loaded into the model, then resolved against a few actors: the first byte
/// picks the file kind, the rest is the file. Never crashes; a value that loads has its required fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContentModel(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count > 0 else { return 0 }
    let selector = data[0]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: count - 1), as: UTF8.self)
    let formats: [ContentDecoder.Format] = [.yaml, .json, .markdown]
    let format = formats[Int(selector % 3)]
    var diagnostics: [Diagnostic] = []
    guard var fields = ContentDecoder.fields(of: text, format: format, file: "fuzz", what: "a fuzzed file",
                                             diagnostics: &diagnostics)
    else {
        precondition(diagnostics.hasErrors, "a file that does not load says why")
        return 0
    }
    var content = SiteContent(config: SiteConfig(title: "Fuzz"), actors: FuzzSite.actors, treaties: [], analyses: [])
    switch (selector / 3) % 4 {
    case 0:
        if let actor = ContentDecoder.actor(id: ActorID("fuzzed")!, &fields) {
            precondition(!actor.name.isEmpty)
            content.actors.append(actor)
        }
    case 1:
        if let treaty = ContentDecoder.treaty(id: TreatyID("fuzzed")!, &fields) {
            precondition(!treaty.name.isEmpty)
            content.treaties.append(treaty)
        }
    case 2:
        if let analysis = ContentDecoder.analysis(id: AnalysisID("fuzzed")!, &fields) {
            precondition(!analysis.title.isEmpty)
            content.analyses.append(analysis)
        }
    default:
        let config = ContentDecoder.site(&fields.fields)
        precondition(config == nil || !config!.title.isEmpty)
    }
    let resolved = SiteResolver.resolve(content)
    for diagnostic in fields.fields.diagnostics + resolved.diagnostics {
        precondition(diagnostic.location.file == "fuzz" && !diagnostic.message.isEmpty)
    }
    _ = resolved.site.treatiesOfActor
    return 0
}

enum FuzzSite {
    static let actors = ["india", "russia", "china"].map { id in
        Actor(id: ActorID(id)!, name: id.capitalized, location: SourceLocation(file: "actors/\(id).yaml"))
    }
}

// SwiftPM links an executable's entry point as `FuzzContentModel_main`; it hands over to libFuzzer's driver.
@_cdecl("FuzzContentModel_main")
public func FuzzContentModelMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzContentModel)
}

