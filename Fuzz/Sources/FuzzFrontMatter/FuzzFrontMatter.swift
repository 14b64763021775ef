import CLibFuzzer
@testable import EntenteKit

/// Front-matter splitting: never crashes, and a split gives back pieces of the text it was given.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    switch FrontMatter.split(text) {
    case .success(let split):
        precondition(split.bodyLine >= 3, "the body starts after two fences")
        precondition(text.hasSuffix(split.body), "the body is the end of the text")
        precondition(split.yaml.split(separator: "\n", omittingEmptySubsequences: false).count <= split.bodyLine - 2)
    case .failure:
        break
    }
    return 0
}

// SwiftPM links an executable's entry point as `FuzzFrontMatter_main`; it hands over to libFuzzer's driver.
@_cdecl("FuzzFrontMatter_main")
public func FuzzFrontMatterMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzFrontMatter)
}

