import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// The README's tables of template variables, made from the page models' schemas: what a template may read is
/// declared once, in the models, and a test keeps the README equal to this.
public enum TemplateVariableTable {
    /// Markdown: the variables every page receives, then each template's own.
    public static var markdown: String {
        var text = "#### Every page\n\n" + table(PageFrame.schema.type.fields) + "\n"
        let frameNames = Set(PageFrame.schema.type.fields.map(\.name))
        for template in ThemeTemplate.all {
            let own = template.type.fields.filter { !frameNames.contains($0.name) }
            text += "#### `\(template.name)`\n\n"
            if template.name == PageTemplate.analysisItem.name {
                text += "The item, rendered once per analysis and depth; besides these it sees `site`, `links`, "
                    + "`stylesheet` and `generator`, not the listing page's own values.\n\n"
            }
            text += own.isEmpty ? "Nothing more.\n\n" : table(own) + "\n"
        }
        return text
    }

    /// Markdown: the table of the variables of `type` alone (the skeletons of `Templates/new/`).
    public static func markdown(for type: TemplateObjectType) -> String {
        table(type.fields)
    }

    private static func table(_ fields: [TemplateObjectType.Field]) -> String {
        var rows = ["| variable | type | value |", "| --- | --- | --- |"]
        for field in fields { append(field, prefix: "", to: &rows) }
        return rows.joined(separator: "\n") + "\n"
    }

    /// A row for `field`, then rows for the fields inside it (a date is described once, below the tables).
    private static func append(_ field: TemplateObjectType.Field, prefix: String, to rows: inout [String]) {
        let name = prefix + field.name
        rows.append("| `\(name)` | \(describe(field.type)) | \(field.summary) |")
        guard let inner = objectType(field.type), inner !== DateModel.schema.type else { return }
        let innerPrefix = name + (isList(field.type) ? "[]." : ".")
        for child in inner.fields where !(isJoined(inner) && ["first", "last"].contains(child.name)) {
            append(child, prefix: innerPrefix, to: &rows)
        }
    }

    private static func describe(_ type: TemplateType) -> String {
        switch type {
        case .optional(let wrapped): describe(wrapped) + ", optional"
        case .list(let element):
            objectType(element).map { isJoined($0) ? "list, with `first` and `last`" : "list" } ?? "list of " + describe(element)
        case .object(let object): object === DateModel.schema.type ? "date" : "object"
        case .bool: "condition"
        case .int: "number"
        case .text: "text"
        }
    }

    private static func objectType(_ type: TemplateType) -> TemplateObjectType? {
        switch type {
        case .object(let object): object
        case .optional(let wrapped), .list(let wrapped): objectType(wrapped)
        case .bool, .int, .text: nil
        }
    }

    /// Whether elements of this type say whether they are first or last (`TemplateSchema.joinedType`).
    private static func isJoined(_ type: TemplateObjectType) -> Bool {
        type.fields.suffix(2).map(\.name) == ["first", "last"]
    }

    private static func isList(_ type: TemplateType) -> Bool {
        switch type {
        case .list: true
        case .optional(let wrapped): isList(wrapped)
        default: false
        }
    }
}
