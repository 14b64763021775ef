import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// Every author of the site.
package struct AuthorsPageModel: TemplateModel {
    /// An author in the list, with how many analyses they wrote.
    package struct Entry: TemplateModel {
        package var link: AuthorLinkModel
        package var count: Int

        package static let schema = TemplateSchema<Entry>("author", AuthorLinkModel.schema.fields { $0.link } + [
            .int("count", "how many analyses they wrote") { $0.count },
        ])
    }

    package var frame: PageFrame
    package var authors: [Entry]

    package static let schema = TemplateSchema<AuthorsPageModel>("authors page", PageFrame.schema.fields { $0.frame } + [
        .list("authors", "the authors, by name") { $0.authors },
    ])
}
