import EntenteModel
import EntenteSupport
import Foundation

/// A fingerprint of everything a build reads: every file under `Content/` and `Templates/` (by path, size
/// and modification time), the build's options, and the `entente` binary itself.
package enum InputFingerprint {
    package static func compute(siteDirectory: String, options: [String]) -> String {
        var hasher = StableHasher()
        for folder in ["Content", "Templates"] {
            let path = siteDirectory == "." ? folder : (siteDirectory as NSString).appendingPathComponent(folder)
            hasher.combine(folder)
            for (file, stamp) in FileStamp.scan(path, everyEntry: true).sorted(by: { $0.key < $1.key }) {
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
