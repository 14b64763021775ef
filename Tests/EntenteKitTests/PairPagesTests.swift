import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteModel

/// Pair pages: one page per two actors that share an agreement, linked from both actors' counterpart lists.
@Suite("Pair pages")
struct PairPagesTests {
    @Test("the example site: Russia with India, North Korea and Vietnam; agreements oldest first; analyses about both")
    func exampleSite() async throws {
        try await withTemporaryDirectory { directory in
            let site = try AtopImportTests.copyExampleSite(into: directory)
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: site, outputDirectory: directory.path("out"))).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            // One page per pair, under the actor whose id sorts first.
            for pair in ["india/with/russia", "north-korea/with/russia", "russia/with/vietnam"] {
                #expect(FileManager.default.fileExists(atPath: directory.path("out/actors/\(pair)/index.html")), "\(pair)")
            }
            #expect(!FileManager.default.fileExists(atPath: directory.path("out/actors/russia/with/india/index.html")), "one address per pair")
            #expect(!FileManager.default.fileExists(atPath: directory.path("out/actors/india/with/vietnam")), "no shared agreement, no page")

            let korea = try directory.read("out/actors/north-korea/with/russia/index.html")
            #expect(korea.contains("<h1>North Korea and Russia</h1>"))
            // 1961 → 2000 → 2024, in that order.
            let order = ["ussr-north-korea-1961", "russia-north-korea-2000", "russia-north-korea-csp-2024"].map {
                korea.range(of: "../../../../treaties/\($0)/index.html")?.lowerBound
            }
            #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!, "the line of treaties, oldest first")
            #expect(!korea.contains("treaties/russia-india-relos/"), "an agreement of only one of the two is not listed")
            #expect(korea.contains("analyses/2024-12-russia-north-korea-treaty-in-force/index.html"))
            #expect(korea.contains("Instruments of ratification exchanged at a ceremony in Moscow."), "the agreements' events")

            let vietnam = try directory.read("out/actors/russia/with/vietnam/index.html")
            #expect(vietnam.contains("treaties/russia-vietnam-1994/index.html") && vietnam.contains("treaties/russia-vietnam-2024-joint-statement/index.html"))

            // Both actors' counterpart lists link to the one page.
            let russia = try directory.read("out/actors/russia/index.html")
            #expect(russia.contains(#"href="../../actors/russia/with/vietnam/index.html""#))
            #expect(russia.contains(#"href="../../actors/north-korea/with/russia/index.html""#))
            let india = try directory.read("out/actors/india/index.html")
            #expect(india.contains(#"href="../../actors/india/with/russia/index.html""#))
        }
    }
}
