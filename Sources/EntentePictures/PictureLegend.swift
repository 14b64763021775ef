import EntenteModel
import EntenteResolving
/// A legend laid out in rows that wrap at the picture's width: a heading, then swatches with their labels.
package struct PictureLegend {
    package enum Swatch {
        /// A marker shape with its classes.
        case shape(MarkShape, classes: String)
        /// A short horizontal line with its classes (edges, bars).
        case line(classes: String)
        /// A dashed span box with a hollow marker: an approximate date.
        case span(classes: String)
    }

    package struct Item {
        package var swatch: Swatch
        package var label: String
    }

    package struct Section {
        package var heading: String
        package var items: [Item]
    }

    package var sections: [Section] = []

    package static let fontSize = 11.0
    package static let rowHeight = 18.0
    package static let swatchWidth = 26.0

    /// Draws the legend from `top` between `left` and `right`; returns the height it took.
    package func draw(into svg: inout SVGWriter, left: Double, top: Double, right: Double) -> Double {
        var y = top + Self.rowHeight / 2
        svg.raw("<g class=\"ent-legend\">")
        for section in sections where !section.items.isEmpty {
            var x = left
            let headingWidth = SVGText.textWidth(section.heading, fontSize: 12) * 1.12 + 12
            svg.label(section.heading, at: SVGPoint(x, y + 4), classes: "ent-heading")
            x += headingWidth
            let indent = left + 12
            for item in section.items {
                let width = Self.swatchWidth + 6 + SVGText.textWidth(item.label, fontSize: Self.fontSize) + 14
                if x + width > right && x > indent + 1 {
                    x = indent
                    y += Self.rowHeight
                }
                switch item.swatch {
                case .shape(let shape, let classes):
                    svg.shape(shape, at: SVGPoint(x + Self.swatchWidth / 2, y), radius: 5, classes: classes)
                case .line(let classes):
                    svg.line(SVGPoint(x + 1, y), SVGPoint(x + Self.swatchWidth - 1, y), classes: classes)
                case .span(let classes):
                    svg.rect(x: x + 1, y: y - 5, width: Self.swatchWidth - 2, height: 10, classes: "ent-span " + classes)
                    svg.shape(.circle, at: SVGPoint(x + Self.swatchWidth / 2, y), radius: 3.5,
                              classes: "ent-mark ent-approx " + classes)
                }
                svg.label(item.label, at: SVGPoint(x + Self.swatchWidth + 6, y + 4), classes: "ent-muted")
                x += width
            }
            y += Self.rowHeight
        }
        svg.raw("</g>")
        return y - Self.rowHeight / 2 - top
    }

    /// How tall `draw` would be, without drawing.
    package func height(left: Double, right: Double) -> Double {
        var scratch = SVGWriter(capacity: 0)
        return draw(into: &scratch, left: left, top: 0, right: right)
    }

    /// The agreement sections shared by the network pictures and the site timeline: kinds and statuses present.
    package static func treatySections(_ treaties: [Treaty], lineClass: String) -> [Section] {
        let groups = Set(treaties.map { PictureStyle.KindGroup($0.kind) })
        let statuses = Set(treaties.map { PictureStyle.StatusGroup($0.status) })
        return [
            Section(heading: "Agreements", items: PictureStyle.KindGroup.allCases.filter(groups.contains).map {
                Item(swatch: .line(classes: "ent-line \(lineClass) \($0.className) ent-st-active"), label: $0.title)
            }),
            Section(heading: "Status", items: PictureStyle.StatusGroup.allCases.filter(statuses.contains).map {
                Item(swatch: .line(classes: "ent-line \(lineClass) ent-kg-security ent-neutral \($0.className)"),
                     label: $0.title)
            }),
        ]
    }

    /// The actor kinds present.
    package static func actorSection(_ actors: [Actor]) -> Section {
        let kinds = Set(actors.map(\.kind))
        return Section(heading: "Actors", items: Actor.Kind.allCases.filter(kinds.contains).map {
            Item(swatch: .shape(PictureStyle.actorShape($0), classes: "ent-node " + PictureStyle.actorClass($0)),
                 label: $0.title)
        })
    }
}
