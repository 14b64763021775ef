import Testing
@testable import EntenteModel

@Suite("PartialDate")
struct PartialDateTests {
    @Test func parsesYear() throws {
        let date = try #require(PartialDate(parsing: "2024"))
        #expect(date.year == 2024)
        #expect(date.month == nil)
        #expect(date.day == nil)
        #expect(date.precision == .year)
    }

    @Test func parsesYearAndMonth() throws {
        let date = try #require(PartialDate(parsing: "2024-07"))
        #expect(date.year == 2024)
        #expect(date.month == 7)
        #expect(date.day == nil)
        #expect(date.precision == .month)
    }

    @Test func parsesFullDate() throws {
        let date = try #require(PartialDate(parsing: "2024-07-29"))
        #expect(date.year == 2024)
        #expect(date.month == 7)
        #expect(date.day == 29)
        #expect(date.precision == .day)
    }

    @Test func acceptsLeapDay() throws {
        let date = try #require(PartialDate(parsing: "2024-02-29"))
        #expect(date.day == 29)
        #expect(PartialDate(parsing: "2000-02-29") != nil, "2000 is divisible by 400, so a leap year")
    }

    @Test(arguments: [
        "2024-02-30", "2023-02-29", "1900-02-29", "2024-04-31", "2024-13", "2024-00", "2024-07-00", "0000",
        "24-07", "2024-7", "2024-07-1", "20240", "2024-07-29T00:00", "2024-07-29-01", "2024/07/29", " 2024",
        "2024 ", "+024", "２０２４", "abcd", "2024-", "-2024", "",
    ])
    func rejectsInvalidText(_ text: String) {
        #expect(PartialDate(parsing: text) == nil)
    }

    /// The parser reads bytes; this reference splits and counts, the plain way it was first written.
    private func referenceParse(_ text: String) -> PartialDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } })
        else { return nil }
        let numbers = parts.map { Int($0)! }
        return PartialDate(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
    }

    @Test("parsing agrees with splitting and counting, on every text of a small alphabet and on random ones")
    func parsingMatchesReference() {
        let alphabet: [String] = ["0", "1", "2", "9", "-", "a", "\u{301}", "٣"]
        var texts = ["2024-02-29", "2023-02-29", "1999-12-31", "0001-01-01", "9999-12-31", "2024-1\u{301}-01"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...11, using: &generator)
            texts.append((0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined())
        }
        // Digits and dashes only, in the shapes that come close to a date.
        for _ in 0..<20_000 {
            let parts = (0..<Int.random(in: 1...4)).map { _ in String(Int.random(in: 0...9999)) }
            texts.append(parts.map { $0.count < 2 ? "0" + $0 : $0 }.joined(separator: "-"))
        }
        for text in texts { #expect(PartialDate(parsing: text) == referenceParse(text), "\(text)") }
    }

    @Test func memberwiseInitialiserValidates() {
        #expect(PartialDate(year: 2024, month: nil, day: 5) == nil, "a day needs a month")
        #expect(PartialDate(year: 0) == nil)
        #expect(PartialDate(year: 10_000) == nil)
        #expect(PartialDate(year: 2024, month: 13) == nil)
        #expect(PartialDate(year: 2023, month: 2, day: 29) == nil)
        #expect(PartialDate(year: 2024, month: 6, day: 30) != nil)
        #expect(PartialDate(year: 2024, month: 6, day: 31) == nil)
    }

    @Test func display() {
        #expect(pd("2024").display == "2024")
        #expect(pd("2024-07").display == "Jul 2024")
        #expect(pd("2024-07-29").display == "29 Jul 2024")
        #expect(pd("2024-01-05").display == "5 Jan 2024")
        #expect(pd("1994-12").display == "Dec 1994")
    }

    @Test(arguments: ["2024", "2024-07", "2024-07-29", "0800", "0800-01-02", "1994-12-31", "9999-12"])
    func descriptionRoundTrips(_ text: String) throws {
        let date = try #require(PartialDate(parsing: text))
        #expect(date.description == text)
        #expect(PartialDate(parsing: date.description) == date)
    }

    @Test func equalityIncludesPrecision() {
        #expect(pd("2024") != pd("2024-01"))
        #expect(pd("2024-01") != pd("2024-01-01"))
        #expect(pd("2024-07-29") == PartialDate(year: 2024, month: 7, day: 29))
    }

    @Test func yearOnlySortsBeforeItsMonths() {
        #expect(pd("2024") < pd("2024-01"))
        #expect(pd("2024-01") < pd("2024-01-01"))
        #expect(!(pd("2024-01") < pd("2024")))
        #expect(pd("2023-12-31") < pd("2024"))
        #expect(pd("2024") < pd("2025-01"))
        #expect(!(pd("2024-03") < pd("2024-03")))
    }

    @Test func sortsMixedList() {
        let texts = ["2024-07-29", "2023", "2024", "2024-07", "2024-01-15", "2023-12", "2024-07-01", "1994-06"]
        let sorted = texts.map(pd).sorted().map(\.description)
        #expect(sorted == ["1994-06", "2023", "2023-12", "2024", "2024-01-15", "2024-07", "2024-07-01", "2024-07-29"])
    }

    @Test func isCertainlyBefore() {
        #expect(pd("2023").isCertainlyBefore(pd("2024-03")))
        #expect(pd("2023-12-31").isCertainlyBefore(pd("2024")))
        #expect(pd("2024-02").isCertainlyBefore(pd("2024-03-01")))
        #expect(pd("2024-03-14").isCertainlyBefore(pd("2024-03-15")))

        // Imprecise dates that overlap are never certainly ordered.
        #expect(!pd("2024").isCertainlyBefore(pd("2024-03")))
        #expect(!pd("2024-03").isCertainlyBefore(pd("2024")))
        #expect(!pd("2024-03").isCertainlyBefore(pd("2024-03-15")))
        #expect(!pd("2024-03-15").isCertainlyBefore(pd("2024-03")))

        // Later or equal dates are not before.
        #expect(!pd("2024-03-15").isCertainlyBefore(pd("2024-03-15")))
        #expect(!pd("2024-03-16").isCertainlyBefore(pd("2024-03-15")))
        #expect(!pd("2024-04").isCertainlyBefore(pd("2024-03-31")))
        #expect(!pd("2025").isCertainlyBefore(pd("2024-12-31")))
    }
}
