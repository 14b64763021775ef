/// What a template may find under a name: the variables each page's context provides (see README, "Templates").
///
/// swift-mustache renders a name it cannot find as nothing, silently; `TemplateVariableCheck` walks a theme's
/// tags against these shapes to warn about such names. Keep this in step with `PageRenderer`: a test checks
/// that the built-in theme uses no name missing here.
indirect enum TemplateShape: Sendable {
    /// A string, number or boolean.
    case value
    /// A mapping of names.
    case object([String: TemplateShape])
    /// A list; a section over it sees each element.
    case list(TemplateShape)

    /// The child under `name`, if this is a mapping that has one.
    func child(_ name: String) -> TemplateShape? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }

    /// A mapping of plain values with these names, merged with `more`.
    static func values(_ names: String..., and more: [String: TemplateShape] = [:]) -> TemplateShape {
        var fields = more
        for name in names { fields[name] = .value }
        return .object(fields)
    }

    /// This mapping with more fields (the later win).
    func adding(_ names: String..., and more: [String: TemplateShape] = [:]) -> TemplateShape {
        guard case .object(var fields) = self else { return self }
        for name in names { fields[name] = .value }
        fields.merge(more) { $1 }
        return .object(fields)
    }

    /// A list whose elements carry `first`/`last` flags, as lists joined with commas do.
    static func joined(_ element: TemplateShape) -> TemplateShape { .list(element.adding("first", "last")) }

    // MARK: The shapes of Entente's page contexts

    static let date = values("iso", "display", "year", "approximate", "precision")
    static let actorLink = values("name", "url", "kind", "kind_title")
    static let treatyLink = values("name", "url", "short", "instrument", "kind", "status", "status_key", and: ["date": date])
    static let analysisItem = values("title", "url", "author", "summary", "draft", "relation", "is_about", and: ["date": date])
    /// An analysis in a list: also its `html`, rendered once by the `analysis-item` partial.
    static let listedAnalysis = analysisItem.adding("html")
    static let timelineEvent = values("type", "type_key", "note",
                                      and: ["date": date, "treaty": treatyLink, "actor": actorLink])

    /// What every page receives.
    static let base: [String: TemplateShape] = [
        "site": values("title", "description", "language", "author", "credits", "home_url"),
        "page": values("title", "description", "root", "canonical", "is_home",
                       and: ["feed": values("url", "title"), "breadcrumbs": joined(values("name", "url"))]),
        "nav": .list(values("name", "url", "current")),
        "links": values("analyses", "actors", "treaties", "network", "timeline", "tags", "search"),
        "stylesheet": .value,
        "generator": .value,
    ]

    /// Partials that Entente renders by themselves, with their context: `analysis-item` once per listed item
    /// (see `ListItemCache`), seeing the item and what every page shares but the page's own values.
    static let standalonePartials: [String: TemplateShape] = {
        var item = base
        item["page"] = nil
        item["nav"] = nil
        guard case .object(let fields) = analysisItem else { return [:] }
        return ["analysis-item": .object(item.merging(fields) { $1 })]
    }()

    /// Each page template's context, by template name.
    static let pages: [String: TemplateShape] = {
        let source = values("number", "title", "url", and: ["date": date])
        let partyDates = ["signed": date, "ratified": date, "acceded": date, "in_force": date, "withdrawn": date]
        let own: [String: [String: TemplateShape]] = [
            "home": [
                "latest": .list(listedAnalysis), "has_more_analyses": .value,
                "counts": values("analyses", "actors", "treaties", "events", "tags"),
                "recent_events": .list(timelineEvent), "has_recent_events": .value,
            ],
            "analyses": ["count": .value, "years": .list(values("year", and: ["analyses": .list(listedAnalysis)]))],
            "analysis": [
                "analysis": analysisItem.adding("body", and: [
                    "tags": joined(values("name", "url")), "actors": joined(actorLink), "treaties": joined(treatyLink),
                    "mentions": joined(values("name", "url", "kind")),
                ]),
            ],
            "actors": [
                "count": .value,
                "groups": .list(values("kind", "title", "count",
                                       and: ["actors": .list(actorLink.adding("region", "treaty_count"))])),
            ],
            "actor": [
                "actor": actorLink.adding("id", "short", "region", "summary", "profile", "iso3", "cow", "feed_url",
                                          "data_url", "picture", and: [
                    "aliases": joined(values("name")), "part_of": actorLink, "parts": joined(actorLink),
                    "wikidata": values("id", "url"),
                    "treaties": .list(treatyLink.adding(and: ["signed": date, "acceded": date, "ratified": date,
                                                              "withdrawn": date])),
                    "counterparts": .list(actorLink.adding("count")), "analyses": .list(listedAnalysis),
                    "analyses_about": values(and: ["items": .list(listedAnalysis)]),
                    "analyses_mentioning": values(and: ["items": .list(listedAnalysis)]),
                ]),
            ],
            "treaties": ["count": .value, "treaties": .list(treatyLink.adding(and: ["parties": joined(actorLink)]))],
            "treaty": [
                "treaty": treatyLink.adding("id", "instrument_key", "is_treaty", "instrument_note", "kind_key",
                                            "summary", "body", "sharing_parties_more", "feed_url", "data_url",
                                            "picture", and: [
                    "aliases": joined(values("name")), "obligations": joined(values("name", "key")),
                    "status": values("title", "key", "active", "derived",
                                     and: ["from": values("type", and: ["date": date])]),
                    "provisions": .list(values("html")),
                    "parties": .list(actorLink.adding("note", and: partyDates)),
                    "events": .list(values("type", "type_key", "note",
                                           and: ["date": date, "actor": actorLink, "source": source])),
                    "sources": .list(source),
                    "supersedes": treatyLink, "superseded_by": joined(treatyLink), "related": joined(treatyLink),
                    "sharing_parties": .list(treatyLink.adding("shared")), "analyses": .list(listedAnalysis),
                    "analyses_about": values(and: ["items": .list(listedAnalysis)]),
                    "analyses_mentioning": values(and: ["items": .list(listedAnalysis)]),
                ]),
            ],
            "timeline": ["count": .value, "picture": .value,
                         "years": .list(values("year", and: ["events": .list(timelineEvent)]))],
            "tags": ["tags": .list(values("name", "url", "count"))],
            "tag": ["tag": values("name", "count"), "analyses": .list(listedAnalysis)],
            "network": [
                "picture": .value, "summary": .value, "actor_count": .value, "treaty_count": .value,
                "kinds": .list(values("title", "key", "count")),
                "actors": .list(actorLink.adding("treaty_count", "counterpart_count")),
            ],
            "search": [
                "index_script": .value, "search_script": .value, "pretty_links": .value,
                "analyses": .list(analysisItem), "actors": .list(actorLink), "treaties": .list(treatyLink),
            ],
            "404": [:],
        ]
        return own.mapValues { .object(base.merging($0) { $1 }) }
    }()
}
