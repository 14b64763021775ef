import Foundation
import Testing
@testable import EntenteKit
@testable import EntenteModel

/// An analysis pinned to its date: each agreement it names, as it stood when written and as it stands now.
@Suite("Then and now")
struct ThenAndNowTests {
    /// The table row of the agreement whose page is `treaty`, from the example's recalibration analysis.
    private func row(_ treaty: String, in whole: String) throws -> Substring {
        let box = try #require(whole.range(of: #"<h3 id="then-and-now">"#))
        let page = whole[box.upperBound...]
        let link = try #require(page.range(of: "treaties/\(treaty)/index.html\">"))
        let start = try #require(page[..<link.lowerBound].range(of: "<tr>", options: .backwards))
        let end = try #require(page[link.upperBound...].range(of: "</tr>"))
        return page[start.lowerBound..<end.upperBound]
    }

    @Test("the example: the parties' own steps before entry into force, 'changed since', and no change claimed the record cannot date")
    func exampleAnalysis() async throws {
        try await withTemporaryDirectory { directory in
            let site = try AtopImportTests.copyExampleSite(into: directory)
            let report = await SiteBuilder(options: BuildOptions(siteDirectory: site, outputDirectory: directory.path("out"))).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            let page = try directory.read("out/analyses/2024-07-russia-asia-recalibration/index.html")
            #expect(page.contains(#"<h3 id="then-and-now">Then and now</h3>"#))

            let relos = try row("russia-india-relos", in: page)
            #expect(relos.contains(#"<span class="status status-negotiating">Negotiating</span>, approved by Russia"#), "\(relos)")
            #expect(relos.contains(#"<span class="status status-signed">Signed</span>, ratified by Russia"#), "\(relos)")
            #expect(relos.contains("changed since"))

            let pact = try row("russia-north-korea-csp-2024", in: page)
            #expect(pact.contains(#"status-signed">Signed</span></td>"#) && pact.contains(#"status-in-force">In force</span>"#))
            #expect(pact.contains("changed since"))

            // Stated in force with no date of entry into force: perhaps in force then too, so no change is claimed.
            let vietnam = try row("russia-vietnam-1994", in: page)
            #expect(vietnam.contains("perhaps already in force"), "\(vietnam)")
            #expect(!vietnam.contains("changed since"), "\(vietnam)")

            // After entry into force the parties' steps are left to the treaty page.
            let old = try row("russia-north-korea-2000", in: page)
            #expect(!old.contains("ratified by"), "\(old)")
        }
    }
}
