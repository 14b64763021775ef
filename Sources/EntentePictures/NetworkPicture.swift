import EntenteModel
import EntenteResolving
/// The whole network of actors and agreements, for the `network/` page.
///
/// ## Layout
///
/// A **force-directed layout** (Fruchterman–Reingold), because what a reader wants from this picture is the
/// structure: which powers are hubs, which actors form blocs, who sits between camps. A circular or
/// by-region layout puts every actor at a fixed place whatever its ties and hides exactly that. To keep it
/// deterministic and cheap:
///
/// - only **actors** take part in the simulation; an agreement among three or more parties is a small hub
///   placed afterwards at the centroid of its parties (where the simulation would put it anyway), so the
///   cost is O(actors² × iterations) whatever the number of agreements, plus O(agreements × parties) to
///   build the weighted edges;
/// - nodes start **grouped by region** (a sector of a circle per region, a sunflower spiral inside it, by
///   id), which makes the result read by region where ties allow it and needs no random seed;
/// - a **fixed iteration count** (300, fewer above 250 actors so that pair steps stay under
///   `NetworkLayout.pairStepBudget`) with linear cooling;
/// - Double arithmetic with `+ - * / sqrt` only, in index order (actors by id), so the bytes are the same
///   on every run and platform;
/// - a final grid-based pass pushes apart overlapping nodes and hubs.
///
/// Parallel agreements between one pair fan out as curves. Above 150 agreements, lines are drawn
/// translucent (`ent-dense`) and only the best-connected actors that have room get a label; every node and
/// agreement keeps its tooltip and link.
public enum NetworkPicture {
    /// Renders the picture; `link` gives the relative URL of an actor's or agreement's page.
    public static func render(site: ResolvedSite, index: SiteIndex, link: (EntityKey) -> String) -> String {
        render(site: site, index: index, layout: layout(site: site), day: nil, link: link)
    }

    /// The agreements in force at the end of `day` (each drawn with its status then), between the actors they bind,
    /// each where the whole network's layout puts it: from one day to another nothing moves, so pictures compare.
    package static func inForce(on day: PartialDate, layout: Layout) -> Layout {
        var marks: [NetworkDrawing.Mark] = []
        var shown: Set<Int> = []
        for mark in layout.marks {
            let standing = mark.treaty.standing(at: day)
            guard let status = standing.status, status.isActive else { continue }
            var treaty = mark.treaty
            treaty.declaredStatus = status
            var then = NetworkDrawing.Mark(treaty: treaty, parties: mark.parties, totalParties: mark.totalParties)
            then.hub = mark.hub
            marks.append(then)
            shown.formUnion(mark.parties)
        }
        var nodes = layout.nodes
        for i in nodes.indices where !shown.contains(i) { nodes[i].hidden = true }
        return Layout(nodes: nodes, marks: marks, width: layout.width, height: layout.height)
    }

    /// Renders a laid-out network: the whole of it, or (with `day`) what `inForce(on:layout:)` kept.
    package static func render(site: ResolvedSite, index: SiteIndex, layout whole: Layout, day: PartialDate?,
                               link: (EntityKey) -> String, pairLink: ((ActorID, ActorID) -> String)? = nil) -> String {
        let layout = day.map { inForce(on: $0, layout: whole) } ?? whole
        let nodes = layout.nodes
        let side = layout.width
        var legend = PictureLegend()
        legend.sections = [PictureLegend.actorSection(nodes.filter { !$0.hidden }.map(\.actor))]
        legend.sections += PictureLegend.treatySections(layout.marks.map(\.treaty), lineClass: "ent-edge")
        if layout.marks.contains(where: { !$0.isEdge }) {
            legend.sections[1].items.append(PictureLegend.Item(swatch: .shape(.diamond, classes: "ent-node ent-tnode ent-neutral"),
                                                        label: "Agreement among 3+ parties"))
        }
        let legendHeight = legend.height(left: 12, right: side - 12)
        let height = layout.height + legendHeight + 16

        var svg = SVGWriter(capacity: 256 + layout.marks.count * 300 + nodes.count * 300)
        let dense = layout.marks.count > 150
        let title = day.map { "Agreements in force on \($0.display)" } ?? "Network of actors and agreements"
        let desc = day.map { "The \(SVGText.count(layout.marks.count, "agreement")) in force on \($0.display) and the "
            + "\(SVGText.count(nodes.filter { !$0.hidden }.count, "actor")) they bind, each actor where the whole network puts it." }
            ?? description(site: site, nodes: nodes)
        svg.open(id: "ent-network", width: side, height: height, classes: "ent-network" + (dense ? " ent-dense" : ""),
                 title: title, desc: desc)

        svg.raw("<g class=\"ent-edges\">")
        NetworkDrawing.drawMarks(layout.marks, nodes: nodes, into: &svg, link: link, pairLink: pairLink)
        svg.raw("</g><g class=\"ent-nodes\">")
        for node in nodes where !node.hidden {
            var title = node.actor.name + " — " + node.actor.kind.title
            if let region = node.actor.region, !region.isEmpty { title += ", " + region }
            let partners = index.counterparts[node.actor.id]?.count ?? 0
            title += " — " + SVGText.count(node.count, "agreement") + " with " + SVGText.count(partners, "other actor")
            NetworkDrawing.drawNode(node, title: title, into: &svg, link: link)
        }
        svg.raw("</g><g class=\"ent-labels\">")
        let order = nodes.indices.filter { !nodes[$0].hidden }.sorted {
            (nodes[$1].count, nodes[$0].actor.name, nodes[$0].actor.id) < (nodes[$0].count, nodes[$1].actor.name, nodes[$1].actor.id)
        }
        let candidates = nodes.count > 60 ? Array(order.prefix(80)) : order
        var labels = NetworkDrawing.placeLabels(nodes: nodes, order: candidates, fontSize: 11, maxCharacters: 24,
                                              bounds: (2, 2, side - 2, layout.height - 2))
        if nodes.count > 60 { labels = Array(labels.prefix(60)) }
        for label in labels {
            let actor = nodes[label.node].actor
            svg.openLink(link(.actor(actor.id)), title: actor.name)
            svg.label(label.text, at: label.position, anchor: label.anchor)
            svg.closeLink()
        }
        svg.raw("</g>")
        _ = legend.draw(into: &svg, left: 12, top: layout.height + 6, right: side - 12)
        svg.close()
        return svg.text
    }

    /// One sentence about the network: "25 actors and 40 agreements: 30 between two parties and 10 among
    /// three or more."
    public static func summary(site: ResolvedSite) -> String {
        var bilateral = 0, multilateral = 0, single = 0
        for treaty in site.treaties {
            switch site.distinctParties(of: treaty).count {
            case 2: bilateral += 1
            case 0, 1: single += 1
            default: multilateral += 1
            }
        }
        let head = SVGText.count(site.actors.count, "actor") + " and " + SVGText.count(site.treaties.count, "agreement")
        guard !site.treaties.isEmpty else { return SVGText.count(site.actors.count, "actor") + " and no agreements." }
        var parts: [String] = []
        if bilateral > 0 { parts.append("\(bilateral) between two parties") }
        if multilateral > 0 { parts.append("\(multilateral) among three or more") }
        if single > 0 { parts.append("\(single) with a single party") }
        let list = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + parts.last! : parts[0]
        return head + ": " + list + "."
    }

    package static func description(site: ResolvedSite, nodes: [NetworkDrawing.Node]) -> String {
        var text = summary(site: site)
        text += " Each actor is a node whose size shows how many agreements it is party to and whose shape and"
            + " colour show its kind. An agreement between two parties is a line, one among three or more a small"
            + " diamond joined to each party; line colour and width show the kind of agreement, the dash pattern"
            + " its status."
        let top = nodes.filter { $0.count > 0 }.sorted {
            ($1.count, $0.actor.name, $0.actor.id) < ($0.count, $1.actor.name, $1.actor.id)
        }.prefix(5)
        if !top.isEmpty {
            text += " Most connected: " + top.map { "\($0.actor.name) (\($0.count))" }.joined(separator: ", ") + "."
        }
        return text
    }

    /// Where everything goes; separate from drawing so that its cost can be measured.
    package struct Layout: Sendable {
        package var nodes: [NetworkDrawing.Node]
        package var marks: [NetworkDrawing.Mark]
        package var width: Double
        package var height: Double
    }

    /// What a layout's places follow: each actor's id and region, and each agreement's distinct parties. Two sites
    /// with equal inputs get the same places; only the data drawn there (names, kinds, statuses) may differ.
    package struct LayoutInputs: Equatable, Sendable {
        private let actors: [ActorID], regions: [String?], treaties: [TreatyID], parties: [[ActorID]]

        package init(site: ResolvedSite) {
            let actors = site.actors.sorted { $0.id < $1.id }
            let treaties = site.treaties.sorted { $0.id < $1.id }
            (self.actors, regions) = (actors.map(\.id), actors.map(\.region))
            (self.treaties, parties) = (treaties.map(\.id), treaties.map { site.distinctParties(of: $0) })
        }
    }

    /// `layout`, a layout made for a site with the same inputs, with the actors and agreements of `site` put in its
    /// places: a preview's edit that keeps every agreement's parties need not place the whole network again.
    package static func layout(_ layout: Layout, placedFor site: ResolvedSite) -> Layout {
        var layout = layout
        for index in layout.nodes.indices { layout.nodes[index].actor = site.actorsByID[layout.nodes[index].actor.id]! }
        for index in layout.marks.indices { layout.marks[index].treaty = site.treatiesByID[layout.marks[index].treaty.id]! }
        // Their places were found in id order; the order they are drawn in follows their statuses.
        layout.marks = drawingOrder(layout.marks)
        return layout
    }

    package static func layout(site: ResolvedSite) -> Layout {
        let actors = site.actors.sorted { $0.id < $1.id }
        let n = actors.count
        var indexOf: [ActorID: Int] = [:]
        for (i, actor) in actors.enumerated() { indexOf[actor.id] = i }
        let side = min(2600, max(520, Double(n).squareRoot() * 80))
        // Node areas grow with the number of agreements, the best connected actor at `maxRadius`.
        let maxRadius = max(6, min(16, side / Double(max(n, 1)).squareRoot() * 0.16))
        let counts = actors.map { site.treatiesOfActor[$0.id]?.count ?? 0 }
        let maxCount = Double(max(counts.max() ?? 1, 1))
        var nodes = zip(actors, counts).map { actor, count in
            NetworkDrawing.Node(actor: actor, position: SVGPoint(side / 2, side / 2),
                                radius: 3.5 + (maxRadius - 3.5) * (Double(count) / maxCount).squareRoot(), count: count)
        }

        // Regions, sorted by name; actors without one last.
        let regions = Array(Set(actors.compactMap { $0.region?.isEmpty == false ? $0.region : nil })).sorted()
        var regionIndex: [String: Int] = [:]
        for (i, region) in regions.enumerated() { regionIndex[region] = i }
        let groups = actors.map { actor in actor.region.flatMap { regionIndex[$0] } ?? regions.count }
        let compactGroups: [Int] = {
            // Renumber so that only groups with members count (actors without a region may not exist).
            let used = Array(Set(groups)).sorted()
            var map: [Int: Int] = [:]
            for (i, g) in used.enumerated() { map[g] = i }
            return groups.map { map[$0]! }
        }()

        // Agreements: parties as node indices; weights between pairs (a bilateral agreement counts 1,
        // one among p parties 1/(p-1) for each pair, so big conventions do not collapse the picture).
        let treaties = site.treaties.sorted { $0.id < $1.id }
        var weights: [Int64: Double] = [:]
        var partyLists: [[Int]] = []
        for treaty in treaties {
            let parties = site.distinctParties(of: treaty).map { indexOf[$0]! }
            partyLists.append(parties)
            guard parties.count >= 2 else { continue }
            let share = parties.count == 2 ? 1 : 1 / Double(parties.count - 1)
            for i in 0..<parties.count {
                for j in (i + 1)..<parties.count {
                    let a = min(parties[i], parties[j]), b = max(parties[i], parties[j])
                    weights[Int64(a) * 1_000_000 + Int64(b), default: 0] += share
                }
            }
        }
        let edges = weights.keys.sorted().map { key in
            NetworkLayout.Edge(a: Int(key / 1_000_000), b: Int(key % 1_000_000), weight: weights[key]!.squareRoot())
        }

        let margin = maxRadius + 10
        var positions = NetworkLayout.forceDirected(count: n, groups: compactGroups, edges: edges, side: side, margin: margin)
        let bounds = (minX: margin, minY: margin, maxX: side - margin, maxY: side - margin)
        NetworkLayout.separate(&positions, radii: nodes.map(\.radius), movable: Array(repeating: true, count: n), gap: 6,
                             bounds: bounds)
        for i in 0..<n { nodes[i].position = positions[i] }

        // Marks: ended and unknown agreements first, so that those in force are drawn on top.
        var marks: [NetworkDrawing.Mark] = []
        for (t, treaty) in treaties.enumerated() where !partyLists[t].isEmpty {
            var mark = NetworkDrawing.Mark(treaty: treaty, parties: partyLists[t], totalParties: partyLists[t].count)
            if !mark.isEdge { mark.hub = NetworkDrawing.hubPosition(parties: mark.parties, nodes: nodes, salt: t) }
            marks.append(mark)
        }
        placeHubs(&marks, nodes: nodes, bounds: (4, 4, side - 4, side - 4))
        marks = drawingOrder(marks)

        // Crop the height to what is drawn (the layout fills the square only along its longer side).
        var top = side, bottom = 0.0
        for node in nodes {
            top = min(top, node.position.y - node.radius)
            bottom = max(bottom, node.position.y + node.radius)
        }
        for mark in marks {
            guard let hub = mark.hub else { continue }
            top = min(top, hub.y - NetworkDrawing.hubRadius)
            bottom = max(bottom, hub.y + NetworkDrawing.hubRadius)
        }
        let pad = 20.0
        let shift = pad - top
        let height = n == 0 ? 120 : max(160, bottom - top + 2 * pad)
        for i in nodes.indices { nodes[i].position.y += shift }
        for i in marks.indices { marks[i].hub?.y += shift }
        return Layout(nodes: nodes, marks: marks, width: side, height: height)
    }

    /// Moves hubs off nodes and off each other; nodes stay where they are.
    package static func placeHubs(_ marks: inout [NetworkDrawing.Mark], nodes: [NetworkDrawing.Node],
                          bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)) {
        let hubIndices = marks.indices.filter { marks[$0].hub != nil }
        guard !hubIndices.isEmpty else { return }
        var points = nodes.map(\.position) + hubIndices.map { marks[$0].hub! }
        let radii = nodes.map(\.radius) + Array(repeating: NetworkDrawing.hubRadius, count: hubIndices.count)
        let movable = Array(repeating: false, count: nodes.count) + Array(repeating: true, count: hubIndices.count)
        NetworkLayout.separate(&points, radii: radii, movable: movable, gap: 3, bounds: bounds, passes: 80)
        for (k, markIndex) in hubIndices.enumerated() { marks[markIndex].hub = points[nodes.count + k] }
    }

    /// Fainter statuses first, then by kind family and id, so that what is in force is on top.
    package static func drawingOrder(_ marks: [NetworkDrawing.Mark]) -> [NetworkDrawing.Mark] {
        func rank(_ mark: NetworkDrawing.Mark) -> Int {
            switch PictureStyle.StatusGroup(mark.treaty.status) {
            case .ended: 0
            case .unknown: 1
            case .suspended: 2
            case .pending: 3
            case .active: 4
            }
        }
        // Each status is derived once, and indices are sorted rather than marks, which hold a whole treaty.
        let keys = marks.map { (rank: rank($0), id: $0.treaty.id) }
        return marks.indices.sorted { (keys[$0].rank, keys[$0].id) < (keys[$1].rank, keys[$1].id) }.map { marks[$0] }
    }
}
