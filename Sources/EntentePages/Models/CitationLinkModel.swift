import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// One of the files "Cite this" offers on an analysis or treaty page.
package struct CitationLinkModel: TemplateModel {
    package var format: String
    package var url: String
    package var file: String

    package static let schema = TemplateSchema<CitationLinkModel>("citation", [
        .text("format", "`BibTeX`, `RIS` or `CSL-JSON`") { $0.format },
        .text("url", "the file itself, as a `data:` URL (for a link with `download`)") { $0.url },
        .text("file", "the name the file is saved under, such as `kursk-talks.bib` (the `download` attribute's value)") { $0.file },
    ])
}
