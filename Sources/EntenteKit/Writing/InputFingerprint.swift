import Foundation

/// A fingerprint of everything a build reads: every file under `Content/` and `Templates/` (by path, size
/// and modification time), the build's options, and the `entente` binary itself.
enum InputFingerprint {
    static func compute(siteDirectory: String, options: [String]) -> String {
        var hasher = StableHasher()
        for folder in ["Content", "Templates"] {
            let path = siteDirectory == "." ? folder : (siteDirectory as NSString).appendingPathComponent(folder)
            var entries: [(String, FileStamp)] = []
            let root = URL(fileURLWithPath: path)
            let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
            if let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) {
                while let url = enumerator.nextObject() as? URL {
                    guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                    entries.append((url.path, FileStamp(size: values.fileSize ?? -1, modified: values.contentModificationDate ?? .distantPast)))
                }
            }
            hasher.combine(folder)
            for (file, stamp) in entries.sorted(by: { $0.0 < $1.0 }) {
                hasher.combine(file)
                hasher.combine(UInt64(bitPattern: Int64(stamp.size)))
                hasher.combine(stamp.modified)
            }
        }
        for option in options { hasher.combine(option) }
        if let executable = Bundle.main.executablePath, let stamp = FileStamp.of(executable) {
            hasher.combine(executable)
            hasher.combine(UInt64(bitPattern: Int64(stamp.size)))
            hasher.combine(stamp.modified)
        }
        return hasher.hex
    }
}
