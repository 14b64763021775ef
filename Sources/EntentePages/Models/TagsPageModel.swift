import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// Every tag.
package struct TagsPageModel: TemplateModel {
    package struct Tag: TemplateModel {
        package var name: String
        package var url: String
        package var count: Int

        package static let schema = TemplateSchema<Tag>("tag", [
            .text("name", "the tag") { $0.name },
            .text("url", "its page") { $0.url },
            .int("count", "how many analyses have it") { $0.count },
        ])
    }

    package var frame: PageFrame
    package var tags: [Tag]

    package static let schema = TemplateSchema<TagsPageModel>("tags page", PageFrame.schema.fields { $0.frame } + [
        .list("tags", "the tags") { $0.tags },
    ])
}
