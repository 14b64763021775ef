import CLibFuzzer
@testable import EntenteKit

/// Id validation: a valid id is safe in a path, and a slug is always a valid id (or empty).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIdentifier(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    if let id = ActorID(text) {
        precondition(!id.rawValue.isEmpty && id.rawValue.utf8.count <= ActorID.maximumLength)
        precondition(!id.rawValue.contains("/") && !id.rawValue.contains(".") && !id.rawValue.contains("\\"))
        precondition(id.rawValue == id.rawValue.lowercased())
    }
    let slug = AnalysisID.slug(from: text)
    precondition(slug.isEmpty || AnalysisID(slug) != nil, "slug '\(slug)' of '\(text)' is not a valid id")
    precondition(AnalysisID.slug(from: slug) == slug, "slugs are stable")
    return 0
}

// SwiftPM links an executable's entry point as `FuzzIdentifier_main`; it hands over to libFuzzer's driver.
@_cdecl("FuzzIdentifier_main")
public func FuzzIdentifierMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzIdentifier)
}

