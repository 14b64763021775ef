import EntenteModel
import EntenteResolving
/// Drawing shared by the network and ego-network pictures: actor nodes, agreements as edges or hubs, labels.
package enum NetworkDrawing {
    /// An actor as drawn.
    package struct Node: Sendable {
        package var actor: Actor
        package var position: SVGPoint
        package var radius: Double
        /// How many agreements the size stands for (all agreements, or those shared with the ego).
        package let count: Int
        package var isEgo = false
        /// Not drawn (a snapshot's actor bound by no agreement that day); it keeps its place.
        package var hidden = false
    }

    /// An agreement as drawn: a line between its two parties, or a small hub joined to each shown party.
    package struct Mark: Sendable {
        package var treaty: Treaty
        /// Indices of the nodes of its shown parties, each once, in the order the treaty lists them.
        package let parties: [Int]
        /// How many distinct parties it has in all.
        package let totalParties: Int
        /// Where its hub is, for an agreement that is not drawn as a single line.
        package var hub: SVGPoint?
        /// Drawn fainter: an agreement that does not involve the ego of an ego network.
        package var indirect = false

        /// Whether it is drawn as one line between two parties (else as a hub with spokes).
        package var isEdge: Bool { totalParties == 2 && parties.count == 2 }
    }

    package static let hubRadius = 3.6

    /// A hub's resting place: the centroid of its shown parties, or just beside its only party.
    package static func hubPosition(parties: [Int], nodes: [Node], salt: Int) -> SVGPoint {
        guard !parties.isEmpty else { return SVGPoint(0, 0) }
        if parties.count == 1 {
            let node = nodes[parties[0]]
            return PictureTrig.polar(node.position, radius: node.radius + 9, turns: 0.125 + Double(salt % 8) / 8)
        }
        var x = 0.0, y = 0.0
        for index in parties {
            x += nodes[index].position.x
            y += nodes[index].position.y
        }
        return SVGPoint(x / Double(parties.count), y / Double(parties.count))
    }

    /// "Name (SHORT)" for tooltips.
    package static func treatyName(_ treaty: Treaty) -> String {
        if let short = treaty.short, short != treaty.name { return "\(treaty.name) (\(short))" }
        return treaty.name
    }

    package static func partyList(_ names: [String], limit: Int = 12) -> String {
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
    }

    /// Every agreement: parallel agreements between one pair fan out as gentle curves, hubs are drawn with
    /// their spokes. A hub links to its agreement's page; a line between two actors to the page of the two
    /// (`pairLink`: every agreement they share, their events and the analyses about both), else to its agreement's.
    package static func drawMarks(_ marks: [Mark], nodes: [Node], into svg: inout SVGWriter, link: (EntityKey) -> String,
                                  pairLink: ((ActorID, ActorID) -> String)? = nil) {
        // Fan out the agreements of each pair: group by pair, in the marks' order.
        var pairSlots: [Int: (slot: Int, of: Int)] = [:]
        var pairMembers: [Int64: [Int]] = [:]
        var pairOrder: [Int64] = []
        for (index, mark) in marks.enumerated() where mark.isEdge {
            let a = min(mark.parties[0], mark.parties[1]), b = max(mark.parties[0], mark.parties[1])
            let key = Int64(a) * 1_000_000 + Int64(b)
            if pairMembers[key] == nil { pairOrder.append(key) }
            pairMembers[key, default: []].append(index)
        }
        for key in pairOrder {
            let members = pairMembers[key]!
            for (slot, index) in members.enumerated() { pairSlots[index] = (slot, members.count) }
        }

        for (index, mark) in marks.enumerated() {
            let treaty = mark.treaty
            let classes = PictureStyle.treatyClasses(treaty) + (mark.indirect ? " ent-indirect" : "")
            let names = mark.parties.map { nodes[$0].actor.name }
            var title = treatyName(treaty) + " — " + PictureStyle.kindAndStatus(treaty)
            if mark.isEdge {
                title += " — between " + names.joined(separator: " and ")
                let a = min(mark.parties[0], mark.parties[1]), b = max(mark.parties[0], mark.parties[1])
                let slot = pairSlots[index] ?? (0, 1)
                if let pairLink {
                    title += ": every agreement and analysis of the two"
                    svg.openLink(pairLink(nodes[a].actor.id, nodes[b].actor.id), title: title)
                } else {
                    svg.openLink(link(.treaty(treaty.id)), title: title)
                }
                svg.path(edgePath(from: nodes[a].position, to: nodes[b].position, slot: slot.slot, of: slot.of),
                         classes: "ent-line ent-edge " + classes)
                svg.closeLink()
            } else {
                guard let hub = mark.hub else { continue }
                let shown = mark.parties.count < mark.totalParties
                    ? " (\(mark.parties.count) of \(mark.totalParties) shown)" : ""
                title += " — " + SVGText.count(mark.totalParties, "party", "parties") + shown + ": " + partyList(names)
                svg.openLink(link(.treaty(treaty.id)), title: title)
                if !mark.parties.isEmpty {
                    var d = ""
                    for party in mark.parties {
                        let p = nodes[party].position
                        d += "M" + SVGText.num(hub.x) + "," + SVGText.num(hub.y) + "L" + SVGText.num(p.x) + "," + SVGText.num(p.y)
                    }
                    svg.path(d, classes: "ent-line ent-spoke " + classes)
                }
                svg.shape(.diamond, at: hub, radius: hubRadius, classes: "ent-node ent-tnode " + classes)
                svg.closeLink()
            }
        }
    }

    /// A straight line for a lone agreement; the `slot`-th of `count` parallel ones bows to one side or the other.
    package static func edgePath(from a: SVGPoint, to b: SVGPoint, slot: Int, of count: Int) -> String {
        let start = "M" + SVGText.num(a.x) + "," + SVGText.num(a.y)
        let offsetUnits = Double(slot) - Double(count - 1) / 2
        let ex = b.x - a.x, ey = b.y - a.y
        let length = (ex * ex + ey * ey).squareRoot()
        guard offsetUnits != 0, length > 1e-6 else { return start + "L" + SVGText.num(b.x) + "," + SVGText.num(b.y) }
        let step = min(7, max(1.5, 48 / Double(count)), length / Double(count + 1))
        let bow = offsetUnits * step * 2  // a quadratic curve peaks at half its control point's offset
        let control = SVGPoint((a.x + b.x) / 2 - ey / length * bow, (a.y + b.y) / 2 + ex / length * bow)
        return start + "Q" + SVGText.num(control.x) + "," + SVGText.num(control.y) + " " + SVGText.num(b.x) + "," + SVGText.num(b.y)
    }

    /// An actor node: its shape and colour by kind, a link to its page and a tooltip.
    package static func drawNode(_ node: Node, title: String, into svg: inout SVGWriter, link: (EntityKey) -> String) {
        svg.openLink(link(.actor(node.actor.id)), title: title)
        let classes = "ent-node " + PictureStyle.actorClass(node.actor.kind) + (node.isEgo ? " ent-ego" : "")
        svg.shape(PictureStyle.actorShape(node.actor.kind), at: node.position, radius: node.radius, classes: classes)
        svg.closeLink()
    }

    /// A placed label.
    package struct Label {
        package var text: String
        package var position: SVGPoint
        package var anchor: SVGWriter.Anchor
        package var node: Int
    }

    /// Places labels beside nodes, most important first: right, left, above or below its node, whichever
    /// first overlaps no label placed so far and no other node; a label that fits nowhere is left out
    /// (the node's tooltip still names it).
    package static func placeLabels(nodes: [Node], order: [Int], fontSize: Double, maxCharacters: Int,
                            bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)) -> [Label] {
        var placed: [Label] = []
        var boxes: [(Double, Double, Double, Double)] = []
        let height = fontSize * 1.2
        for index in order {
            let node = nodes[index]
            let text = SVGText.truncate(node.actor.short ?? node.actor.name, to: maxCharacters)
            let width = SVGText.textWidth(text, fontSize: fontSize)
            let p = node.position, r = node.radius
            let candidates: [(SVGPoint, SVGWriter.Anchor, (Double, Double))] = [
                (SVGPoint(p.x + r + 3, p.y + fontSize * 0.35), .start, (p.x + r + 3, p.y - height / 2)),
                (SVGPoint(p.x - r - 3, p.y + fontSize * 0.35), .end, (p.x - r - 3 - width, p.y - height / 2)),
                (SVGPoint(p.x, p.y - r - 4), .middle, (p.x - width / 2, p.y - r - 4 - height * 0.8)),
                (SVGPoint(p.x, p.y + r + fontSize + 1), .middle, (p.x - width / 2, p.y + r + 1)),
            ]
            for (anchorPoint, anchor, origin) in candidates {
                let box = (origin.0, origin.1, origin.0 + width, origin.1 + height)
                guard box.0 >= bounds.minX, box.2 <= bounds.maxX, box.1 >= bounds.minY, box.3 <= bounds.maxY else {
                    continue
                }
                let hitsLabel = boxes.contains { $0.0 < box.2 && box.0 < $0.2 && $0.1 < box.3 && box.1 < $0.3 }
                if hitsLabel { continue }
                let hitsNode = nodes.indices.contains { other in
                    guard other != index else { return false }
                    let q = nodes[other].position, rr = nodes[other].radius
                    let cx = min(max(q.x, box.0), box.2), cy = min(max(q.y, box.1), box.3)
                    return (q.x - cx) * (q.x - cx) + (q.y - cy) * (q.y - cy) < rr * rr
                }
                if hitsNode { continue }
                boxes.append(box)
                placed.append(Label(text: text, position: anchorPoint, anchor: anchor, node: index))
                break
            }
        }
        return placed
    }
}
