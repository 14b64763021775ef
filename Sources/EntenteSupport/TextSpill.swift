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
        /// Kept open for as long as the store lives: it is the file's only name.
        var handle: FileHandle
        var end = 0
        /// The slices stored, by their text's hash value.
        var byHash: [Int: [Slice]] = [:]
    }

    private let state: Mutex<State>
    /// The file's descriptor, for reads from any thread without the lock: `pread` takes no shared file position,
    /// and a stored text is never written over.
    private let descriptor: Int32

    /// A new store, or nil when the temporary folder takes no file (the caller keeps its texts in memory).
    package init?() {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("entente-texts-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forUpdatingAtPath: path) else { return nil }
        // The open handle keeps the file; its name is not needed.
        try? FileManager.default.removeItem(atPath: path)
        descriptor = handle.fileDescriptor
        state = Mutex(State(handle: handle))
    }

    deinit {
        state.withLock { try? $0.handle.close() }
    }

    /// Stores `text` (unless an equal text is stored already) and tells where it is; nil when the file cannot take it.
    /// `hash` is a hash of the text's bytes (`String.bytesHash`), which callers often have already.
    package func store(_ text: String, hash: Int) -> Slice? {
        var text = text
        return text.withUTF8 { bytes in
            state.withLock { state -> Slice? in
                // Byte for byte: `==` on strings would take a text in another Unicode normal form for this one.
                for slice in state.byHash[hash] ?? [] where slice.length == bytes.count {
                    if withBytes(at: slice, { $0.count == 0 || memcmp($0.baseAddress!, bytes.baseAddress!, $0.count) == 0 }) == true {
                        return slice
                    }
                }
                guard write(bytes, at: state.end) else { return nil }
                let slice = Slice(offset: state.end, length: bytes.count)
                state.end += bytes.count
                state.byHash[hash, default: []].append(slice)
                return slice
            }
        }
    }

    /// Writes the whole of `bytes` at `offset`; false when the file cannot take them.
    private func write(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// The text stored at `slice`; nil when the file cannot be read.
    ///
    /// Read straight into the string's storage with one `pread`: through `FileHandle` (a seek, a read into `Data`,
    /// then a copy into a string) reading back 10,000 texts to look for a renamed treaty's name took 70 ms.
    package func text(at slice: Slice) -> String? {
        guard slice.length > 0 else { return "" }
        var complete = true
        let text = String(unsafeUninitializedCapacity: slice.length) { buffer in
            complete = read(slice, into: buffer.baseAddress!)
            return complete ? slice.length : 0
        }
        return complete ? text : nil
    }

    /// Lends the bytes stored at `slice` to `body`, read into a temporary buffer: no string is made (nor its UTF-8
    /// checked) for a text that is only looked through. Nil when the file cannot be read.
    package func withBytes<Result>(at slice: Slice, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(slice.length, 1)) { buffer in
            guard read(slice, into: buffer.baseAddress!) else { return nil }
            return body(UnsafeBufferPointer(rebasing: buffer[..<slice.length]))
        }
    }

    /// Lends `body` every text stored so far, mapped into memory rather than read: looking through thousands of
    /// texts then takes no system call and no copy per text (reading 10,000 back one by one took 36 ms). The mapping
    /// is undone when `body` returns, so the pages it touched do not stay in the process's memory. Nil when the file
    /// cannot be mapped.
    package func withStoredTexts<Result>(_ body: (StoredTexts) -> Result) -> Result? {
        let end = state.withLock { $0.end }
        guard end > 0 else { return body(StoredTexts(start: nil, end: 0)) }
        let mapped = mmap(nil, end, PROT_READ, MAP_SHARED, descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else { return nil }
        defer { munmap(mapped, end) }
        return body(StoredTexts(start: UnsafeRawPointer(mapped).assumingMemoryBound(to: UInt8.self), end: end))
    }

    /// The texts stored when `withStoredTexts` was called, valid only inside its closure.
    package struct StoredTexts {
        fileprivate let start: UnsafePointer<UInt8>?
        fileprivate let end: Int

        /// The bytes of the text at `slice`; nil when it was stored later.
        package func bytes(at slice: Slice) -> UnsafeBufferPointer<UInt8>? {
            guard slice.offset >= 0, slice.length >= 0, slice.offset + slice.length <= end else { return nil }
            guard let start else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: start + slice.offset, count: slice.length)
        }
    }

    /// Reads the whole of `slice` into `destination`; false when the file cannot be read.
    private func read(_ slice: Slice, into destination: UnsafeMutablePointer<UInt8>) -> Bool {
        var done = 0
        while done < slice.length {
            let count = pread(descriptor, destination + done, slice.length - done, off_t(slice.offset + done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }
}
