import EntenteMarkdown

/// What `entente --version` prints: Entente's version and the cmark-gfm it is linked with.
public enum EntenteVersion {
    public static let number = "0.1.0"

    /// `0.1.0 (cmark-gfm 0.29.0.gfm.6)`.
    public static var description: String { "\(number) (cmark-gfm \(CmarkGFM.libraryVersion))" }
}
