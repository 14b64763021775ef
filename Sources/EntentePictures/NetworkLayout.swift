import EntenteModel
import EntenteResolving
/// Deterministic node placement for the network pictures.
///
/// Only `+ - * /` and `sqrt` are used (and `PictureTrig`, built from them), every loop runs in index order and
/// nothing iterates a dictionary, so the same input gives the same coordinates on every run and platform.
package enum NetworkLayout {
    /// An undirected weighted edge between node indices.
    package struct Edge: Sendable {
        package var a: Int
        package var b: Int
        package var weight: Double
    }

    /// The largest number of node pairs × iterations the force simulation may cost: 250 nodes get the full
    /// 300 iterations (9.3 M pair steps); bigger graphs get fewer iterations, never fewer than 12.
    package static let pairStepBudget = 10_000_000
    package static let maximumIterations = 300
    package static let minimumIterations = 12

    package static func iterations(forNodes n: Int) -> Int {
        let pairs = max(n * (n - 1) / 2, 1)
        return min(maximumIterations, max(minimumIterations, pairStepBudget / pairs))
    }

    /// Fruchterman–Reingold force-directed placement in a `side × side` square.
    ///
    /// Nodes start grouped by `groups` (regions): each group gets a sector of a circle, proportional to its
    /// size, and its members a small sunflower spiral there, in index order. Then a fixed number of
    /// iterations with linear cooling: every pair repels (k²/d), edges attract (d²/k × weight), and a weak
    /// pull toward the centre keeps isolated nodes and small components from drifting off.
    /// The result is scaled to fit `side` minus `margin` on every side.
    package static func forceDirected(count n: Int, groups: [Int], edges: [Edge], side: Double, margin: Double,
                              iterations: Int? = nil) -> [SVGPoint] {
        guard n > 0 else { return [] }
        let center = SVGPoint(side / 2, side / 2)
        guard n > 1 else { return [center] }
        var xs = [Double](repeating: 0, count: n)
        var ys = [Double](repeating: 0, count: n)

        // Initial positions: groups around a circle, members in a sunflower around their group's centre.
        let groupCount = (groups.max() ?? 0) + 1
        var members = [[Int]](repeating: [], count: groupCount)
        for node in 0..<n { members[groups[node]].append(node) }
        var placed = 0
        for group in 0..<groupCount where !members[group].isEmpty {
            let size = members[group].count
            let middle = (Double(placed) + Double(size) / 2) / Double(n)
            placed += size
            let groupCenter = groupCount == 1 ? center : PictureTrig.polar(center, radius: side * 0.3, turns: middle)
            let spread = side * (groupCount == 1 ? 0.4 : 0.3 * (Double(size) / Double(n)).squareRoot() + 0.02)
            for (j, node) in members[group].enumerated() {
                let p = PictureTrig.polar(groupCenter, radius: spread * ((Double(j) + 0.5) / Double(size)).squareRoot(),
                                   turns: Double(j) * 0.3819660112501051)
                xs[node] = p.x
                ys[node] = p.y
            }
        }

        let k = (side * side / Double(n)).squareRoot() * 0.6
        let k2 = k * k
        // Balances the repulsion of the whole graph on an isolated node at about 0.45 × side from the centre.
        let gravity = 4 / side
        let rounds = iterations ?? Self.iterations(forNodes: n)
        let startTemperature = side * 0.08
        var dx = [Double](repeating: 0, count: n)
        var dy = [Double](repeating: 0, count: n)
        for round in 0..<rounds {
            for i in 0..<n {
                dx[i] = 0
                dy[i] = 0
            }
            for i in 0..<n {
                let xi = xs[i], yi = ys[i]
                var fx = 0.0, fy = 0.0
                for j in (i + 1)..<n {
                    var ex = xi - xs[j]
                    var ey = yi - ys[j]
                    var d2 = ex * ex + ey * ey
                    if d2 < 1e-6 {
                        // Coincident nodes: push apart along a direction that depends on the pair only.
                        ex = 0.01 * Double(1 + (i + 2 * j) % 7) - 0.035
                        ey = 0.01 * Double(1 + (3 * i + j) % 5) - 0.025
                        if ex == 0 && ey == 0 { ex = 0.01 }
                        d2 = ex * ex + ey * ey
                    }
                    let f = k2 / d2
                    fx += ex * f
                    fy += ey * f
                    dx[j] -= ex * f
                    dy[j] -= ey * f
                }
                dx[i] += fx
                dy[i] += fy
            }
            for edge in edges {
                let ex = xs[edge.a] - xs[edge.b]
                let ey = ys[edge.a] - ys[edge.b]
                let d = (ex * ex + ey * ey).squareRoot()
                let f = d / k * edge.weight
                dx[edge.a] -= ex * f
                dy[edge.a] -= ey * f
                dx[edge.b] += ex * f
                dy[edge.b] += ey * f
            }
            let temperature = startTemperature * (1 - Double(round) / Double(rounds)) + side * 0.002
            for i in 0..<n {
                let gx = (xs[i] - center.x), gy = (ys[i] - center.y)
                let gd = (gx * gx + gy * gy).squareRoot()
                dx[i] -= gx * gd * gravity
                dy[i] -= gy * gd * gravity
                let length = (dx[i] * dx[i] + dy[i] * dy[i]).squareRoot()
                guard length > 0, length.isFinite else { continue }
                let step = min(length, temperature)
                xs[i] += dx[i] / length * step
                ys[i] += dy[i] / length * step
            }
        }
        return fit(zip(xs, ys).map { SVGPoint($0, $1) }, side: side, margin: margin)
    }

    /// Scales and centres `points` uniformly into `[margin, side - margin]²`.
    package static func fit(_ points: [SVGPoint], side: Double, margin: Double) -> [SVGPoint] {
        guard let first = points.first else { return [] }
        var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
        for p in points {
            minX = min(minX, p.x)
            maxX = max(maxX, p.x)
            minY = min(minY, p.y)
            maxY = max(maxY, p.y)
        }
        let available = side - 2 * margin
        let extent = max(maxX - minX, maxY - minY)
        let scale = extent > 1e-9 ? available / extent : 0
        let offsetX = margin + (available - (maxX - minX) * scale) / 2
        let offsetY = margin + (available - (maxY - minY) * scale) / 2
        return points.map { SVGPoint(offsetX + ($0.x - minX) * scale, offsetY + ($0.y - minY) * scale) }
    }

    /// Pushes overlapping nodes apart until every two centres are at least `radii[i] + radii[j] + gap` apart
    /// (or `passes` run out), keeping every centre inside `bounds`. Nodes that are not `movable` stay put.
    ///
    /// Neighbours are found through a uniform grid, so a pass costs about O(n); pairs are visited in index
    /// order and moves applied at once, which keeps the result deterministic.
    package static func separate(_ points: inout [SVGPoint], radii: [Double], movable: [Bool], gap: Double,
                         bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double), passes: Int = 60) {
        let n = points.count
        guard n > 1 else { return }
        let cell = max((radii.max() ?? 1) * 2 + gap, 1)
        var grid = CellGrid()
        for pass in 0..<passes {
            grid.fill(points, cell: cell)
            var moved = false
            for i in 0..<n {
                let cx = grid.column[i], cy = grid.row[i]
                for ox in -1...1 {
                    for oy in -1...1 {
                        for k in grid.memberPositions(column: cx + ox, row: cy + oy) {
                            let j = grid.order[k]
                            guard j > i else { continue }
                            guard movable[i] || movable[j] else { continue }
                            var ex = points[j].x - points[i].x
                            var ey = points[j].y - points[i].y
                            let minimum = radii[i] + radii[j] + gap
                            var d = (ex * ex + ey * ey).squareRoot()
                            guard d < minimum else { continue }
                            if d < 1e-6 {
                                let direction = PictureTrig.polar(SVGPoint(0, 0), radius: 1,
                                                           turns: Double((i * 7 + j * 13 + pass) % 32) / 32)
                                ex = direction.x
                                ey = direction.y
                                d = 1e-6
                            } else {
                                ex /= d
                                ey /= d
                            }
                            let push = minimum - d
                            let shareI = movable[i] ? (movable[j] ? 0.5 : 1) : 0
                            let shareJ = movable[j] ? (movable[i] ? 0.5 : 1) : 0
                            points[i].x -= ex * push * shareI
                            points[i].y -= ey * push * shareI
                            points[j].x += ex * push * shareJ
                            points[j].y += ey * push * shareJ
                            moved = true
                        }
                    }
                }
            }
            for i in 0..<n where movable[i] {
                points[i].x = min(max(points[i].x, bounds.minX), bounds.maxX)
                points[i].y = min(max(points[i].y, bounds.minY), bounds.maxY)
            }
            if !moved { break }
        }
    }

    /// The uniform grid of `separate`, rebuilt each pass: a counting sort of node indices by cell into one
    /// flat array, so a pass allocates nothing after the first and hashes nothing. Within a cell, indices stay
    /// in ascending order.
    package struct CellGrid {
        package private(set) var column: [Int] = []
        package private(set) var row: [Int] = []
        private var minColumn = 0, minRow = 0, columns = 0, rows = 0
        /// `start[c] ..< start[c + 1]` are the positions in `order` of the nodes in cell `c`.
        private var start: [Int] = []
        package private(set) var order: [Int] = []
        /// More cells than this means the points are spread absurdly wide; such grids are coarsened.
        private static let maximumCells = 1 << 20

        package mutating func fill(_ points: [SVGPoint], cell: Double) {
            let n = points.count
            column.removeAll(keepingCapacity: true)
            row.removeAll(keepingCapacity: true)
            for p in points {
                column.append(Self.index(p.x / cell))
                row.append(Self.index(p.y / cell))
            }
            minColumn = column.min() ?? 0
            minRow = row.min() ?? 0
            columns = (column.max() ?? 0) - minColumn + 1
            rows = (row.max() ?? 0) - minRow + 1
            if columns.multipliedReportingOverflow(by: rows).overflow || columns * rows > Self.maximumCells {
                // Merge cells into at most maximumCells; neighbours are still found, with more pairs tested.
                let factor = Int((Double(columns) * Double(rows) / Double(Self.maximumCells)).squareRoot()) + 1
                for i in 0..<n {
                    column[i] = (column[i] - minColumn) / factor
                    row[i] = (row[i] - minRow) / factor
                }
                minColumn = 0
                minRow = 0
                columns = (column.max() ?? 0) + 1
                rows = (row.max() ?? 0) + 1
            }
            start = [Int](repeating: 0, count: columns * rows + 1)
            for i in 0..<n { start[cellIndex(column[i], row[i]) + 1] += 1 }
            for c in 0..<(columns * rows) { start[c + 1] += start[c] }
            order = [Int](repeating: 0, count: n)
            var next = start
            for i in 0..<n {
                let c = cellIndex(column[i], row[i])
                order[next[c]] = i
                next[c] += 1
            }
        }

        /// Where the node indices of a cell are in `order` (ascending there); empty outside the grid.
        /// A range rather than a slice: the pass asks nine times per node, and a slice holds on to the array.
        package func memberPositions(column c: Int, row r: Int) -> Range<Int> {
            guard c >= minColumn, c < minColumn + columns, r >= minRow, r < minRow + rows else { return 0..<0 }
            let index = cellIndex(c, r)
            return start[index]..<start[index + 1]
        }

        private func cellIndex(_ c: Int, _ r: Int) -> Int { (r - minRow) * columns + (c - minColumn) }

        private static func index(_ value: Double) -> Int {
            let cell = value.rounded(.down)
            // Far-off or non-finite coordinates share the outermost cells rather than trapping.
            return cell.isFinite ? Int(min(max(cell, -1e9), 1e9)) : 0
        }
    }
}
