import CLibFuzzer
@testable import EntenteKit

/// Mention detection: the first line holds names separated by '|', the rest is the text. Every match
/// lies inside the text, spells one of the names, and matches do not overlap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMentions(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    let names = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: "|").map(String.init)
    let text = Array(bytes[min(newline + 1, bytes.count)...])
    let matcher = MentionMatcher(patterns: names.enumerated().map { (name: $0.element, target: $0.offset) })
    var end = 0
    for match in matcher.matches(in: text) {
        precondition(match.range.lowerBound >= end, "matches overlap or are out of order")
        precondition(match.range.upperBound <= text.count, "a match runs past the text")
        let found = text[match.range]
        precondition(Array(names[match.target].utf8) == Array(found), "a match does not spell its name")
        end = match.range.upperBound
    }
    _ = matcher.matches(in: String(decoding: text, as: UTF8.self))
    return 0
}

// SwiftPM links an executable's entry point as `FuzzMentions_main`; it hands over to libFuzzer's driver.
@_cdecl("FuzzMentions_main")
public func FuzzMentionsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzMentions)
}

