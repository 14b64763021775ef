import EntenteModel
import EntenteResolving
/// The events of one agreement on a horizontal time axis, for its page.
///
/// Each event is drawn at its own precision: a day is a marker on the axis; a month or a year is a dashed
/// box spanning that whole month or year with a hollow marker in its middle (hollow = approximate), never a
/// point on the 1st of January. Colour and shape both tell the event type. Labels stand above the axis in as
/// many staggered rows as they need so that none overlaps another; markers that would overlap stack below
/// the axis.
public enum TreatyTimelinePicture {
    package static let width = 720.0
    package static let fontSize = 11.0

    /// The picture, or nil when the agreement has no events.
    public static func render(treaty: Treaty, site: ResolvedSite, link: (EntityKey) -> String) -> String? {
        guard !treaty.events.isEmpty else { return nil }
        let events = treaty.events.enumerated().sorted {
            ($0.element.date, $0.element.type.lifecycleRank, $0.offset) < ($1.element.date, $1.element.type.lifecycleRank, $1.offset)
        }.map(\.element)
        let spans = events.map { PictureTimeAxis.span(of: $0.date) }
        let left = 28.0, right = width - 28
        let scale = PictureTimeAxis.Scale(covering: spans.map(\.start).min()!, spans.map(\.end).max()!, left: left, right: right)

        // Labels: greedy rows, lowest free row first.
        struct Placed {
            package var x0: Double, x1: Double, centre: Double
            package var text: String
            package var anchor: SVGWriter.Anchor
            package var level: Int
            package var stack: Int
        }
        var placed: [Placed] = []
        var levels: [[(Double, Double)]] = []
        var markerXs: [(x: Double, stack: Int)] = []
        for (event, span) in zip(events, spans) {
            let x0 = scale.x(span.start), x1 = scale.x(span.end)
            let centre = (x0 + x1) / 2
            var text = event.type.title
            if let actor = event.actor.flatMap({ site.actorsByID[$0.id] }) {
                text += " · " + (actor.short ?? actor.name)
            }
            text = SVGText.truncate(text + " · " + event.date.display, to: 52)
            let textWidth = SVGText.textWidth(text, fontSize: fontSize)
            var anchor = SVGWriter.Anchor.start
            var box = (centre - 4, centre - 4 + textWidth)
            if box.1 > width - 4 {
                anchor = .end
                box = (centre + 4 - textWidth, centre + 4)
            }
            var level = 0
            while level < levels.count, levels[level].contains(where: { $0.0 < box.1 + 8 && box.0 < $0.1 + 8 }) { level += 1 }
            if level == levels.count { levels.append([]) }
            levels[level].append(box)
            var stack = 0
            while markerXs.contains(where: { abs($0.x - centre) < 12 && $0.stack == stack }) { stack += 1 }
            markerXs.append((centre, stack))
            placed.append(Placed(x0: x0, x1: x1, centre: centre, text: text, anchor: anchor, level: level, stack: stack))
        }

        let rowHeight = 16.0, stackHeight = 14.0
        let axisY = 12 + Double(levels.count) * rowHeight + 14
        let maxStack = Double(placed.map(\.stack).max() ?? 0)
        let showMonths = scale.showsMonths(minSpacing: 5)
        let labelMonths = scale.showsMonths(minSpacing: 26)
        let monthRowY = axisY + maxStack * stackHeight + 20
        let yearRowY = monthRowY + (labelMonths ? 14 : 0)
        let legendTop = yearRowY + 12

        var legend = PictureLegend()
        var types: [TreatyEventType] = []
        for event in events where !types.contains(event.type) { types.append(event.type) }
        var items = TreatyEventType.allCases.filter(types.contains).map { type in
            PictureLegend.Item(swatch: .shape(PictureStyle.eventShape(type), classes: "ent-mark " + PictureStyle.EventFamily(type).className),
                        label: type.title)
        }
        if events.contains(where: { $0.date.precision != .day }) {
            items.append(PictureLegend.Item(swatch: .span(classes: "ent-neutral"), label: "Known to the month or year only: the box spans it"))
        }
        legend.sections = [PictureLegend.Section(heading: "Events", items: items)]
        let height = legendTop + legend.height(left: 12, right: width - 12) + 8

        let first = events.first!.date.display, last = events.last!.date.display
        var desc = "Timeline of " + SVGText.count(events.count, "event") + " of \(treaty.name)"
        desc += first == last ? ", in \(first): " : ", from \(first) to \(last): "
        desc += events.prefix(20).map { event in
            var text = event.type.title
            if let actor = event.actor.flatMap({ site.actorsByID[$0.id] }) { text += " by " + actor.name }
            return text + " " + event.date.display
        }.joined(separator: "; ") + (events.count > 20 ? "; …" : "") + "."

        var svg = SVGWriter(capacity: 4096 + events.count * 600)
        svg.open(id: "ent-treaty-timeline-\(treaty.id.rawValue)", width: width, height: height,
                 classes: "ent-treaty-timeline", title: "Timeline of \(treaty.name)", desc: desc)

        // Axis: grid lines for the years, month ticks when there is room, the axis line.
        let years = scale.tickYears(minSpacing: 46)
        var grid = ""
        for year in years {
            let x = SVGText.num(scale.x(Double(year)))
            grid += "M\(x),10V\(SVGText.num(axisY))"
        }
        if !grid.isEmpty { svg.path(grid, classes: "ent-grid") }
        if showMonths {
            var minor = ""
            for year in scale.firstYear..<scale.lastYear {
                for month in 2...12 {
                    let x = scale.x(PictureTimeAxis.span(of: PartialDate(year: year, month: month)!).start)
                    minor += "M\(SVGText.num(x)),\(SVGText.num(axisY))v4"
                }
            }
            svg.path(minor, classes: "ent-minor")
        }
        svg.line(SVGPoint(left, axisY), SVGPoint(right, axisY), classes: "ent-axis")
        for year in years {
            let x = scale.x(Double(year))
            svg.raw("<line class=\"ent-axis ent-tick\" data-year=\"\(year)\" x1=\"\(SVGText.num(x))\" y1=\"\(SVGText.num(axisY))\" x2=\"\(SVGText.num(x))\" y2=\"\(SVGText.num(axisY + 6))\"/>")
            svg.label(String(year), at: SVGPoint(x, yearRowY), anchor: .middle, classes: "ent-muted")
        }
        if labelMonths {
            for year in scale.firstYear..<scale.lastYear {
                for month in 1...12 {
                    let span = PictureTimeAxis.span(of: PartialDate(year: year, month: month)!)
                    svg.label(PartialDate.monthNames[month - 1], at: SVGPoint(scale.x((span.start + span.end) / 2), monthRowY),
                              anchor: .middle, classes: "ent-muted ent-small")
                }
            }
        }

        // Leaders first, so that labels (with their halo) sit on top of them.
        var leaders = ""
        for item in placed {
            let labelY = axisY - 16 - Double(item.level) * rowHeight
            leaders += "M\(SVGText.num(item.centre)),\(SVGText.num(labelY + 3))V\(SVGText.num(axisY - 7))"
        }
        svg.path(leaders, classes: "ent-leader")

        for (k, event) in events.enumerated() {
            let item = placed[k]
            let family = PictureStyle.EventFamily(event.type).className
            let approximate = event.date.precision != .day
            var title = event.type.title
            let actor = event.actor.flatMap { site.actorsByID[$0.id] }
            if let actor { title += " by " + actor.name }
            title += ": " + event.date.display + (approximate ? " (known to the \(event.date.precision == .year ? "year" : "month") only)" : "")
            if let note = event.note, !note.isEmpty { title += " — " + note }
            let attributes = " data-date=\"\(event.date.description)\" data-type=\"\(event.type.rawValue)\""
            if let actor {
                svg.openLink(link(.actor(actor.id)), title: title, classes: "ent-event", attributes: attributes)
            } else {
                svg.openGroup(classes: "ent-event", title: title, attributes: attributes)
            }
            let y = axisY + Double(item.stack) * stackHeight
            if approximate {
                svg.rect(x: item.x0, y: y - 6, width: item.x1 - item.x0, height: 12, classes: "ent-span " + family)
            }
            svg.shape(PictureStyle.eventShape(event.type), at: SVGPoint(item.centre, y), radius: 4.5,
                      classes: "ent-mark " + family + (approximate ? " ent-approx" : ""))
            let labelY = axisY - 16 - Double(item.level) * rowHeight
            svg.label(item.text, at: SVGPoint(item.anchor == .start ? item.centre - 4 : item.centre + 4, labelY),
                      anchor: item.anchor)
            if actor != nil { svg.closeLink() } else { svg.closeGroup() }
        }
        _ = legend.draw(into: &svg, left: 12, top: legendTop, right: width - 12)
        svg.close()
        return svg.text
    }
}
