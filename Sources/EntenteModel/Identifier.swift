/// The kinds of thing a site holds, used to give each its own id type.
public enum ActorTag {}
public enum TreatyTag {}
public enum AnalysisTag {}
public enum AuthorTag {}

/// A validated id: lowercase `a-z`, `0-9` and `-`, the file stem of the entity it names.
///
/// Ids become folder names in the output, so nothing else may pass: a value of this type
/// is safe to put in a path. The phantom `Kind` keeps an actor id from standing in for a treaty id.
public struct Identifier<Kind>: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    /// The id's bytes hashed once, when it is made. Ids key most of the site's dictionaries and sets, and hashing
    /// the whole string again on every lookup was about 2% of a build's processor time.
    private let bytesHash: Int

    /// The longest id accepted; long enough for any real slug, short enough for every file system.
    public static var maximumLength: Int { 120 }

    /// Creates an id, or returns nil when `rawValue` breaks the id rules.
    public init?(_ rawValue: some StringProtocol) {
        guard Self.problem(with: rawValue) == nil else { return nil }
        self.rawValue = String(rawValue)
        bytesHash = self.rawValue.bytesHash
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.bytesHash == rhs.bytesHash && lhs.rawValue == rhs.rawValue }

    /// Feeds the precomputed hash to `hasher`.
    public func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Why `text` is not a valid id, or nil when it is.
    public static func problem(with text: some StringProtocol) -> String? {
        if text.isEmpty { return "an id cannot be empty" }
        if text.utf8.count > maximumLength { return "an id is at most \(maximumLength) characters long" }
        for byte in text.utf8 {
            let allowed = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-")
            if !allowed { return "ids use only lowercase letters a-z, digits 0-9 and '-'" }
        }
        if text.utf8.first == UInt8(ascii: "-") || text.last == "-" { return "an id cannot start or end with '-'" }
        // Every reserved name has 3 or 4 letters: most ids skip the set's hashing.
        if text.utf8.count <= 4, windowsDeviceNames.contains(String(text)) { return "'\(text)' is a reserved device name on Windows" }
        return nil
    }

    /// Turns free text into the closest valid id ("Belt & Road" → "belt-road"), for suggestions and tags;
    /// empty when the text has no letter or digit to keep.
    public static func slug(from text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        var slug = String(result.prefix(maximumLength))
        while slug.hasSuffix("-") { slug.removeLast() }
        if windowsDeviceNames.contains(slug) { slug = String(slug.prefix(maximumLength - 2)) + "-1" }
        return slug
    }
}

public typealias ActorID = Identifier<ActorTag>
public typealias TreatyID = Identifier<TreatyTag>
public typealias AnalysisID = Identifier<AnalysisTag>
public typealias AuthorID = Identifier<AuthorTag>

/// Names Windows reserves for devices, which no file or folder may have there: an id never takes one.
/// A global (built once, on first use), as a generic type cannot have a stored static property.
private let windowsDeviceNames: Set<String> = {
    var names: Set<String> = ["con", "prn", "aux", "nul"]
    for digit in 1...9 {
        names.insert("com\(digit)")
        names.insert("lpt\(digit)")
    }
    return names
}()
