import Foundation

extension StringProtocol {
    /// Whether the text holds `needle`, byte for byte. Discovery asks this of every string of
    /// every serverless file; Foundation's `contains`, which bridges each to NSString, was a
    /// fifth of a probe's CPU.
    func holds(_ needle: String) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ Self.search($0, for: needle) }) { return found }
        var copy = String(self)
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { Self.search($0, for: needle) } ?? false
    }

    /// The first byte by `memchr`, the rest by `memcmp` (glibc's `memmem` is not in Swift's Glibc module).
    private static func search(_ text: UnsafeBufferPointer<UInt8>, for needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { wanted in
            guard let first = wanted.first else { return true }
            guard let base = text.baseAddress, text.count >= wanted.count else { return false }
            var offset = 0
            let last = text.count - wanted.count
            while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + position, wanted.baseAddress!, wanted.count) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }
}
