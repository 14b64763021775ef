import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// One of the citation files beside an analysis or treaty page ("Cite this").
package struct CitationLinkModel: TemplateModel {
    package var format: String
    package var url: String

    package static let schema = TemplateSchema<CitationLinkModel>("citation", [
        .text("format", "`BibTeX`, `RIS` or `CSL-JSON`") { $0.format },
        .text("url", "the file, relative to this page") { $0.url },
    ])
}
