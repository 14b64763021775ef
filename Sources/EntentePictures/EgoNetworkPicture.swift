import EntenteModel
import EntenteResolving
/// One actor's network, for its page: the actor in the centre, its counterparts on a ring around it.
///
/// Counterparts go clockwise from the top, most shared agreements first (then by id), so the same site
/// always gives the same picture and the closest partners are read first. At most
/// `maximumCounterparts` are shown; the description says how many more there are. Lines and hubs are the
/// agreements among the actors shown (at least two of their parties shown): those of the central actor drawn
/// in full, those among its counterparts alone fainter (`ent-indirect`, at most `maximumIndirect`).
public enum EgoNetworkPicture {
    /// How many counterparts the ring holds.
    public static let maximumCounterparts = 40
    /// How many agreements among counterparts alone are drawn: each is a hub with its spokes, a link and a tooltip
    /// (about 600 bytes), and the page of an actor in a dense network must stay under 150 KB.
    package static let maximumIndirect = 32

    public static func render(actor id: ActorID, site: ResolvedSite, index: SiteIndex,
                              link: (EntityKey) -> String, pairLink: ((ActorID, ActorID) -> String)? = nil) -> String {
        let htmlID = "ent-ego-\(id.rawValue)"
        guard let ego = site.actorsByID[id] else {
            var svg = SVGWriter()
            svg.open(id: htmlID, width: 200, height: 20, classes: "ent-ego-network", title: "Unknown actor",
                     desc: "No actor has the id \(id.rawValue).")
            svg.close()
            return svg.text
        }
        let all = index.counterparts[id] ?? []
        let shown = Array(all.prefix(maximumCounterparts))
        let more = all.count - shown.count
        let radial = shown.count > 16
        let width: Double = radial ? 940 : 800
        let ringRadius: Double = radial ? 255 : 170
        let top: Double = radial ? 190 : 60
        let center = SVGPoint(width / 2, top + ringRadius)
        let ringBottom = center.y + ringRadius + (radial ? 190 : 60)

        // Nodes: the ego first, then the ring.
        var nodes = [NetworkDrawing.Node(actor: ego, position: center, radius: 20,
                                       count: site.treatiesOfActor[id]?.count ?? 0, isEgo: true)]
        for (i, entry) in shown.enumerated() {
            let turns = Double(i) / Double(shown.count)
            let radius = min(16, 5 + 2 * Double(entry.count).squareRoot())
            nodes.append(NetworkDrawing.Node(actor: site.actorsByID[entry.actor]!,
                                           position: PictureTrig.polar(center, radius: ringRadius, turns: turns),
                                           radius: radius, count: entry.count))
        }
        var nodeOf: [ActorID: Int] = [:]
        for (i, node) in nodes.enumerated() { nodeOf[node.actor.id] = i }

        // Agreements with at least two shown parties.
        let drawn = drawnAgreements(of: id, site: site, index: index)
        func mark(_ agreement: DrawnAgreement, indirect: Bool) -> NetworkDrawing.Mark {
            NetworkDrawing.Mark(treaty: site.treatiesByID[agreement.treaty]!, parties: agreement.visible.compactMap { nodeOf[$0] },
                                totalParties: agreement.totalParties, indirect: indirect)
        }
        let marks = drawn.direct.map { mark($0, indirect: false) }
        let indirect = drawn.indirect.map { mark($0, indirect: true) }
        let (hiddenDirect, indirectLeftOut) = (drawn.hiddenDirect, drawn.indirectLeftOut)

        var allMarks = indirect + marks
        for i in allMarks.indices where !allMarks[i].isEdge {
            allMarks[i].hub = NetworkDrawing.hubPosition(parties: allMarks[i].parties, nodes: nodes, salt: i)
        }
        NetworkPicture.placeHubs(&allMarks, nodes: nodes, bounds: (4, 4, width - 4, ringBottom - 4))
        let indirectMarks = NetworkPicture.drawingOrder(Array(allMarks.prefix(indirect.count)))
        let directMarks = NetworkPicture.drawingOrder(Array(allMarks.suffix(marks.count)))

        var legend = PictureLegend()
        legend.sections = [PictureLegend.actorSection(nodes.map(\.actor))]
        legend.sections += PictureLegend.treatySections(allMarks.map(\.treaty), lineClass: "ent-edge")
        if allMarks.contains(where: { !$0.isEdge }) {
            legend.sections[1].items.append(PictureLegend.Item(swatch: .shape(.diamond, classes: "ent-node ent-tnode ent-neutral"),
                                                        label: "Agreement among 3+ parties"))
        }
        if !indirect.isEmpty {
            legend.sections[1].items.append(PictureLegend.Item(swatch: .line(classes: "ent-line ent-edge ent-neutral ent-indirect"),
                                                        label: "Not involving \(SVGText.truncate(ego.name, to: 30)) (fainter)"))
        }
        let legendHeight = legend.height(left: 12, right: width - 12)
        let height = ringBottom + legendHeight + 12

        var desc = "\(ego.name) shares agreements with " + SVGText.count(all.count, "other actor") + "."
        if more > 0 {
            desc += " The \(shown.count) sharing the most are shown; +\(more) more are not."
        }
        if !shown.isEmpty {
            desc += " Counterparts go clockwise from the top, most shared agreements first: "
                + shown.prefix(10).map { "\(site.actorsByID[$0.actor]!.name) (\($0.count))" }.joined(separator: ", ")
                + (shown.count > 10 ? " and \(shown.count - 10) more" : "") + "."
            desc += " Lines and small diamonds are the agreements among them; colour and width show the kind, the"
                + " dash pattern the status."
        }
        if hiddenDirect > 0 {
            desc += " " + SVGText.count(hiddenDirect, "agreement") + " with actors not shown " + (hiddenDirect == 1 ? "is" : "are")
                + " left out."
        }
        if indirectLeftOut > 0 { desc += " \(indirectLeftOut) more agreements among the counterparts are left out." }

        var svg = SVGWriter(capacity: 8192 + allMarks.count * 300)
        svg.open(id: htmlID, width: width, height: height, classes: "ent-ego-network" + (indirect.count > 60 ? " ent-many" : ""),
                 title: "Agreements of \(ego.name)", desc: desc)
        if !shown.isEmpty {
            svg.raw("<circle class=\"ent-ring\" cx=\"\(SVGText.num(center.x))\" cy=\"\(SVGText.num(center.y))\" r=\"\(SVGText.num(ringRadius))\"/>")
        }
        svg.raw("<g class=\"ent-edges\">")
        NetworkDrawing.drawMarks(indirectMarks + directMarks, nodes: nodes, into: &svg, link: link, pairLink: pairLink)
        svg.raw("</g><g class=\"ent-nodes\">")
        for (i, node) in nodes.enumerated() {
            let title: String
            if i == 0 {
                title = ego.name + " — " + ego.kind.title + " — " + SVGText.count(node.count, "agreement") + " with "
                    + SVGText.count(all.count, "other actor")
            } else {
                title = node.actor.name + " — " + node.actor.kind.title + " — " + SVGText.count(node.count, "agreement")
                    + " shared with " + ego.name
            }
            NetworkDrawing.drawNode(node, title: title, into: &svg, link: link)
        }
        svg.raw("</g><g class=\"ent-labels\">")
        svg.openLink(link(.actor(ego.id)), title: ego.name)
        svg.label(SVGText.truncate(ego.name, to: 32), at: SVGPoint(center.x, center.y + 20 + 15), anchor: .middle,
                  classes: "ent-label ent-heading")
        svg.closeLink()
        for (i, node) in nodes.enumerated().dropFirst() {
            let turns = Double(i - 1) / Double(shown.count)
            let text = SVGText.truncate(node.actor.short ?? node.actor.name, to: radial ? 26 : 24)
            let (s, c) = PictureTrig.sinCos(turns: turns)
            svg.openLink(link(.actor(node.actor.id)), title: node.actor.name)
            if radial {
                let p = PictureTrig.polar(center, radius: ringRadius + node.radius + 6, turns: turns)
                let rightHalf = turns <= 0.5
                let angle = turns * 360 - 90 + (rightHalf ? 0 : 180)
                svg.label(text, at: SVGPoint(p.x, p.y + 3.5), anchor: rightHalf ? .start : .end,
                          attributes: " transform=\"rotate(\(SVGText.num(angle)) \(SVGText.num(p.x)) \(SVGText.num(p.y)))\"")
            } else {
                let p = PictureTrig.polar(center, radius: ringRadius + node.radius + 7, turns: turns)
                let anchor: SVGWriter.Anchor = s > 0.2 ? .start : (s < -0.2 ? .end : .middle)
                let dy = anchor == .middle ? (c > 0 ? -1 : 10) : 4 - 3 * c
                svg.label(text, at: SVGPoint(p.x, p.y + dy), anchor: anchor)
            }
            svg.closeLink()
        }
        svg.raw("</g>")
        _ = legend.draw(into: &svg, left: 12, top: ringBottom, right: width - 12)
        svg.close()
        return svg.text
    }

    /// One agreement the picture draws: its parties on the ring (the actor's included), in the treaty's order.
    public struct DrawnAgreement: Sendable {
        public let treaty: TreatyID
        public let visible: [ActorID]
        public let totalParties: Int
    }

    /// The agreements the picture of `id` draws, and how many it leaves out: the actor's own with at least two parties
    /// shown, and of those among its counterparts alone the `maximumIndirect` that join the most of them. Only which
    /// agreements each actor has decides it, never their data, so a page depends on the data of these alone.
    public static func drawnAgreements(of id: ActorID, site: ResolvedSite, index: SiteIndex)
        -> (direct: [DrawnAgreement], indirect: [DrawnAgreement], hiddenDirect: Int, indirectLeftOut: Int) {
        let shown = (index.counterparts[id] ?? []).prefix(maximumCounterparts)
        let onRing = Set([id] + shown.map(\.actor))
        func drawn(_ treatyID: TreatyID) -> DrawnAgreement? {
            // Parties come from the index: the most connected actors have thousands of agreements among their
            // counterparts, and a treaty is copied out of the site only once it is known to be drawn.
            let parties = index.parties[treatyID] ?? []
            let visible = parties.filter(onRing.contains)
            return visible.count >= 2 ? DrawnAgreement(treaty: treatyID, visible: visible, totalParties: parties.count) : nil
        }
        // How many of the actors on the ring are parties to each of their agreements: only one with two or more is
        // drawn, and a hub's counterparts have thousands of agreements, most with one of them alone.
        var partiesOnRing: [TreatyID: Int] = [:]
        for actor in onRing {
            for treatyID in site.treatiesOfActor[actor] ?? [] { partiesOnRing[treatyID, default: 0] += 1 }
        }
        let direct = Set(site.treatiesOfActor[id] ?? [])
        let directDrawn = direct.sorted().filter { partiesOnRing[$0, default: 0] >= 2 }.compactMap(drawn)
        let indirectDrawn = partiesOnRing.compactMap { treatyID, count in count >= 2 && !direct.contains(treatyID) ? drawn(treatyID) : nil }
            .sorted { $0.treaty < $1.treaty }
        // Those that join the most of the counterparts shown are kept, then drawn in id order.
        let kept = Set(indirectDrawn.sorted { ($1.visible.count, $0.treaty) < ($0.visible.count, $1.treaty) }
            .prefix(maximumIndirect).map(\.treaty))
        return (directDrawn, indirectDrawn.filter { kept.contains($0.treaty) }, direct.count - directDrawn.count,
                max(0, indirectDrawn.count - maximumIndirect))
    }
}
