import EntenteModel
import EntenteSupport
extension ContentDecoder {
    package static let siteKeys = ["title", "description", "language", "base_url", "author", "autolink_mentions",
                           "unsafe_html", "pretty_links", "credits", "citations", "as_of", "watch_years", "snapshots"]

    package static func site(_ fields: inout YAMLFields) -> SiteConfig? {
        let title = fields.string("title", required: true)
        var config = SiteConfig(title: title ?? "")
        config.description = fields.string("description")
        if let language = fields.string("language") {
            if language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
                config.language = language
            } else {
                fields.error(fields.location("language"), "'language' must be a language tag such as 'en' or 'pt-BR'")
            }
        }
        if let base = fields.string("base_url") {
            if base.hasPrefix("https://") || base.hasPrefix("http://") {
                config.baseURL = base.hasSuffix("/") ? base : base + "/"
            } else {
                fields.error(fields.location("base_url"), "'base_url' must start with https:// or http://",
                             suggestion: "for example base_url: https://example.org/reports/")
            }
        }
        config.author = fields.string("author")
        config.autolinkMentions = fields.bool("autolink_mentions") ?? true
        config.unsafeHTML = fields.bool("unsafe_html") ?? false
        config.prettyLinks = fields.bool("pretty_links") ?? false
        config.credits = fields.string("credits")
        config.citations = fields.bool("citations") ?? true
        config.asOf = fields.date("as_of")
        if fields.node("snapshots") != nil {
            var days: [PartialDate] = []
            var problems: [Diagnostic] = []
            for item in fields.sequence("snapshots") {
                guard let text = fields.scalarText(item, key: "snapshots") else { continue }
                if let day = YAMLFields.parseDate(text, at: fields.location(of: item), key: "snapshots", into: &problems) {
                    days.append(day)
                }
            }
            for problem in problems { fields.error(problem.location, problem.message, suggestion: problem.suggestion) }
            config.snapshots = Array(Set(days)).sorted()
        }
        if let years = fields.integer("watch_years") {
            if (1...100).contains(years) { config.watchYears = years }
            else { fields.error(fields.location("watch_years"), "'watch_years' must be between 1 and 100") }
        }
        fields.reportUnknownKeys(known: siteKeys)
        return title == nil ? nil : config
    }
}
