import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// The page shown for an address the site does not have.
package struct NotFoundPageModel: TemplateModel {
    package var frame: PageFrame

    package static let schema = TemplateSchema<NotFoundPageModel>("page", PageFrame.schema.fields { $0.frame })
}
