import Testing
@testable import EntenteModel

@Suite("Identifier")
struct IdentifierTests {
    @Test(arguments: ["india", "north-korea", "russia-china-2001", "a", "2024", "g7", "console", "com10", "a-b-c",
                      String(repeating: "x", count: 120)])
    func acceptsValidIDs(_ text: String) throws {
        let id = try #require(ActorID(text))
        #expect(id.rawValue == text)
        #expect(id.description == text)
        #expect(ActorID.problem(with: text) == nil)
    }

    @Test(arguments: ["India", "north korea", "../x", "a/b", ".hidden", "con", "CON", "nul", "com1", "lpt9", "-x",
                      "x-", "", "a_b", "a.b", "café", "tab\tid", "new\nline", String(repeating: "x", count: 121)])
    func rejectsInvalidIDs(_ text: String) {
        #expect(ActorID(text) == nil)
        #expect(TreatyID(text) == nil)
        #expect(ActorID.problem(with: text) != nil)
    }

    @Test func equalIDsHashAlikeAndDifferentOnesDiffer() throws {
        let ids = try ["india", "indi", "india-2", "a", "b", "treaty-1", "treaty-10"].map { try #require(ActorID($0)) }
        for (i, left) in ids.enumerated() {
            for (j, right) in ids.enumerated() {
                #expect((left == right) == (i == j))
            }
            let again = try #require(ActorID(left.rawValue))
            #expect(again == left && again.hashValue == left.hashValue)
        }
        #expect(Set(ids + ids).count == ids.count)
    }

    @Test func entityKeysSortAsTheirFolders() throws {
        let keys: [EntityKey] = try [
            .treaty(#require(TreatyID("relos"))), .actor(#require(ActorID("russia"))), .analysis(#require(AnalysisID("b"))),
            .actor(#require(ActorID("india"))), .treaty(#require(TreatyID("a"))), .analysis(#require(AnalysisID("a-2"))),
            .actor(#require(ActorID("india-2"))),
        ]
        #expect(keys.sorted() == keys.sorted { $0.folder < $1.folder })
    }

    @Test func problemsExplainTheRule() {
        #expect(ActorID.problem(with: "") == "an id cannot be empty")
        #expect(ActorID.problem(with: String(repeating: "a", count: 121)) == "an id is at most 120 characters long")
        #expect(ActorID.problem(with: "India") == "ids use only lowercase letters a-z, digits 0-9 and '-'")
        #expect(ActorID.problem(with: "-x") == "an id cannot start or end with '-'")
        #expect(ActorID.problem(with: "aux") == "'aux' is a reserved device name on Windows")
    }

    @Test func lengthIsCountedInBytes() {
        #expect(ActorID.maximumLength == 120)
        #expect(ActorID(String(repeating: "a", count: 120)) != nil)
        #expect(ActorID(String(repeating: "a", count: 121)) == nil)
    }

    @Test func idsOrderByRawValue() {
        let ids = ["vietnam", "china", "india"].map { ActorID($0)! }
        #expect(ids.sorted().map(\.rawValue) == ["china", "india", "vietnam"])
    }

    @Test(arguments: [
        ("Belt & Road", "belt-road"),
        ("India", "india"),
        ("Russia–China 2001", "russia-china-2001"),
        ("  North   Korea  ", "north-korea"),
        ("Côte d'Ivoire", "c-te-d-ivoire"),
        ("already-a-slug", "already-a-slug"),
        ("Multipolarity!", "multipolarity"),
        ("---", ""),
        ("", ""),
        ("日本", ""),
    ])
    func slug(_ input: String, _ expected: String) {
        #expect(ActorID.slug(from: input) == expected)
    }

    @Test func slugOfTextWithLettersIsAValidID() {
        for text in ["Belt & Road", "Russia–China 2001", " Asia ", "G7 Summit (2024)", "A.B.C."] {
            let slug = ActorID.slug(from: text)
            #expect(ActorID(slug) != nil, "slug '\(slug)' of '\(text)' should be a valid id")
        }
    }

    @Test func slugIsCappedAtTheMaximumLength() {
        let slug = ActorID.slug(from: String(repeating: "ab ", count: 100))
        #expect(slug.count <= ActorID.maximumLength)
        #expect(slug.hasPrefix("ab-ab-"))
    }
}
