import EntenteModel
import EntenteResolving
/// How the pictures encode kinds and statuses, and the one stylesheet every picture embeds.
///
/// Every encoding is redundant, so that nothing depends on colour alone:
///
/// | what | colour | and also |
/// | --- | --- | --- |
/// | actor kind | `ent-actor-<kind>` | node shape (`MarkShape`) |
/// | agreement kind | `ent-kg-<group>` (six families) | line width (a defence pact is the thickest line) |
/// | agreement status | — | dash pattern `ent-st-<group>`; ended agreements are also faded |
/// | event type | `ent-ev-<family>` | marker shape, one per event type |
///
/// Colours are the Okabe–Ito palette (distinguishable with every common form of colour blindness), darkened
/// a little for light backgrounds and lightened a little for dark ones through `prefers-color-scheme`. Text,
/// backgrounds and rules follow the site's own `--text`, `--bg`, `--muted` and `--rule` when the picture is
/// inline in a page, with the theme's values as fallback.
package enum PictureStyle {
    /// Families of agreement kinds; each has a colour and a line width.
    package enum KindGroup: String, CaseIterable, Sendable {
        case defence, security, military, partnership, economic, other

        package init(_ kind: Treaty.Kind?) {
            switch kind {
            case .defencePact: self = .defence
            case .nonAggression, .neutrality, .entente, .consultation: self = .security
            case .logistics, .basing, .armsTransfer: self = .military
            case .strategicPartnership: self = .partnership
            case .trade: self = .economic
            case .other, nil: self = .other
            }
        }

        package var className: String { "ent-kg-\(rawValue)" }

        package var title: String {
            switch self {
            case .defence: "Defence pact"
            case .security: "Non-aggression, neutrality, entente, consultation"
            case .military: "Logistics, basing, arms transfer"
            case .partnership: "Strategic partnership"
            case .economic: "Trade"
            case .other: "Other or unclassified"
            }
        }
    }

    /// Statuses as the pictures tell them apart, each with its own dash pattern.
    package enum StatusGroup: String, CaseIterable, Sendable {
        case active, pending, suspended, ended, unknown

        package init(_ status: TreatyStatus?) {
            switch status {
            case .inForce, .ratified, .amended: self = .active
            case .proposed, .negotiating, .approved, .signed, .acceded: self = .pending
            case .suspended: self = .suspended
            case .withdrawn, .terminated, .expired, .superseded: self = .ended
            case .other, nil: self = .unknown
            }
        }

        package var className: String { "ent-st-\(rawValue)" }

        package var title: String {
            switch self {
            case .active: "In force (solid)"
            case .pending: "Not yet in force (dashed)"
            case .suspended: "Suspended (dash-dot)"
            case .ended: "Ended (short dashes, faded)"
            case .unknown: "Status unknown (dotted)"
            }
        }

        /// Whether the agreement is still running today (drawn up to today on the site timeline).
        package var isOngoing: Bool { self == .active || self == .pending || self == .suspended }
    }

    /// Families of event types; each has a colour, and each type its own shape.
    package enum EventFamily: String, CaseIterable, Sendable {
        case preliminary, signed, ratified, inforce, suspended, ended, other

        package init(_ type: TreatyEventType) {
            switch type {
            case .proposed, .negotiating, .approved: self = .preliminary
            case .signed: self = .signed
            case .ratified, .acceded: self = .ratified
            case .inForce, .amended: self = .inforce
            case .suspended: self = .suspended
            case .withdrawn, .terminated, .expired, .superseded: self = .ended
            case .other: self = .other
            }
        }

        package var className: String { "ent-ev-\(rawValue)" }
    }

    package static func actorClass(_ kind: Actor.Kind) -> String { "ent-actor-\(kind.rawValue)" }

    package static func actorShape(_ kind: Actor.Kind) -> MarkShape {
        switch kind {
        case .state: .circle
        case .organization: .square
        case .alliance: .hexagon
        case .faction: .triangleUp
        case .person: .pentagon
        case .other: .triangleDown
        }
    }

    package static func eventShape(_ type: TreatyEventType) -> MarkShape {
        switch type {
        case .proposed: .triangleUp
        case .negotiating: .hexagon
        case .approved: .plus
        case .signed: .circle
        case .ratified: .square
        case .acceded: .pentagon
        case .inForce: .diamond
        case .amended: .star
        case .suspended: .pause
        case .withdrawn: .triangleLeft
        case .terminated: .cross
        case .expired: .triangleDown
        case .superseded: .triangleRight
        case .other: .bar
        }
    }

    /// The classes of a line (edge, spoke or bar) standing for `treaty`.
    package static func treatyClasses(_ treaty: Treaty) -> String {
        "\(KindGroup(treaty.kind).className) ent-kind-\(treaty.kind?.rawValue ?? "none") \(StatusGroup(treaty.status).className)"
    }

    /// "Defence pact, in force" — the kind and status of an agreement, for tooltips.
    package static func kindAndStatus(_ treaty: Treaty) -> String {
        let kind = treaty.kind?.title ?? treaty.instrument.title
        guard let status = treaty.status else { return kind + ", status unknown" }
        return kind + ", " + status.title.lowercased()
    }

    /// The stylesheet embedded in every picture; every rule is scoped to `.ent-pic` so that, inline in a page,
    /// it styles nothing else.
    package static let css: String = {
        let light = "--ent-blue:#0072b2;--ent-sky:#2b84bd;--ent-green:#008c66;--ent-orange:#b47200;"
            + "--ent-verm:#c85500;--ent-purple:#a9578a;--ent-grey:#737373;"
        let dark = "--ent-blue:#4a9fe0;--ent-sky:#9bd3f5;--ent-green:#1bb38a;--ent-orange:#e69f00;"
            + "--ent-verm:#ec7a38;--ent-purple:#d88cb6;--ent-grey:#a0a0a0;"
        var css = "svg.ent-pic{--ent-fg:var(--text,#1d1d1f);--ent-bg:var(--bg,#fbfaf7);--ent-muted:var(--muted,#5b5b62);"
            + "--ent-rule:var(--rule,#d9d5cc);\(light)height:auto;"
            + "font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;font-size:11px}"
        css += "@media (prefers-color-scheme:dark){svg.ent-pic{--ent-fg:var(--text,#e9e7e2);--ent-bg:var(--bg,#16171a);"
            + "--ent-muted:var(--muted,#a9a6a0);--ent-rule:var(--rule,#3a3c42);\(dark)}}"
        css += ".ent-pic text{fill:var(--ent-fg);stroke:none;font-size:11px}"
        css += ".ent-pic text.ent-muted{fill:var(--ent-muted)}"
        css += ".ent-pic text.ent-heading{font-weight:700;font-size:12px}"
        css += ".ent-pic text.ent-small{font-size:9.5px}"
        css += ".ent-pic text.ent-label{paint-order:stroke;stroke:var(--ent-bg);stroke-width:3px;stroke-linejoin:round}"
        css += ".ent-pic .ent-axis{stroke:var(--ent-muted);stroke-width:1;fill:none}"
        css += ".ent-pic .ent-grid{stroke:var(--ent-rule);stroke-width:1;fill:none}"
        css += ".ent-pic .ent-minor{stroke:var(--ent-rule);stroke-width:.6;fill:none}"
        css += ".ent-pic .ent-today{stroke:var(--ent-fg);stroke-width:1;stroke-dasharray:2 3;fill:none}"
        css += ".ent-pic .ent-leader{stroke:var(--ent-muted);stroke-width:.75;fill:none}"
        css += ".ent-pic .ent-ring{stroke:var(--ent-rule);stroke-width:1;stroke-dasharray:2 4;fill:none}"
        // Colours, set as --ent-c so that fills, strokes and spans share them.
        let actorColours: [(Actor.Kind, String)] = [(.state, "blue"), (.organization, "orange"), (.alliance, "green"),
                                                     (.faction, "purple"), (.person, "verm"), (.other, "grey")]
        for (kind, colour) in actorColours { css += ".ent-pic .\(actorClass(kind)){--ent-c:var(--ent-\(colour))}" }
        let groupColours: [(KindGroup, String)] = [(.defence, "verm"), (.security, "purple"), (.military, "orange"),
                                                   (.partnership, "blue"), (.economic, "green"), (.other, "grey")]
        for (group, colour) in groupColours { css += ".ent-pic .\(group.className){--ent-c:var(--ent-\(colour))}" }
        let eventColours: [(EventFamily, String)] = [(.preliminary, "sky"), (.signed, "blue"), (.ratified, "green"),
                                                     (.inforce, "purple"), (.suspended, "orange"), (.ended, "verm"),
                                                     (.other, "grey")]
        for (family, colour) in eventColours { css += ".ent-pic .\(family.className){--ent-c:var(--ent-\(colour))}" }
        css += ".ent-pic .ent-neutral{--ent-c:var(--ent-fg)}"
        // Nodes.
        css += ".ent-pic .ent-node{fill:var(--ent-c,var(--ent-grey));stroke:var(--ent-bg);stroke-width:1.5}"
        css += ".ent-pic .ent-node.ent-ego{stroke:var(--ent-fg);stroke-width:2.5}"
        css += ".ent-pic .ent-tnode{stroke-width:1}"
        css += ".ent-pic .ent-tnode.ent-st-pending,.ent-pic .ent-tnode.ent-st-unknown,.ent-pic .ent-tnode.ent-st-suspended"
            + "{fill:var(--ent-bg);stroke:var(--ent-c);stroke-width:1.5}"
        css += ".ent-pic .ent-tnode.ent-st-ended{opacity:.55}"
        // Lines: colour by kind, width by kind, dashes by status.
        css += ".ent-pic .ent-line{fill:none;stroke:var(--ent-c,var(--ent-grey));stroke-width:1.25;stroke-linecap:butt}"
        let widths: [(KindGroup, String, String)] = [(.defence, "3.25", "1.75"), (.security, "2.25", "1.25"),
                                                     (.military, "2", "1.25"), (.partnership, "1.75", "1"),
                                                     (.economic, "1.25", "1"), (.other, "1", ".75")]
        for (group, edge, spoke) in widths {
            css += ".ent-pic .ent-edge.\(group.className){stroke-width:\(edge)}"
            css += ".ent-pic .ent-spoke.\(group.className){stroke-width:\(spoke)}"
        }
        css += ".ent-pic .ent-line.ent-st-pending{stroke-dasharray:7 4}"
        css += ".ent-pic .ent-line.ent-st-suspended{stroke-dasharray:7 3 1.5 3}"
        css += ".ent-pic .ent-line.ent-st-ended{stroke-dasharray:2 3;opacity:.6}"
        css += ".ent-pic .ent-line.ent-st-unknown{stroke-dasharray:.5 3.5;stroke-linecap:round}"
        css += ".ent-pic.ent-dense .ent-edge,.ent-pic.ent-dense .ent-spoke{stroke-opacity:.4}"
        css += ".ent-pic .ent-indirect{stroke-opacity:.4}"
        css += ".ent-pic.ent-many .ent-indirect{stroke-opacity:.2}"
        css += ".ent-pic .ent-tnode.ent-indirect{fill-opacity:.45}"
        // Timeline bars.
        css += ".ent-pic .ent-bar{stroke-width:8}"
        css += ".ent-pic.ent-compact .ent-bar{stroke-width:4}"
        css += ".ent-pic .ent-bar.ent-st-pending{stroke-dasharray:10 3}"
        css += ".ent-pic .ent-bar.ent-st-suspended{stroke-dasharray:10 3 3 3}"
        css += ".ent-pic .ent-bar.ent-st-ended{stroke-dasharray:4 2}"
        css += ".ent-pic .ent-bar.ent-st-unknown{stroke-dasharray:1.5 3}"
        css += ".ent-pic .ent-bar.ent-fuzzy{stroke-dasharray:none;stroke-opacity:.3}"
        // Event markers and spans.
        css += ".ent-pic .ent-mark{fill:var(--ent-c);stroke:var(--ent-bg);stroke-width:1}"
        css += ".ent-pic .ent-mark.ent-approx{fill:var(--ent-bg);stroke:var(--ent-c);stroke-width:1.75}"
        css += ".ent-pic .ent-span{fill:var(--ent-c);fill-opacity:.15;stroke:var(--ent-c);stroke-width:1;stroke-dasharray:3 2}"
        // Pointing at a link brings it forward.
        css += ".ent-pic a:hover .ent-edge,.ent-pic a:focus .ent-edge,.ent-pic a:hover .ent-spoke,.ent-pic a:focus .ent-spoke"
            + "{stroke-opacity:1;opacity:1;stroke-width:3.5}"
        css += ".ent-pic a:hover .ent-bar,.ent-pic a:focus .ent-bar{stroke-opacity:1;opacity:1;stroke:var(--ent-fg)}"
        css += ".ent-pic a:hover .ent-node,.ent-pic a:focus .ent-node,.ent-pic a:hover .ent-mark,.ent-pic a:focus .ent-mark"
            + "{stroke:var(--ent-fg);stroke-width:2}"
        css += ".ent-pic a:hover text,.ent-pic a:focus text{text-decoration:underline}"
        return css
    }()
}

/// The shapes of nodes and event markers, drawn around the origin with about the area of a circle of `radius`.
package enum MarkShape: String, CaseIterable, Sendable {
    case circle, square, diamond, triangleUp, triangleDown, triangleLeft, triangleRight
    case hexagon, pentagon, star, plus, cross, pause, bar

    package func path(radius r: Double) -> String {
        switch self {
        case .circle:
            let a = SVGText.num(r)
            return "M-\(a),0A\(a),\(a) 0 1,0 \(a),0A\(a),\(a) 0 1,0 -\(a),0Z"
        case .square: return polygon([(-0.886, -0.886), (0.886, -0.886), (0.886, 0.886), (-0.886, 0.886)], r)
        case .diamond: return polygon([(0, -1.25), (1.25, 0), (0, 1.25), (-1.25, 0)], r)
        case .triangleUp: return regular(3, 1.35, 0, r)
        case .triangleDown: return regular(3, 1.35, 0.5, r)
        case .triangleRight: return regular(3, 1.35, 0.25, r)
        case .triangleLeft: return regular(3, 1.35, 0.75, r)
        case .hexagon: return regular(6, 1.1, 0, r)
        case .pentagon: return regular(5, 1.15, 0, r)
        case .star:
            var points: [(Double, Double)] = []
            for i in 0..<10 {
                let p = PictureTrig.polar(SVGPoint(0, 0), radius: i % 2 == 0 ? 1.45 : 0.6, turns: Double(i) / 10)
                points.append((p.x, p.y))
            }
            return polygon(points, r)
        case .plus: return polygon(Self.plusPoints, r)
        case .cross:
            let k = 0.7071067811865476
            return polygon(Self.plusPoints.map { ((($0.0 - $0.1) * k), (($0.0 + $0.1) * k)) }, r)
        case .pause:
            return polygon([(-1, -1), (-0.25, -1), (-0.25, 1), (-1, 1)], r)
                + polygon([(0.25, -1), (1, -1), (1, 1), (0.25, 1)], r)
        case .bar: return polygon([(-0.4, -1.3), (0.4, -1.3), (0.4, 1.3), (-0.4, 1.3)], r)
        }
    }

    private static let plusPoints: [(Double, Double)] = {
        let w = 0.4, l = 1.15
        return [(-w, -l), (w, -l), (w, -w), (l, -w), (l, w), (w, w), (w, l), (-w, l), (-w, w), (-l, w), (-l, -w), (-w, -w)]
    }()

    private func regular(_ sides: Int, _ scale: Double, _ startTurns: Double, _ r: Double) -> String {
        var points: [(Double, Double)] = []
        for i in 0..<sides {
            let p = PictureTrig.polar(SVGPoint(0, 0), radius: scale, turns: startTurns + Double(i) / Double(sides))
            points.append((p.x, p.y))
        }
        return polygon(points, r)
    }

    private func polygon(_ points: [(Double, Double)], _ r: Double) -> String {
        var d = ""
        for (index, point) in points.enumerated() {
            d += (index == 0 ? "M" : "L") + SVGText.num(point.0 * r) + "," + SVGText.num(point.1 * r)
        }
        return d + "Z"
    }
}
