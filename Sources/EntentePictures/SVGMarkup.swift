import EntenteModel
import EntenteResolving
/// Low-level helpers shared by every picture: XML escaping, number formatting and a string builder.
///
/// Everything here is deterministic: numbers are formatted by integer arithmetic (no locale, no
/// `String(format:)`), and nothing depends on hashing order.
package enum SVGText {
    /// Escapes text for XML content and attribute values (`&`, `<`, `>`, `"`, `'`) and drops the characters
    /// XML 1.0 does not allow at all (C0 controls other than tab, newline and carriage return, U+FFFE, U+FFFF),
    /// so that any name from content gives well-formed markup.
    package static func escape(_ text: String) -> String {
        let needsWork = text.unicodeScalars.contains { scalar in
            let v = scalar.value
            return v == 0x26 || v == 0x3C || v == 0x3E || v == 0x22 || v == 0x27 || !isAllowedInXML(v)
        }
        guard needsWork else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: result.append(contentsOf: "&amp;".unicodeScalars)
            case 0x3C: result.append(contentsOf: "&lt;".unicodeScalars)
            case 0x3E: result.append(contentsOf: "&gt;".unicodeScalars)
            case 0x22: result.append(contentsOf: "&quot;".unicodeScalars)
            case 0x27: result.append(contentsOf: "&#39;".unicodeScalars)
            case let v where !isAllowedInXML(v): continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether XML 1.0 allows the character at all (Swift strings never hold surrogates).
    package static func isAllowedInXML(_ value: UInt32) -> Bool {
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
        return value != 0xFFFE && value != 0xFFFF
    }

    /// A coordinate or length with at most two decimals, no trailing zeros, no exponent, never `-0`,
    /// `NaN` or `inf` (non-finite values become 0, huge ones are clamped).
    package static func num(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -1e12), 1e12)
        let scaled = (clamped * 100).rounded()
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        let hundredths = Int64(negative ? -scaled : scaled)
        var text = negative ? "-" : ""
        text += String(hundredths / 100)
        let fraction = hundredths % 100
        if fraction != 0 {
            text += "."
            if fraction < 10 { text += "0" + String(fraction) } else if fraction % 10 == 0 {
                text += String(fraction / 10)
            } else {
                text += String(fraction)
            }
        }
        return text
    }

    /// Shortens `text` to at most `limit` characters, ending with an ellipsis when cut.
    package static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        var cut = String(text.prefix(limit - 1))
        while cut.last?.isWhitespace == true { cut.removeLast() }
        return cut + "…"
    }

    /// An estimate of the width of `text` set in a sans-serif face at `fontSize`, for placing labels.
    /// Generous on purpose: a label estimated too wide only leaves some air.
    package static func textWidth(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x20: em += 0.3
            case 0x69, 0x6A, 0x6C, 0x2E, 0x2C, 0x27, 0x3A, 0x3B, 0x7C, 0x21, 0x49: em += 0.3
            case 0x6D, 0x77, 0x4D, 0x57: em += 0.9
            case 0x41...0x5A, 0x30...0x39: em += 0.68
            case 0x61...0x7A: em += 0.56
            case 0x1100...0x11FF, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x20000...0x3FFFD:
                em += 1.0
            case 0x0300...0x036F, 0x200B...0x200F: break
            default: em += 0.62
            }
        }
        return em * fontSize
    }

    /// Pluralises a count: `count(1, "actor")` is "1 actor", `count(3, "actor")` is "3 actors".
    package static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : (plural ?? singular + "s"))
    }
}

/// A point in the picture's user space.
package struct SVGPoint: Hashable, Sendable {
    package var x: Double
    package var y: Double

    package init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// Appends SVG markup to one string; every attribute value and text node goes through `SVGText.escape`.
package struct SVGWriter {
    package private(set) var text = ""
    /// Where `open` wrote ` role="img"`, as UTF-8 offsets, and whether a link has been written since.
    private var imageRole: Range<Int>?
    private var hasLinks = false

    package init(capacity: Int = 4096) {
        text.reserveCapacity(capacity)
    }

    package mutating func raw(_ markup: String) { text += markup }

    /// The root element: scales to its container's width, labelled for assistive technology. A picture is an
    /// image (`role="img"`) unless it holds links: then it keeps the SVG's own role, a graphics document whose
    /// links assistive technology reaches (`close` decides), because an image's children are hidden from it.
    mutating func open(id: String, width: Double, height: Double, classes: String, title: String, desc: String) {
        text += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGText.num(width)) \(SVGText.num(height))\""
        text += " width=\"100%\""
        let roleStart = text.utf8.count
        text += " role=\"img\""
        imageRole = roleStart..<text.utf8.count
        text += " aria-labelledby=\"\(id)-title \(id)-desc\" class=\"ent-pic \(classes)\">"
        text += "<title id=\"\(id)-title\">\(SVGText.escape(title))</title>"
        text += "<desc id=\"\(id)-desc\">\(SVGText.escape(desc))</desc>"
    }

    package mutating func close() {
        // Offsets, not a search: a search of the whole picture's text cost more than drawing it.
        if hasLinks, let role = imageRole {
            let utf8 = text.utf8
            text.removeSubrange(utf8.index(utf8.startIndex, offsetBy: role.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: role.upperBound))
        }
        text += "</svg>\n"
    }

    /// Opens a link to `href` with its tooltip; close with `closeLink()`.
    package mutating func openLink(_ href: String, title: String, classes: String? = nil, attributes: String = "") {
        hasLinks = true
        text += "<a href=\"\(SVGText.escape(href))\""
        if let classes { text += " class=\"\(classes)\"" }
        text += attributes + "><title>\(SVGText.escape(title))</title>"
    }

    package mutating func closeLink() { text += "</a>" }

    /// A group with a tooltip, for things that have no page of their own.
    package mutating func openGroup(classes: String, title: String?, attributes: String = "") {
        text += "<g class=\"\(classes)\"\(attributes)>"
        if let title { text += "<title>\(SVGText.escape(title))</title>" }
    }

    package mutating func closeGroup() { text += "</g>" }

    package mutating func line(_ a: SVGPoint, _ b: SVGPoint, classes: String) {
        text += "<line class=\"\(classes)\" x1=\"\(SVGText.num(a.x))\" y1=\"\(SVGText.num(a.y))\" x2=\"\(SVGText.num(b.x))\" y2=\"\(SVGText.num(b.y))\"/>"
    }

    package mutating func path(_ d: String, classes: String, attributes: String = "") {
        text += "<path class=\"\(classes)\"\(attributes) d=\"\(d)\"/>"
    }

    /// A marker shape centred on `center` (the centre is the translation, so it can be read back).
    package mutating func shape(_ shape: MarkShape, at center: SVGPoint, radius: Double, classes: String) {
        text += "<path class=\"\(classes)\" transform=\"translate(\(SVGText.num(center.x)) \(SVGText.num(center.y)))\" d=\"\(shape.path(radius: radius))\"/>"
    }

    package mutating func rect(x: Double, y: Double, width: Double, height: Double, classes: String, attributes: String = "") {
        text += "<rect class=\"\(classes)\"\(attributes) x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(max(width, 0)))\" height=\"\(SVGText.num(max(height, 0)))\"/>"
    }

    package enum Anchor: String {
        case start, middle, end
    }

    package mutating func label(_ content: String, at point: SVGPoint, anchor: Anchor = .start, classes: String = "ent-label",
                        attributes: String = "") {
        text += "<text class=\"\(classes)\"\(attributes) x=\"\(SVGText.num(point.x))\" y=\"\(SVGText.num(point.y))\""
        if anchor != .start { text += " text-anchor=\"\(anchor.rawValue)\"" }
        text += ">\(SVGText.escape(content))</text>"
    }
}

/// Sine and cosine from basic arithmetic only, so that layouts are bit-for-bit the same on every platform
/// (the C library's `sin` and `cos` may differ in the last bit between systems).
package enum PictureTrig {
    /// The sine and cosine of `turns` full turns (1 turn = 360°).
    package static func sinCos(turns: Double) -> (sin: Double, cos: Double) {
        guard turns.isFinite else { return (0, 1) }
        let quarters = (turns - turns.rounded(.down)) * 4
        let quadrant = quarters.rounded()
        let f = (quarters - quadrant) * (Double.pi / 2)  // in [-π/4, π/4]
        let f2 = f * f
        let s = f * (1 + f2 * (-1.0 / 6 + f2 * (1.0 / 120 + f2 * (-1.0 / 5040 + f2 * (1.0 / 362_880
            + f2 * (-1.0 / 39_916_800 + f2 * (1.0 / 6_227_020_800)))))))
        let c = 1 + f2 * (-0.5 + f2 * (1.0 / 24 + f2 * (-1.0 / 720 + f2 * (1.0 / 40320
            + f2 * (-1.0 / 3_628_800 + f2 * (1.0 / 479_001_600 + f2 * (-1.0 / 87_178_291_200)))))))
        switch Int(quadrant) % 4 {
        case 0: return (s, c)
        case 1: return (c, -s)
        case 2: return (-s, -c)
        default: return (-c, s)
        }
    }

    /// The point at `radius` from `center`, `turns` clockwise from straight up (SVG's y axis points down).
    package static func polar(_ center: SVGPoint, radius: Double, turns: Double) -> SVGPoint {
        let (s, c) = sinCos(turns: turns)
        return SVGPoint(center.x + radius * s, center.y - radius * c)
    }
}
