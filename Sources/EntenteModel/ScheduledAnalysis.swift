/// An analysis dated after the build's day, left out of the build until then (an embargo), unless the build
/// includes the future (`--future`).
public struct ScheduledAnalysis: Hashable, Sendable {
    public var id: AnalysisID
    public var title: String
    public var date: PartialDate
    /// Where it was loaded from.
    public var location: SourceLocation

    public init(id: AnalysisID, title: String, date: PartialDate, location: SourceLocation) {
        self.id = id
        self.title = title
        self.date = date
        self.location = location
    }
}
