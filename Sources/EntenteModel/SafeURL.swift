/// Decides which URLs from content may become links.
public enum SafeURL {
    /// Whether `url` is an absolute `http:` or `https:` address with a host.
    public static func isExternalWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        let rest = lower.drop(while: { $0 != ":" }).dropFirst(3)
        return !rest.isEmpty && !rest.hasPrefix("/") && !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }
}
