/// A writer of analyses, from `Content/authors/<id>.yaml`: named by `authors: [id]` in an analysis's front matter.
public struct Author: Hashable, Sendable {
    /// A page of the author's elsewhere (a profile, an institution, a feed).
    public struct Link: Hashable, Sendable {
        public var title: String
        public var url: String

        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    public var id: AuthorID
    public var name: String
    /// Their position, e.g. "Senior fellow, Asia programme".
    public var role: String?
    public var bio: MarkdownText?
    public var links: [Link]
    public var location: SourceLocation

    public init(id: AuthorID, name: String, role: String? = nil, bio: MarkdownText? = nil, links: [Link] = [],
                location: SourceLocation) {
        self.id = id
        self.name = name
        self.role = role
        self.bio = bio
        self.links = links
        self.location = location
    }

    /// The author's page folder inside the output, e.g. `authors/jane-doe`.
    public var folder: String { "authors/\(id.rawValue)" }
}
