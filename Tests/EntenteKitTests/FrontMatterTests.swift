import Testing
@testable import EntenteLoading
@testable import EntenteModel

@Suite("FrontMatter")
struct FrontMatterTests {
    @Test func splitsAtDashFence() throws {
        let split = try FrontMatter.split("---\ntitle: Hello\ndate: 2024\n---\n# Body\n\nText\n").get()
        #expect(split.yaml == "title: Hello\ndate: 2024")
        #expect(split.body == "# Body\n\nText\n")
        #expect(split.bodyLine == 5)
    }

    @Test func splitsAtDotsFence() throws {
        let split = try FrontMatter.split("---\ntitle: Hello\n...\nBody\n").get()
        #expect(split.yaml == "title: Hello")
        #expect(split.body == "Body\n")
        #expect(split.bodyLine == 4)
    }

    @Test func acceptsTrailingSpacesOnFences() throws {
        let split = try FrontMatter.split("--- \ntitle: Hello\n---\t\nBody").get()
        #expect(split.yaml == "title: Hello")
        #expect(split.body == "Body")
    }

    @Test func onlyTheFirstClosingFenceCounts() throws {
        let split = try FrontMatter.split("---\na: 1\n---\nBody\n---\nMore\n").get()
        #expect(split.yaml == "a: 1")
        #expect(split.body == "Body\n---\nMore\n")
        #expect(split.bodyLine == 4)
    }

    @Test func acceptsByteOrderMark() throws {
        let split = try FrontMatter.split("\u{FEFF}---\ntitle: Hello\n---\nBody\n").get()
        #expect(split.yaml == "title: Hello")
        #expect(split.body == "Body\n")
        #expect(split.bodyLine == 4)
    }

    @Test func acceptsCRLFLineEndings() throws {
        let split = try FrontMatter.split("---\r\ntitle: Hello\r\nauthor: Me\r\n---\r\nBody\r\nMore\r\n").get()
        #expect(split.yaml == "title: Hello\nauthor: Me")
        #expect(!split.yaml.contains("\r"))
        #expect(split.body == "Body\r\nMore\r\n")
        #expect(split.bodyLine == 5)
    }

    @Test func emptyFrontMatterAndBody() throws {
        let split = try FrontMatter.split("---\n---\n").get()
        #expect(split.yaml == "")
        #expect(split.body == "")
        #expect(split.bodyLine == 3)
    }

    @Test func closingFenceAtEndOfFile() throws {
        let split = try FrontMatter.split("---\na: 1\nb: 2\n---").get()
        #expect(split.yaml == "a: 1\nb: 2")
        #expect(split.body == "")
        #expect(split.bodyLine == 5)
    }

    @Test(arguments: ["title: Hello\n", "", "\n---\ntitle: x\n---\n", "----\ntitle: x\n----\n", " ---\na: 1\n---\n",
                      "# Just Markdown\n"])
    func reportsMissingFrontMatter(_ text: String) {
        #expect(FrontMatter.split(text) == .failure(.missing))
    }

    @Test(arguments: ["---\ntitle: Hello\n", "---", "---\n", "---\ntitle: x\n--\nBody\n", "---\ntitle: x\n ---\nBody\n"])
    func reportsUnterminatedFrontMatter(_ text: String) {
        #expect(FrontMatter.split(text) == .failure(.unterminated))
    }

    @Test func bodyLineCountsEveryFrontMatterLine() throws {
        let yamlLines = (1...12).map { "key\($0): value" }
        let text = "---\n" + yamlLines.joined(separator: "\n") + "\n---\nFirst body line\n"
        let split = try FrontMatter.split(text).get()
        #expect(split.bodyLine == 15)
        // The line the body starts on is really where its first line sits in the file.
        let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(fileLines[split.bodyLine - 1] == "First body line")
    }
}
