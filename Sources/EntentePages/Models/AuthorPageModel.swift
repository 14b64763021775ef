import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// One author's page: who they are and what they wrote.
package struct AuthorPageModel: TemplateModel {
    package var frame: PageFrame
    package var author: AuthorDetailModel

    package static let schema = TemplateSchema<AuthorPageModel>("author page", PageFrame.schema.fields { $0.frame } + [
        .object("author", "the author") { $0.author },
    ])
}

/// The author of their own page.
package struct AuthorDetailModel: TemplateModel {
    /// A page of the author's elsewhere.
    package struct Link: TemplateModel {
        package var title: String
        package var url: String

        package static let schema = TemplateSchema<Link>("link", [
            .text("title", "what the page is") { $0.title },
            .text("url", "its address (http or https)") { $0.url },
        ])
    }

    package var link: AuthorLinkModel
    package var bio: String?
    package var links: [Link]
    package var analyses: [ListedAnalysisModel]
    package var count: Int
    package var feedURL: String

    package static let schema = TemplateSchema<AuthorDetailModel>("author", AuthorLinkModel.schema.fields { $0.link } + [
        .optionalText("bio", "their bio as HTML") { $0.bio },
        .joinedList("links", "their pages elsewhere (external)") { $0.links },
        .list("analyses", "their analyses, newest first") { $0.analyses },
        .int("count", "how many analyses they wrote") { $0.count },
        .text("feed_url", "the Atom feed of their analyses") { $0.feedURL },
    ])
}
