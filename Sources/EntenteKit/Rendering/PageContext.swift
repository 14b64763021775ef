/// Small builders for the values templates receive: plain dictionaries, arrays, strings and booleans,
/// which swift-mustache reads without reflection.
enum PageContext {
    typealias Values = [String: Any]

    static func date(_ date: PartialDate?) -> Values? {
        guard let date else { return nil }
        return ["iso": date.description, "display": date.display, "year": date.year,
                "approximate": date.precision != .day, "precision": "\(date.precision)"]
    }

    /// The trail from the home page to the current page: `Home › Treaties › RELOS`, the last item the page itself.
    /// Empty on the home page, where every trail starts.
    static func breadcrumbs(home: String, section: (name: String, url: String)?, current: String) -> [Values] {
        var trail: [Values] = [link("Home", home)]
        if let section, section.name != current { trail.append(link(section.name, section.url)) }
        trail.append(["name": current])
        return list(trail)
    }

    static func link(_ name: String, _ url: String) -> Values { ["name": name, "url": url] }

    /// Adds `first`/`last` flags so templates can join items with commas.
    static func list(_ items: [Values]) -> [Values] {
        items.enumerated().map { index, item in
            var item = item
            item["first"] = index == 0
            item["last"] = index == items.count - 1
            return item
        }
    }
}
