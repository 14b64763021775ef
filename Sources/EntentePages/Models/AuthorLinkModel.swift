import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// A link to an author's page.
package struct AuthorLinkModel: TemplateModel {
    package var name: String
    package var url: String
    package var role: String?

    package static let schema = TemplateSchema<AuthorLinkModel>("author", [
        .text("name", "the author's name") { $0.name },
        .text("url", "their page, relative to this page") { $0.url },
        .optionalText("role", "their position, as `role` of their file gives it") { $0.role },
    ])
}
