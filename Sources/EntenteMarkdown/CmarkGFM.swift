import EntenteModel
import EntenteSupport
import EntenteResolving
import CCmarkGFM
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Receives the links and plain text of a parsed document so they can be rewritten before rendering.
package protocol MarkdownRewriter {
    /// The new destination for a link written as `url` at `line`:`column` of the Markdown, or nil to keep it.
    mutating func destination(for url: String, line: Int, column: Int) -> String?
    /// Links to insert into a run of plain text (not inside a link, a heading or code), in order, without overlaps.
    mutating func links(in text: String, line: Int) -> [InsertedLink]
    /// An image at `line`:`column` has no alt text.
    mutating func imageWithoutAltText(line: Int, column: Int)
}

/// A link to insert over the UTF-8 byte range `range` of a text run.
package struct InsertedLink: Equatable {
    package var range: Range<Int>
    package var destination: String
    package var title: String?
}

/// The only place that touches cmark-gfm's C API: every pointer is created and freed in this file.
package enum CmarkGFM {
    /// Parsing is serialised: cmark-gfm 0.29's autolink and strikethrough extensions toggle a process-wide
    /// character table while parsing, so two parsers on two threads corrupt each other's output
    /// (cmark-gfm PR #176). Rendering a parsed tree touches no shared state and runs in parallel.
    private static let parseLock = NSLock()

    /// Extension registration is not thread-safe either; a static `let` runs exactly once.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// The version of the cmark-gfm library linked in (`0.29.0.gfm.6`).
    package static var libraryVersion: String { String(cString: cmark_version_string()) }

    /// Renders GitHub-flavoured Markdown to HTML, letting `rewriter` change links and link plain text.
    ///
    /// Raw HTML and `javascript:`-style URLs are dropped unless `allowRawHTML` is set.
    /// When the text uses level-1 headings, every heading moves down a level: the page owns the `<h1>`.
    package static func renderHTML(_ markdown: String, allowRawHTML: Bool, rewriter: inout some MarkdownRewriter) -> String {
        precondition(registered)
        var options = CMARK_OPT_FOOTNOTES
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }

        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var text = markdown
        parseLock.lock()
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let document = cmark_parser_finish(parser)
        parseLock.unlock()
        guard let document else { return "" }
        defer { cmark_node_free(document) }
        cmark_consolidate_text_nodes(document)
        rewrite(document, with: &rewriter)

        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private enum Visit {
        case link(OpaquePointer)
        case text(OpaquePointer)
    }

    private static func rewrite(_ document: OpaquePointer, with rewriter: inout some MarkdownRewriter) {
        var visits: [Visit] = []
        var headings: [OpaquePointer] = []
        var usesTopLevelHeading = false
        var insideLinkOrHeading = 0
        var lastBlockLine = 1
        var lines: [OpaquePointer: Int] = [:]
        do {
            guard let iterator = cmark_iter_new(document) else { return }
            defer { cmark_iter_free(iterator) }
            // The tree is only read while iterating; changing it would confuse the iterator.
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                let entering = event == CMARK_EVENT_ENTER
                if entering, cmark_node_get_start_line(node) > 0, type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK) {
                    lastBlockLine = Int(cmark_node_get_start_line(node))
                }
                switch type {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    if entering {
                        visits.append(.link(node))
                        insideLinkOrHeading += 1
                    } else {
                        insideLinkOrHeading -= 1
                    }
                case CMARK_NODE_HEADING:
                    if entering {
                        headings.append(node)
                        if cmark_node_get_heading_level(node) == 1 { usesTopLevelHeading = true }
                        insideLinkOrHeading += 1
                    } else {
                        insideLinkOrHeading -= 1
                    }
                case CMARK_NODE_TEXT where insideLinkOrHeading == 0:
                    visits.append(.text(node))
                default:
                    break
                }
                if entering, type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_TEXT {
                    let line = Int(cmark_node_get_start_line(node))
                    lines[node] = line > 0 ? line : lastBlockLine
                }
            }
        }
        if usesTopLevelHeading {
            for heading in headings {
                cmark_node_set_heading_level(heading, min(cmark_node_get_heading_level(heading) + 1, 6))
            }
        }
        for visit in visits {
            switch visit {
            case .link(let node):
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let column = Int(cmark_node_get_start_column(node))
                // An image's children are its alt text.
                if cmark_node_get_type(node) == CMARK_NODE_IMAGE, cmark_node_first_child(node) == nil {
                    rewriter.imageWithoutAltText(line: lines[node] ?? 1, column: column)
                }
                if let replacement = rewriter.destination(for: url, line: lines[node] ?? 1, column: column) {
                    cmark_node_set_url(node, replacement)
                }
            case .text(let node):
                guard let literal = cmark_node_get_literal(node) else { continue }
                let text = String(cString: literal)
                let inserted = rewriter.links(in: text, line: lines[node] ?? 1)
                guard !inserted.isEmpty else { continue }
                split(node, text: text, at: inserted)
            }
        }
    }

    /// Replaces a text node by text and link nodes: `before <a>match</a> between <a>match</a> after`.
    private static func split(_ node: OpaquePointer, text: String, at links: [InsertedLink]) {
        let bytes = Array(text.utf8)
        var position = 0
        func piece(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        for link in links {
            if link.range.lowerBound > position, let before = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(before, piece(position..<link.range.lowerBound))
                cmark_node_insert_before(node, before)
            }
            if let anchor = cmark_node_new(CMARK_NODE_LINK), let label = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_url(anchor, link.destination)
                if let title = link.title { cmark_node_set_title(anchor, title) }
                cmark_node_set_literal(label, piece(link.range))
                cmark_node_append_child(anchor, label)
                cmark_node_insert_before(node, anchor)
            }
            position = link.range.upperBound
        }
        cmark_node_set_literal(node, piece(position..<bytes.count))
    }
}
