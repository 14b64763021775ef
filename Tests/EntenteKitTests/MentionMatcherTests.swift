import Testing
@testable import EntenteMarkdown
@testable import EntenteModel

@Suite("MentionMatcher")
struct MentionMatcherTests {
    /// The matched text of each match, with its target.
    private func found(_ matcher: MentionMatcher<String>, in text: String) -> [String] {
        let bytes = Array(text.utf8)
        return matcher.matches(in: text).map { "\(String(decoding: bytes[$0.range], as: UTF8.self))=\($0.target)" }
    }

    /// The UTF-8 byte range of the first occurrence of `needle` in `text`.
    private func byteRange(of needle: String, in text: String) throws -> Range<Int> {
        let range = try #require(text.range(of: needle))
        let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
        return start..<(start + needle.utf8.count)
    }

    private let africa = MentionMatcher(patterns: [
        (name: "Guinea", target: "guinea"), (name: "Guinea-Bissau", target: "guinea-bissau"),
        (name: "Papua New Guinea", target: "png"), (name: "Equatorial Guinea", target: "equatorial-guinea"),
        (name: "Niger", target: "niger"), (name: "Nigeria", target: "nigeria"),
    ])

    @Test("A text may mention a name only if it holds every word of the name as written, or a character reference")
    func mayMention() {
        #expect(MentionMatcher<String>.mayMention(["Guinea-Bissau"], in: "off the coast of Guinea-Bissau"))
        // Every word of a name, not only its longest: a text with one of them cannot hold the name.
        #expect(!MentionMatcher<String>.mayMention(["Guinea-Bissau"], in: "off the coast of Guinea"))
        #expect(!MentionMatcher<String>.mayMention(["Pharan Consultation Agreement"], in: "an Agreement on Consultation"))
        #expect(MentionMatcher<String>.mayMention(["Pharan Consultation Agreement"], in: "the Pharan\nConsultation *Agreement*"))
        #expect(!MentionMatcher<String>.mayMention(["Guinea-Bissau"], in: "off the coast of Mali"))
        #expect(!MentionMatcher<String>.mayMention(["Guinea-Bissau"], in: "guinea in lower case"))
        #expect(MentionMatcher<String>.mayMention(["Treaty of Rome", "Mali"], in: "Mali"))
        // Words are runs of letters and digits: the apostrophe, straight or curly, is not one.
        #expect(MentionMatcher<String>.mayMention(["Côte d'Ivoire"], in: "la Côte d’Ivoire"))
        #expect(!MentionMatcher<String>.mayMention(["Côte d'Ivoire"], in: "la Côte"))
        #expect(MentionMatcher<String>.mayMention(["Mali"], in: "&#77;ali"))
        #expect(!MentionMatcher<String>.mayMention([], in: "anything & all"))
        // The targets the automaton finds: the first of a shared name keeps it.
        #expect(MentionMatcher<String>.targets(of: [("Congo", "a"), ("Congo", "b"), ("", "c")]) == ["Congo": "a"])
    }

    @Test func longestMatchWins() {
        #expect(found(africa, in: "Guinea-Bissau and Guinea") == ["Guinea-Bissau=guinea-bissau", "Guinea=guinea"])
        #expect(found(africa, in: "Papua New Guinea") == ["Papua New Guinea=png"])
        #expect(found(africa, in: "in Equatorial Guinea.") == ["Equatorial Guinea=equatorial-guinea"])
        let korea = MentionMatcher(patterns: [(name: "Korea", target: "korea"), (name: "North Korea", target: "dprk")])
        #expect(found(korea, in: "North Korea and South Korea") == ["North Korea=dprk", "Korea=korea"])
    }

    @Test func patternOrderDoesNotChangeLongestMatch() {
        let shortFirst = MentionMatcher(patterns: [(name: "Korea", target: "korea"), (name: "North Korea", target: "dprk")])
        let longFirst = MentionMatcher(patterns: [(name: "North Korea", target: "dprk"), (name: "Korea", target: "korea")])
        #expect(shortFirst.matches(in: "North Korea") == longFirst.matches(in: "North Korea"))
        #expect(found(longFirst, in: "North Korea") == ["North Korea=dprk"])
    }

    @Test func wholeWordsOnly() {
        #expect(found(africa, in: "Nigerian officials") == [])
        #expect(found(africa, in: "Nigeria's capital") == ["Nigeria=nigeria"])
        #expect(found(africa, in: "Nigeria") == ["Nigeria=nigeria"])
        #expect(found(africa, in: "Niger and Nigeria") == ["Niger=niger", "Nigeria=nigeria"])
        #expect(found(africa, in: "Guineans") == [])
        #expect(found(africa, in: "xGuinea") == [])
        #expect(found(africa, in: "Guinea_x") == [], "an underscore joins words")
        #expect(found(africa, in: "Guinea2") == [])
        #expect(found(africa, in: "(Guinea)") == ["Guinea=guinea"])
        #expect(found(africa, in: "Guinea.") == ["Guinea=guinea"])
    }

    @Test func nigerNeverMatchesInsideNigeria() {
        let niger = MentionMatcher(patterns: [(name: "Niger", target: "niger")])
        #expect(niger.matches(in: "Nigeria and Nigerien troops").isEmpty)
        #expect(niger.matches(in: "the Niger river").count == 1)
    }

    @Test func caseSensitive() {
        let india = MentionMatcher(patterns: [(name: "India", target: "india")])
        #expect(india.matches(in: "india INDIA iNDIA").isEmpty)
        #expect(india.matches(in: "India").count == 1)
    }

    @Test func nonASCIINames() throws {
        let matcher = MentionMatcher(patterns: [
            (name: "Côte d'Ivoire", target: "civ"), (name: "Türkiye", target: "tur"), (name: "Россия", target: "rus"),
        ])
        let text = "Türkiye, Côte d'Ivoire and Россия."
        let matches = matcher.matches(in: text)
        #expect(matches.map(\.target) == ["tur", "civ", "rus"])
        #expect(matches[0].range == (try byteRange(of: "Türkiye", in: text)))
        #expect(matches[1].range == (try byteRange(of: "Côte d'Ivoire", in: text)))
        #expect(matches[2].range == (try byteRange(of: "Россия", in: text)))
        // A non-ASCII letter next to the name joins it to a longer word.
        #expect(matcher.matches(in: "Türkiyeli").isEmpty)
        #expect(matcher.matches(in: "éTürkiye").isEmpty)
        #expect(matcher.matches(in: "РоссияX").isEmpty)
    }

    @Test func byteRangesAreCorrect() throws {
        let text = "In 2024 — Niger, then Guinea-Bissau; later Papua New Guinea."
        let matches = africa.matches(in: text)
        #expect(matches.map(\.target) == ["niger", "guinea-bissau", "png"])
        #expect(matches[0].range == (try byteRange(of: "Niger", in: text)))
        #expect(matches[1].range == (try byteRange(of: "Guinea-Bissau", in: text)))
        #expect(matches[2].range == (try byteRange(of: "Papua New Guinea", in: text)))
        // The em dash is three bytes: the first match starts after it.
        #expect(matches[0].range.lowerBound == "In 2024 — ".utf8.count)
    }

    @Test func multipleMatchesInOrder() {
        let matcher = MentionMatcher(patterns: [
            (name: "India", target: "india"), (name: "Russia", target: "russia"), (name: "China", target: "china"),
        ])
        let matches = matcher.matches(in: "Russia, India, China, India and Russia")
        #expect(matches.map(\.target) == ["russia", "india", "china", "india", "russia"])
        #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound })
    }

    @Test func failureLinksFindNamesAfterAPartialMatch() {
        let matcher = MentionMatcher(patterns: [
            (name: "Papua New Guinea", target: "png"), (name: "New Zealand", target: "nz"), (name: "New Guinea", target: "ng"),
        ])
        #expect(found(matcher, in: "Papua New Zealand") == ["New Zealand=nz"])
        #expect(found(matcher, in: "Papua New New Guinea") == ["New Guinea=ng"])
        #expect(found(matcher, in: "Papua New Guinea, New Zealand and New Guinea") ==
                ["Papua New Guinea=png", "New Zealand=nz", "New Guinea=ng"])
    }

    @Test func sharedNameGoesToTheFirstTarget() {
        let matcher = MentionMatcher(patterns: [(name: "Georgia", target: "country"), (name: "Georgia", target: "state")])
        #expect(found(matcher, in: "Georgia") == ["Georgia=country"])
    }

    @Test func severalNamesForOneTarget() {
        let matcher = MentionMatcher(patterns: [
            (name: "Russia", target: "russia"), (name: "Russian Federation", target: "russia"), (name: "RF", target: "russia"),
        ])
        #expect(found(matcher, in: "The Russian Federation (RF) is Russia.") ==
                ["Russian Federation=russia", "RF=russia", "Russia=russia"])
    }

    @Test func namesWithPunctuationAtTheEdges() {
        let matcher = MentionMatcher(patterns: [(name: "U.S.", target: "us"), (name: "(PRC)", target: "prc")])
        #expect(found(matcher, in: "The U.S. and the (PRC).") == ["U.S.=us", "(PRC)=prc"])
        #expect(found(matcher, in: "XU.S.") == [], "a name starting with a letter still needs a boundary before it")
    }

    @Test func emptyMatcher() {
        let empty = MentionMatcher<String>(patterns: [])
        #expect(empty.isEmpty)
        #expect(empty.matches(in: "India and Russia").isEmpty)
        let blankNames = MentionMatcher(patterns: [(name: "", target: "nothing")])
        #expect(blankNames.isEmpty)
        #expect(blankNames.matches(in: "anything").isEmpty)
        #expect(!africa.isEmpty)
        #expect(africa.matches(in: "").isEmpty)
    }

    @Test func largeTextMatchesNaiveSearch() {
        let names = ["Niger", "Nigeria", "Guinea", "Guinea-Bissau", "Papua New Guinea", "Equatorial Guinea"]
        var text = ""
        var expected: [String] = []
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let name = names.randomElement(using: &generator)!
            text += "Some filler, " + name + ". "
            expected.append(name)
        }
        let bytes = Array(text.utf8)
        let matched = africa.matches(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(matched == expected)
    }
}
