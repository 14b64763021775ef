import Foundation
import Synchronization

/// Texts kept in a file instead of in memory, each stored once: what a long-running preview holds for its next
/// rebuild but reads only when a page or a text is made again (every analysis's Markdown and HTML, over 200 MB on
/// a 10,000-analysis site).
///
/// The file is made in the temporary folder and removed from it at once: it lives as long as the store, and
/// nothing is left behind when the process ends, however it ends. A text stored again is found by its hash and
/// compared byte for byte, so equal texts get the same `Slice` and different ones never do: slices can be
/// compared instead of texts, and a file that grows with every edit grows only by what is new.
package final class TextSpill: Sendable {
    /// Where one text is in the file.
    package struct Slice: Hashable, Sendable {
        package let offset: Int
        package let length: Int

        package init(offset: Int, length: Int) {
            (self.offset, self.length) = (offset, length)
        }
    }

    private struct State {
        var handle: FileHandle
        var end = 0
        /// The slices stored, by their text's hash value.
        var byHash: [Int: [Slice]] = [:]
    }

    private let state: Mutex<State>

    /// A new store, or nil when the temporary folder takes no file (the caller keeps its texts in memory).
    package init?() {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("entente-texts-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forUpdatingAtPath: path) else { return nil }
        // The open handle keeps the file; its name is not needed.
        try? FileManager.default.removeItem(atPath: path)
        state = Mutex(State(handle: handle))
    }

    deinit {
        state.withLock { try? $0.handle.close() }
    }

    /// Stores `text` (unless an equal text is stored already) and tells where it is; nil when the file cannot take it.
    /// `hashValue` is the text's, when the caller has it already.
    package func store(_ text: String, hashValue: Int? = nil) -> Slice? {
        let hash = hashValue ?? text.hashValue
        let bytes = Data(text.utf8)
        return state.withLock { state -> Slice? in
            // Byte for byte: `==` on strings would take a text in another Unicode normal form for this one.
            for slice in state.byHash[hash] ?? [] where slice.length == bytes.count {
                if Self.read(slice, from: state.handle)?.utf8.elementsEqual(bytes) == true { return slice }
            }
            do {
                try state.handle.seek(toOffset: UInt64(state.end))
                try state.handle.write(contentsOf: bytes)
            } catch {
                return nil
            }
            let slice = Slice(offset: state.end, length: bytes.count)
            state.end += bytes.count
            state.byHash[hash, default: []].append(slice)
            return slice
        }
    }

    /// The text stored at `slice`; nil when the file cannot be read.
    package func text(at slice: Slice) -> String? {
        state.withLock { Self.read(slice, from: $0.handle) }
    }

    /// Reads straight into the string's storage with one `pread`: through `FileHandle` (a seek, a read into `Data`,
    /// then a copy into a string) reading back 10,000 texts to look for a renamed treaty's name took 70 ms.
    private static func read(_ slice: Slice, from handle: FileHandle) -> String? {
        guard slice.length > 0 else { return "" }
        let descriptor = handle.fileDescriptor
        var complete = true
        let text = String(unsafeUninitializedCapacity: slice.length) { buffer in
            var done = 0
            while done < slice.length {
                let count = pread(descriptor, buffer.baseAddress! + done, slice.length - done, off_t(slice.offset + done))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { complete = false; return 0 }
                done += count
            }
            return done
        }
        return complete ? text : nil
    }
}
