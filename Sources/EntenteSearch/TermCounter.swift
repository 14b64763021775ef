#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts terms given as UTF-8 bytes, making a string only for each distinct term: the text of every analysis is
/// counted once per build, and a dictionary keyed by strings made and hashed a string for every word.
struct TermCounter {
    private struct Entry {
        var hash: UInt64
        var start: Int
        var length: Int
        var count: Int
    }

    /// The distinct terms' bytes, one after another.
    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Open addressing: each slot holds an index into `entries` plus one, 0 when empty. Its count is a power of
    /// two, kept at least twice the number of entries.
    private var slots: [Int32] = Array(repeating: 0, count: 256)

    mutating func add(_ term: UnsafeBufferPointer<UInt8>) {
        let hash = Self.hash(term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if entries[index].hash == hash, matches(entries[index], term) {
                entries[index].count += 1
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(entries.count + 1)
        entries.append(Entry(hash: hash, start: bytes.count, length: term.count, count: 1))
        bytes.append(contentsOf: term)
        if entries.count * 2 > slots.count { grow() }
    }

    /// Every distinct term with how often it was added, in the order they first came.
    func counts() -> [(term: String, count: Int)] {
        bytes.withUnsafeBufferPointer { all in
            entries.map { (String(decoding: UnsafeBufferPointer(rebasing: all[$0.start..<$0.start + $0.length]), as: UTF8.self), $0.count) }
        }
    }

    private func matches(_ entry: Entry, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        guard entry.length == term.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            entry.length == 0 || memcmp(all.baseAddress! + entry.start, term.baseAddress!, entry.length) == 0
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// FNV-1a, finished with a multiply so that the low bits, which pick the slot, depend on every byte.
    private static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (hash ^ (hash >> 29)) &* 0xbf58_476d_1ce4_e5b9
    }
}
