/// The formats "Cite this" offers on every analysis and treaty page.
public enum CitationFormat: String, CaseIterable, Sendable, Hashable {
    case bibTeX, ris, cslJSON

    /// The extension of the file a reader downloads.
    public var fileExtension: String {
        switch self {
        case .bibTeX: "bib"
        case .ris: "ris"
        case .cslJSON: "json"
        }
    }

    /// The media type reference managers know the format by, as the link's `data:` URL declares it.
    public var mediaType: String {
        switch self {
        case .bibTeX: "application/x-bibtex"
        case .ris: "application/x-research-info-systems"
        case .cslJSON: "application/vnd.citationstyles.csl+json"
        }
    }

    /// The name readers know the format by.
    public var title: String {
        switch self {
        case .bibTeX: "BibTeX"
        case .ris: "RIS"
        case .cslJSON: "CSL-JSON"
        }
    }
}
