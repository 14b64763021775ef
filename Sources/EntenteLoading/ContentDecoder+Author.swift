import EntenteModel
import EntenteSupport
import Yams
extension ContentDecoder {
    package static let authorKeys = ["name", "role", "bio", "links"]
    package static let authorLinkKeys = ["title", "url"]

    /// An author from `Content/authors/<id>.yaml`: a name, optionally a role, a bio in Markdown and links elsewhere.
    package static func author(id: AuthorID, _ input: inout Fields) -> Author? {
        var fields = input.fields
        defer { input.fields = fields }
        let name = fields.string("name", required: true)
        let role = fields.string("role")
        let bio = fields.markdown("bio")
        var links: [Author.Link] = []
        for node in fields.sequence("links") {
            var sub = YAMLFields(node, origin: fields.origin, what: "a link", sourceLines: fields.sourceLines)
            defer { fields.absorb(&sub, known: authorLinkKeys) }
            guard case .mapping = node else { continue }
            let title = sub.string("title", required: true)
            let url = sub.string("url", required: true)
            guard let title, let url else { continue }
            guard SafeURL.isExternalWebURL(url) else {
                sub.error(sub.location("url"), "a link must be an http:// or https:// address, not '\(url)'")
                continue
            }
            links.append(Author.Link(title: title, url: url))
        }
        fields.reportUnknownKeys(known: authorKeys)
        guard let name else { return nil }
        // A bio may also be the file's Markdown body, as an actor's profile is.
        let body = input.body.flatMap { $0.source.trimmingWhitespace().isEmpty ? nil : $0 }
        return Author(id: id, name: name, role: role, bio: bio ?? body, links: links, location: fields.mappingLocation)
    }
}
