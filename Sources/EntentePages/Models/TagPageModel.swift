import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// The analyses of one tag.
package struct TagPageModel: TemplateModel {
    package struct Tag: TemplateModel {
        package var name: String
        package var count: Int

        package static let schema = TemplateSchema<Tag>("tag", [
            .text("name", "the tag") { $0.name },
            .int("count", "how many analyses have it") { $0.count },
        ])
    }

    package var frame: PageFrame
    package var tag: Tag
    package var analyses: [ListedAnalysisModel]
    package var pagination: PaginationModel?

    package static let schema = TemplateSchema<TagPageModel>("tag page", PageFrame.schema.fields { $0.frame } + [
        .object("tag", "the tag") { $0.tag },
        .list("analyses", "this page's analyses, newest first") { $0.analyses },
        .optionalObject("pagination", "the links between the list's pages, absent when it has one page") { $0.pagination },
    ])
}
