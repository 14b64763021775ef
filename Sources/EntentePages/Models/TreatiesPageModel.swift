import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// Every agreement.
package struct TreatiesPageModel: TemplateModel {
    package var frame: PageFrame
    package var treaties: [IndexedTreatyModel]
    package var asOf: DateModel?

    package static let schema = TemplateSchema<TreatiesPageModel>("treaties page", PageFrame.schema.fields { $0.frame } + [
        .int("count", "how many agreements") { $0.treaties.count },
        .list("treaties", "the agreements") { $0.treaties },
        .optionalObject("as_of", "the day the statuses hold (the site's `as_of`)") { $0.asOf },
    ])
}
