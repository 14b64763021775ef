extension Array where Element == String {
    /// The items as an English list: "A", "A and B", "A, B and C" (no serial comma, as in the site's prose).
    public var joinedAsEnglishList: String {
        count <= 1 ? (first ?? "") : dropLast().joined(separator: ", ") + " and " + last!
    }
}
