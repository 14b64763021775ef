/// RFC 8259 JSON, checked before a `.json` content file is decoded.
///
/// The fields are read by the YAML parser, and YAML is a superset of JSON: it accepts a trailing comma,
/// comments, single quotes and bare keys, which no other JSON reader does. Foundation's `JSONSerialization`
/// accepts a trailing comma too and reports no line or column, and no package on the machine's list checks JSON
/// strictly, so this is a recogniser of Entente's own: it builds no values, only finds the first problem.
package enum StrictJSON {
    package struct Problem: Equatable, Sendable {
        package var line: Int
        package var column: Int
        package var message: String
        package var suggestion: String?
    }

    /// How deep arrays and objects may nest before the text is refused (recursion stays bounded).
    static let maximumDepth = 512

    /// The first place where `text` is not JSON, or nil when it is JSON.
    package static func problem(in text: String) -> Problem? {
        let bytes = Array(text.utf8)
        var reader = Reader(bytes: bytes)
        do throws(Failure) {
            reader.skipWhitespace()
            try reader.value(depth: 0)
            reader.skipWhitespace()
            if reader.offset < bytes.count { throw Failure(offset: reader.offset, message: "unexpected text after the JSON value") }
            return nil
        } catch {
            let (line, column) = position(of: error.offset, in: bytes)
            return Problem(line: line, column: column, message: error.message + " (the file is read as JSON)",
                           suggestion: error.suggestion)
        }
    }

    /// 1-based line and column (in characters' Unicode scalars) of a byte offset.
    private static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private struct Failure: Error {
        var offset: Int
        var message: String
        var suggestion: String?
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
        }

        mutating func value(depth: Int) throws(Failure) {
            guard let byte = current else { throw Failure(offset: offset, message: "the text ends where a value should be") }
            switch byte {
            case UInt8(ascii: "{"): try object(depth: depth + 1)
            case UInt8(ascii: "["): try array(depth: depth + 1)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "'"):
                throw Failure(offset: offset, message: "a string in single quotes is not JSON", suggestion: "use double quotes")
            case UInt8(ascii: "/"), UInt8(ascii: "#"):
                throw Failure(offset: offset, message: "JSON has no comments", suggestion: "remove it, or write the file as YAML")
            default:
                throw Failure(offset: offset, message: "expected a value (a string in double quotes, a number, true, false, null, an object or a list)")
            }
        }

        private mutating func object(depth: Int) throws(Failure) {
            try checkDepth(depth)
            offset += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") { offset += 1; return }
            while true {
                guard current == UInt8(ascii: "\"") else {
                    if let byte = current, byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) {
                        throw Failure(offset: offset, message: "a key without double quotes is not JSON", suggestion: "write it as \"key\"")
                    }
                    throw Failure(offset: offset, message: "expected a key in double quotes")
                }
                try string()
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw Failure(offset: offset, message: "expected ':' after the key") }
                offset += 1
                skipWhitespace()
                try value(depth: depth)
                skipWhitespace()
                if current == UInt8(ascii: "}") { offset += 1; return }
                guard current == UInt8(ascii: ",") else { throw Failure(offset: offset, message: "expected ',' or '}' after the value") }
                let comma = offset
                offset += 1
                skipWhitespace()
                if current == UInt8(ascii: "}") {
                    throw Failure(offset: comma, message: "a comma before '}' is not JSON", suggestion: "remove the last comma")
                }
            }
        }

        private mutating func array(depth: Int) throws(Failure) {
            try checkDepth(depth)
            offset += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") { offset += 1; return }
            while true {
                try value(depth: depth)
                skipWhitespace()
                if current == UInt8(ascii: "]") { offset += 1; return }
                guard current == UInt8(ascii: ",") else { throw Failure(offset: offset, message: "expected ',' or ']' after the value") }
                let comma = offset
                offset += 1
                skipWhitespace()
                if current == UInt8(ascii: "]") {
                    throw Failure(offset: comma, message: "a comma before ']' is not JSON", suggestion: "remove the last comma")
                }
            }
        }

        private func checkDepth(_ depth: Int) throws(Failure) {
            if depth > StrictJSON.maximumDepth {
                throw Failure(offset: offset, message: "lists and objects nest more than \(StrictJSON.maximumDepth) levels")
            }
        }

        private mutating func string() throws(Failure) {
            let start = offset
            offset += 1
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    offset += 1
                    return
                case UInt8(ascii: "\\"):
                    offset += 1
                    guard let escaped = current else { break }
                    if escaped == UInt8(ascii: "u") {
                        for step in 1...4 {
                            guard offset + step < bytes.count, Self.isHexDigit(bytes[offset + step]) else {
                                throw Failure(offset: offset - 1, message: "'\\u' must be followed by four hexadecimal digits")
                            }
                        }
                        offset += 5
                    } else if Self.simpleEscapes.contains(escaped) {
                        offset += 1
                    } else {
                        throw Failure(offset: offset - 1, message: "'\\\(Character(Unicode.Scalar(escaped)))' is not a JSON escape",
                                      suggestion: "write a backslash as '\\\\'")
                    }
                case 0x00..<0x20:
                    throw Failure(offset: offset, message: "a line break or control character inside a string must be escaped",
                                  suggestion: "write a line break as '\\n'")
                default:
                    offset += 1
                }
            }
            throw Failure(offset: start, message: "this string is not closed", suggestion: "end it with '\"'")
        }

        private mutating func number() throws(Failure) {
            let start = offset
            if current == UInt8(ascii: "-") { offset += 1 }
            guard let first = current, Self.isDigit(first) else { throw Failure(offset: start, message: "a number needs digits") }
            offset += 1
            if first == UInt8(ascii: "0"), let next = current, Self.isDigit(next) {
                throw Failure(offset: start, message: "a JSON number has no leading zero", suggestion: "write dates and codes as strings, in double quotes")
            }
            if first != UInt8(ascii: "0") { while let byte = current, Self.isDigit(byte) { offset += 1 } }
            if current == UInt8(ascii: ".") {
                offset += 1
                guard let byte = current, Self.isDigit(byte) else { throw Failure(offset: offset, message: "a digit must follow the decimal point") }
                while let byte = current, Self.isDigit(byte) { offset += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                offset += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
                guard let byte = current, Self.isDigit(byte) else { throw Failure(offset: offset, message: "a digit must follow the exponent") }
                while let byte = current, Self.isDigit(byte) { offset += 1 }
            }
        }

        private mutating func literal(_ word: String) throws(Failure) {
            let expected = Array(word.utf8)
            guard offset + expected.count <= bytes.count, Array(bytes[offset..<(offset + expected.count)]) == expected else {
                throw Failure(offset: offset, message: "expected a value (a string in double quotes, a number, true, false, null, an object or a list)")
            }
            offset += expected.count
        }

        /// What may follow a backslash besides `u`.
        private static let simpleEscapes = Array("\"\\/bfnrt".utf8)

        private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        private static func isHexDigit(_ byte: UInt8) -> Bool {
            isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
        }
    }
}
