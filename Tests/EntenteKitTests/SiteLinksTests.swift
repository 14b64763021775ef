import Testing
@testable import EntenteModel
@testable import EntentePages

@Suite("SiteLinks")
struct SiteLinksTests {
    @Test func rootOfPage() {
        #expect(SiteLinks.root(ofPage: "index.html") == "")
        #expect(SiteLinks.root(ofPage: "404.html") == "")
        #expect(SiteLinks.root(ofPage: "actors/index.html") == "../")
        #expect(SiteLinks.root(ofPage: "actors/india/index.html") == "../../")
        #expect(SiteLinks.root(ofPage: "tags/south-asia/index.html") == "../../")
    }

    @Test func plainLinksPointAtIndexFiles() {
        let links = SiteLinks(pretty: false)
        #expect(links.folder("", from: "") == "index.html")
        #expect(links.folder("", from: "../../") == "../../index.html")
        #expect(links.folder("actors", from: "../") == "../actors/index.html")
        #expect(links.page(.actor(actorID("india")), from: "../../") == "../../actors/india/index.html")
        #expect(links.page(.treaty(treatyID("relos")), from: "") == "treaties/relos/index.html")
        #expect(links.page(.analysis(analysisID("a")), from: "../") == "../analyses/a/index.html")
        #expect(links.file("assets/style.css", from: "../../") == "../../assets/style.css")
    }

    @Test func prettyLinksPointAtFolders() {
        let links = SiteLinks(pretty: true)
        #expect(links.folder("", from: "") == "./")
        #expect(links.folder("", from: "../../") == "../../")
        #expect(links.folder("actors", from: "../") == "../actors/")
        #expect(links.page(.actor(actorID("india")), from: "../../") == "../../actors/india/")
    }

    @Test func pagePaths() {
        #expect(PageRenderer.Page.home.path == "index.html")
        #expect(PageRenderer.Page.notFound.path == "404.html")
        #expect(PageRenderer.Page.actor(actorID("india")).path == "actors/india/index.html")
        #expect(PageRenderer.Page.tag("south-asia").path == "tags/south-asia/index.html")
        // Every entity page's root matches the root its Markdown is rendered with.
        #expect(SiteLinks.root(ofPage: PageRenderer.Page.analysis(analysisID("a")).path) == RenderedContent.entityRoot)
    }
}
