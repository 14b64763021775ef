import EntenteImporting
import TemplateEngine

/// What a skeleton of `Templates/new/` can read. Values marked YAML are ready to write after a key: quoted
/// scalars and flow lists. Skeletons are rendered without HTML escaping: they are Markdown and YAML.
package struct NewContentModel: TemplateModel {
    package var id: String
    package var title: String
    package var date: String
    package var draft: Bool
    package var authors: [String]
    package var kind: String?
    package var actors: [String]
    package var treaties: [String]
    package var parties: [String]

    package static let schema = TemplateSchema<NewContentModel>("skeleton", [
        .text("id", "the new file's id, made from the title or name") { $0.id },
        .text("title", "the title (analysis) or name (actor, treaty), as given") { $0.title },
        .text("title_yaml", "the same, as a quoted YAML string") { YAMLEmitter.quoted($0.title) },
        .text("name", "the same as `title`") { $0.title },
        .text("name_yaml", "the same as `title_yaml`") { YAMLEmitter.quoted($0.title) },
        .text("date", "today, `2024-06-19`") { $0.date },
        .bool("draft", "whether the new analysis is a draft (`entente new analysis`: yes)") { $0.draft },
        .optionalText("authors_yaml", "`--author`: author ids, as a YAML list") { Self.flowList($0.authors) },
        .optionalText("kind", "`--kind`") { $0.kind },
        .optionalText("actors_yaml", "`--actors`, as a YAML list (`[russia, india]`)") { Self.flowList($0.actors) },
        .optionalText("treaties_yaml", "`--treaties`, as a YAML list") { Self.flowList($0.treaties) },
        .optionalText("parties_yaml", "`--parties`, as a YAML list") { Self.flowList($0.parties) },
    ])

    /// Ids need no quoting: they are lowercase letters, digits and dashes.
    private static func flowList(_ ids: [String]) -> String? {
        ids.isEmpty ? nil : "[" + ids.joined(separator: ", ") + "]"
    }
}
