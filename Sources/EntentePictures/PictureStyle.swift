import EntenteModel
import EntenteResolving
/// How the pictures encode kinds and statuses. The rules that style these classes are the theme's
/// `assets/pictures.css`, linked from every page (a test checks that it styles every class named here).
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
            case .strategicPartnership, .friendship: self = .partnership
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
            case .partnership: "Strategic partnership, friendship"
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
