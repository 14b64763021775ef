import CLibFuzzer
@testable import EntenteKit

/// Partial-date parsing: a date that parses prints back as the same text and survives a round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPartialDate(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    if let date = PartialDate(parsing: text) {
        precondition(date.description == text, "'\(text)' prints as '\(date.description)'")
        precondition(PartialDate(parsing: date.description) == date)
        precondition(!date.display.isEmpty)
        precondition(!date.isCertainlyBefore(date))
    }
    // The parts, as numbers, never trap either.
    let numbers = text.split(separator: " ").prefix(3).map { Int($0) ?? 0 }
    if numbers.count == 3, let date = PartialDate(year: numbers[0], month: numbers[1], day: numbers[2]) {
        precondition(PartialDate(parsing: date.description) == date)
    }
    return 0
}

// SwiftPM links an executable's entry point as `FuzzPartialDate_main`; it hands over to libFuzzer's driver.
@_cdecl("FuzzPartialDate_main")
public func FuzzPartialDateMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzPartialDate)
}

