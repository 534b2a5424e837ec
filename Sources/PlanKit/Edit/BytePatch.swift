/// One replacement of bytes at a known offset, with the bytes it expects to find there:
/// a patch whose expectation fails is never applied (GitLab's task-list toggle check).
public struct BytePatch: Sendable, Equatable {
    public var offset: Int
    public var expected: [UInt8]
    public var replacement: [UInt8]

    public init(offset: Int, expected: [UInt8], replacement: [UInt8]) {
        self.offset = offset
        self.expected = expected
        self.replacement = replacement
    }

    /// Applies non-overlapping patches to `bytes`; nil if any expectation fails.
    public static func apply(_ patches: [BytePatch], to bytes: [UInt8]) -> [UInt8]? {
        let ordered = patches.sorted { $0.offset < $1.offset }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + ordered.reduce(0) { $0 + $1.replacement.count })
        var position = 0
        for patch in ordered {
            let end = patch.offset + patch.expected.count
            guard patch.offset >= position, end <= bytes.count,
                  bytes[patch.offset..<end].elementsEqual(patch.expected) else { return nil }
            out.append(contentsOf: bytes[position..<patch.offset])
            out.append(contentsOf: patch.replacement)
            position = end
        }
        out.append(contentsOf: bytes[position...])
        return out
    }
}
