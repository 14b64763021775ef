import Foundation

/// A file's size and modification time: enough to tell, without reading it, that a file was not touched.
public struct FileStamp: Hashable, Sendable {
    public var size: Int
    /// The modification time's exact bits, so that a stamp written to text reads back equal.
    public var modified: UInt64

    public init(size: Int, modified: Date) {
        self.size = size
        self.modified = modified.timeIntervalSince1970.bitPattern
    }

    init(size: Int, modifiedBits: UInt64) {
        self.size = size
        self.modified = modifiedBits
    }

    /// Every regular file under `folder` (recursively) by its absolute path, with its stamp, read with the
    /// listing itself: one look per file. An absent folder has no files.
    ///
    /// With `everyEntry`, folders, links, FIFOs and devices are listed too (with size -1), so that a
    /// fingerprint changes when one appears where a content file is expected.
    public static func scan(_ folder: String, everyEntry: Bool = false) -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        let keys: Set<URLResourceKey> = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        let root = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: Array(keys)) else { return result }
        while let url = enumerator.nextObject() as? URL {
            let values = try? url.resourceValues(forKeys: keys)
            guard values?.isRegularFile == true || everyEntry else { continue }
            result[url.standardizedFileURL.path] = FileStamp(size: values?.isRegularFile == true ? values?.fileSize ?? -1 : -1,
                                                             modified: values?.contentModificationDate ?? .distantPast)
        }
        return result
    }

    /// The stamp of the file at `path`, or nil when there is none.
    public static func of(_ path: String) -> FileStamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date else { return nil }
        return FileStamp(size: size, modified: modified)
    }
}

/// FNV-1a, 64 bits: a hash that is the same in every process (Swift's `Hasher` is seeded per run).
struct StableHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 { combine(byte) }
        combine(UInt8(0))
    }

    mutating func combine(_ number: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { combine(UInt8(truncatingIfNeeded: number >> UInt64(shift))) }
    }

    mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    var hex: String { String(value, radix: 16) }
}
