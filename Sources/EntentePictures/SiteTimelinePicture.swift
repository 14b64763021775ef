import EntenteModel
import EntenteResolving
/// Every agreement as a bar through time, grouped by kind, for the `timeline/` page.
///
/// A bar runs from the signature (else the earliest date known) to the end: the termination, expiry,
/// withdrawal or supersession for an agreement that ended, `today` for one still running (in force, not yet
/// in force or suspended; a dashed line marks today), the latest event when its status is unknown. A date
/// known only to the month or year is drawn as a faded stretch over that whole month or year. The dash
/// pattern tells the status, the colour and width the kind family, as in the network pictures.
///
/// One row per agreement, grouped by kind with a heading and year labels per group, so the picture stays
/// readable at thousands of agreements: up to `labelledRowLimit` rows each row is 16 units tall and carries
/// the agreement's name; beyond that rows are 6 units tall (`ent-compact`) and names are in the tooltips.
public enum SiteTimelinePicture {
    package static let width = 960.0
    package static let labelledRowLimit = 400

    package struct Row {
        package var treaty: Treaty
        package var start: PartialDate
        /// The end date, or nil when the bar runs to today.
        package var end: PartialDate?
        package var status: PictureStyle.StatusGroup
    }

    public static func render(site: ResolvedSite, link: (EntityKey) -> String, today: PartialDate) -> String {
        var rows: [Row] = []
        var undated = 0
        for treaty in site.treaties {
            if let row = row(for: treaty, site: site) { rows.append(row) } else { undated += 1 }
        }
        let labelled = rows.count <= labelledRowLimit
        let rowHeight = labelled ? 16.0 : 6.0
        let plotLeft = labelled ? 330.0 : 16
        let plotRight = width - 16
        let todaySpan = PictureTimeAxis.span(of: today)
        let earliest = rows.map { PictureTimeAxis.span(of: $0.start).start }.min() ?? todaySpan.start
        let latest = max(todaySpan.end, rows.compactMap { $0.end.map { PictureTimeAxis.span(of: $0).end } }.max() ?? todaySpan.end)
        let scale = PictureTimeAxis.Scale(covering: earliest, latest, left: plotLeft, right: plotRight)
        let years = scale.tickYears(minSpacing: 48)

        // Groups: kinds in their declared order, then unclassified; rows by start date, name, id.
        // Places in `rows` are sorted, not rows: a row holds a whole treaty, and sorting 2,000 of them by moving
        // them was a tenth of the timeline page.
        var placesByKind: [Treaty.Kind?: [Int]] = [:]
        for (place, row) in rows.enumerated() { placesByKind[row.treaty.kind, default: []].append(place) }
        var groups: [(title: String, rows: [Row])] = []
        for kind in Treaty.Kind.allCases.map(Optional.some) + [nil] {
            guard let places = placesByKind[kind] else { continue }
            let members = places.sorted { a, b in
                (rows[a].start, rows[a].treaty.name, rows[a].treaty.id) < (rows[b].start, rows[b].treaty.name, rows[b].treaty.id)
            }.map { rows[$0] }
            groups.append((heading(kind) + " (\(members.count))", members))
        }

        var legend = PictureLegend()
        legend.sections = PictureLegend.treatySections(rows.map(\.treaty), lineClass: "ent-bar")
        if legend.sections.count > 1 {
            legend.sections[1].items.append(PictureLegend.Item(swatch: .line(classes: "ent-line ent-bar ent-fuzzy ent-neutral"),
                                                        label: "Date known to the month or year only"))
            legend.sections[1].items.append(PictureLegend.Item(swatch: .line(classes: "ent-today"), label: "Today (\(today.display))"))
        }
        let legendHeight = rows.isEmpty ? 0 : legend.height(left: 16, right: width - 16)
        let headingHeight = 36.0, groupGap = 10.0
        var height = 8 + legendHeight + 8
        for group in groups { height += headingHeight + Double(group.rows.count) * rowHeight + groupGap }
        height = max(height, 40)

        var desc = SVGText.count(rows.count, "agreement") + " as bars from signature (or the earliest date known) to their end,"
            + " or to today (\(today.display)) while still running, grouped by kind"
        if !rows.isEmpty {
            desc += ", from \(scale.firstYear) to \(max(today.year, scale.lastYear - 1))"
        }
        desc += ". The dash pattern shows the status; faded stretches mark dates known only to the month or year."
        if undated > 0 {
            desc += " " + SVGText.count(undated, "agreement") + " without any date " + (undated == 1 ? "is" : "are") + " not shown."
        }

        var svg = SVGWriter(capacity: 8192 + rows.count * 420)
        svg.open(id: "ent-site-timeline", width: width, height: height,
                 classes: "ent-site-timeline" + (labelled ? "" : " ent-compact"), title: "Agreements over time", desc: desc)
        if !rows.isEmpty { _ = legend.draw(into: &svg, left: 16, top: 8, right: width - 16) }
        var y = 8 + legendHeight + 8
        let todayX = scale.x(todaySpan.end)
        for group in groups {
            svg.raw("<g class=\"ent-group\">")
            svg.label(group.title, at: SVGPoint(16, y + 15), classes: "ent-heading")
            for year in years {
                svg.label(String(year), at: SVGPoint(scale.x(Double(year)), y + 30), anchor: .middle, classes: "ent-muted ent-small")
            }
            let rowsTop = y + headingHeight - 2
            let rowsBottom = y + headingHeight + Double(group.rows.count) * rowHeight
            var grid = ""
            for year in years { grid += "M\(SVGText.num(scale.x(Double(year)))),\(SVGText.num(rowsTop))V\(SVGText.num(rowsBottom))" }
            if !grid.isEmpty { svg.path(grid, classes: "ent-grid") }
            svg.line(SVGPoint(todayX, rowsTop), SVGPoint(todayX, rowsBottom), classes: "ent-today")
            var rowY = y + headingHeight + rowHeight / 2
            for row in group.rows {
                drawBar(row, y: rowY, scale: scale, today: todaySpan.end, labelled: labelled, into: &svg, link: link)
                rowY += rowHeight
            }
            svg.raw("</g>")
            y = rowsBottom + groupGap
        }
        svg.close()
        return svg.text
    }

    package static func heading(_ kind: Treaty.Kind?) -> String {
        switch kind {
        case .entente: "Ententes"
        case .other: "Other agreements"
        case .armsTransfer: "Arms transfers"
        case nil: "Unclassified"
        case let kind?: kind.title + "s"
        }
    }

    /// When a treaty starts and ends on the timeline; nil when it has no date at all.
    package static func row(for treaty: Treaty, site: ResolvedSite) -> Row? {
        guard let start = startDate(of: treaty) else { return nil }
        let partyDates = self.partyDates(treaty)
        let status = PictureStyle.StatusGroup(treaty.status)
        var end: PartialDate?
        switch status {
        case .active, .pending, .suspended:
            end = nil
        case .ended:
            let endings: Set<TreatyEventType> = [.withdrawn, .terminated, .expired, .superseded]
            end = treaty.events.filter { endings.contains($0.type) && $0.actor == nil }.map(\.date).max()
                ?? treaty.events.filter { endings.contains($0.type) }.map(\.date).max()
                ?? (treaty.status == .superseded ? (site.successors[treaty.id] ?? []).compactMap { id in
                    site.treatiesByID[id].flatMap(startDate(of:))
                }.min() : nil)
                ?? (treaty.events.map(\.date) + partyDates).max()
                ?? start
        case .unknown:
            end = (treaty.events.map(\.date) + partyDates).max() ?? start
        }
        if let e = end, e < start { end = start }
        return Row(treaty: treaty, start: start, end: end, status: status)
    }

    package static func partyDates(_ treaty: Treaty) -> [PartialDate] {
        treaty.parties.flatMap { [$0.signed, $0.ratified, $0.acceded, $0.inForce, $0.withdrawn].compactMap { $0 } }
    }

    /// The date the agreement is known by (`Treaty.knownDate`), else the earliest of its parties' own dates.
    package static func startDate(of treaty: Treaty) -> PartialDate? {
        treaty.knownDate ?? partyDates(treaty).min()
    }

    package static func drawBar(_ row: Row, y: Double, scale: PictureTimeAxis.Scale, today: Double, labelled: Bool,
                        into svg: inout SVGWriter, link: (EntityKey) -> String) {
        let treaty = row.treaty
        let startSpan = PictureTimeAxis.span(of: row.start)
        let startExact = row.start.precision == .day
        var mainStart = scale.x(startExact ? startSpan.start : startSpan.end)
        var mainEnd: Double
        var fuzzy: [(Double, Double)] = []
        if !startExact { fuzzy.append((scale.x(startSpan.start), scale.x(startSpan.end))) }
        if let end = row.end {
            let endSpan = PictureTimeAxis.span(of: end)
            if end.precision == .day {
                mainEnd = scale.x(endSpan.end)
            } else {
                mainEnd = scale.x(endSpan.start)
                if end != row.start { fuzzy.append((scale.x(endSpan.start), scale.x(endSpan.end))) }
            }
        } else {
            mainEnd = scale.x(today)
        }
        if mainEnd - mainStart < 2 && fuzzy.isEmpty {
            mainStart = min(mainStart, mainEnd)
            mainEnd = mainStart + 2
        }

        var title = NetworkDrawing.treatyName(treaty) + " — " + PictureStyle.kindAndStatus(treaty) + " — "
        title += row.start.display + " to " + (row.end?.display ?? "today")
        svg.openLink(link(.treaty(treaty.id)), title: title, classes: "ent-row")
        if labelled {
            svg.label(SVGText.truncate(treaty.short.map { "\(treaty.name) (\($0))" } ?? treaty.name, to: 50),
                      at: SVGPoint(16, y + 3.5), classes: "ent-small")
        }
        let classes = PictureStyle.treatyClasses(treaty)
        let kindClasses = PictureStyle.KindGroup(treaty.kind).className
        for (a, b) in fuzzy {
            svg.line(SVGPoint(a, y), SVGPoint(b, y), classes: "ent-line ent-bar ent-fuzzy " + kindClasses)
        }
        if mainEnd > mainStart {
            svg.line(SVGPoint(mainStart, y), SVGPoint(mainEnd, y), classes: "ent-line ent-bar " + classes)
        }
        svg.closeLink()
    }
}
