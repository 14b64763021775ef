import EntenteModel
import EntenteSupport
import Foundation

/// What a build wrote, kept in a hidden file beside the output (`.Output.entente-manifest`): the
/// fingerprint of everything the build read, and the stamp of every file it wrote. When both still hold,
/// the output is up to date and a build has nothing to do. It lives beside the output, not in it, so that
/// the output itself stays byte-identical from build to build.
public struct OutputManifest: Equatable, Sendable {
    /// The fingerprint of the inputs (content, templates, options, the `entente` binary itself).
    public var inputs: String
    /// How many warnings the build that wrote it printed.
    public var warnings: Int
    /// Every file of the output by its path, with its stamp.
    public var files: [String: FileStamp]

    package static let header = "entente-output 1"

    public init(inputs: String, warnings: Int, files: [String: FileStamp]) {
        self.inputs = inputs
        self.warnings = warnings
        self.files = files
    }

    package var text: String {
        var text = "\(Self.header)\ninputs \(inputs)\nwarnings \(warnings)\n"
        // Appended into one string: a string per line, then joined, held the 658,000 lines of a
        // 100,000-analysis site three times over at the end of its build.
        text.reserveCapacity(text.utf8.count + files.count * 64)
        for path in files.keys.sorted() {
            let stamp = files[path]!
            text += String(stamp.size)
            text += "\t"
            text += String(stamp.modified, radix: 16)
            text += "\t"
            text += path
            text += "\n"
        }
        return text
    }

    package init?(text: String) {
        // Split by bytes: a split by characters (grapheme breaking) was most of reading 81,000 lines.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).lazy.map(Substring.init)[...]
        guard lines.popFirst() == Substring(Self.header),
              let inputsLine = lines.popFirst(), inputsLine.hasPrefix("inputs "),
              let warningsLine = lines.popFirst(), warningsLine.hasPrefix("warnings "),
              let warnings = Int(warningsLine.dropFirst("warnings ".count))
        else { return nil }
        var files: [String: FileStamp] = [:]
        for line in lines {
            let fields = line.utf8.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false).map(Substring.init)
            guard fields.count == 3, let size = Int(fields[0]), let bits = UInt64(fields[1], radix: 16) else { return nil }
            files[String(fields[2])] = FileStamp(size: size, modifiedBits: bits)
        }
        self.init(inputs: String(inputsLine.dropFirst("inputs ".count)), warnings: warnings, files: files)
    }

    /// Where the manifest of `outputDirectory` is kept.
    package static func path(beside outputDirectory: String) -> String {
        let absolute = URL(fileURLWithPath: outputDirectory).standardizedFileURL.path
        let parent = (absolute as NSString).deletingLastPathComponent
        return (parent as NSString).appendingPathComponent(".\((absolute as NSString).lastPathComponent).entente-manifest")
    }

    /// The manifest of an output folder, if it has a readable one.
    public static func read(beside outputDirectory: String) -> OutputManifest? {
        guard let data = FileManager.default.contents(atPath: path(beside: outputDirectory)) else { return nil }
        return OutputManifest(text: String(decoding: data, as: UTF8.self))
    }

    package func write(beside outputDirectory: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: Self.path(beside: outputDirectory)), options: .atomic)
    }

    package static func remove(beside outputDirectory: String) throws {
        let path = path(beside: outputDirectory)
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    }

    /// Whether every file listed is still in the output as written, and nothing else is.
    public func isIntact(in outputDirectory: String) -> Bool {
        Self.stamps(in: outputDirectory) == files
    }

    /// Every regular file under an output folder but its marker, by path from the folder, with its stamp.
    static func stamps(in outputDirectory: String) -> [String: FileStamp] {
        let prefix = URL(fileURLWithPath: outputDirectory).standardizedFileURL.path.utf8.count + 1
        var found: [String: FileStamp] = [:]
        for (path, stamp) in FileStamp.scan(outputDirectory) { found[String(Substring(path.utf8.dropFirst(prefix)))] = stamp }
        found[OutputWriter.markerName] = nil
        return found
    }
}
