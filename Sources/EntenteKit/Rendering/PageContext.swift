/// Small builders for the values templates receive: plain dictionaries, arrays, strings and booleans,
/// which swift-mustache reads without reflection.
enum PageContext {
    typealias Values = [String: Any]

    static func date(_ date: PartialDate?) -> Values? {
        guard let date else { return nil }
        return ["iso": date.description, "display": date.display, "year": date.year,
                "approximate": date.precision != .day]
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
