/// The citation files written beside every analysis and treaty page ("Cite this").
public enum CitationFormat: String, CaseIterable, Sendable, Hashable {
    case bibTeX, ris, cslJSON

    /// The file's name in the page's folder.
    public var fileName: String {
        switch self {
        case .bibTeX: "cite.bib"
        case .ris: "cite.ris"
        case .cslJSON: "cite.json"
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
