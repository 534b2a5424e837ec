#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the answer of `git cat-file --batch` from its pipe: for each object asked, in
/// order, `<sha> <type> <size>\n<bytes>\n`, or `<name> missing\n`. Each object's bytes
/// are read straight into their own array: a long history is tens of megabytes, and
/// collecting the whole answer first, then copying each object out of it, cost more
/// than git took to write it.
struct CatFileBatch {
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0, end = 0

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The contents of each object, nil where git had none. Reads the pipe to its end,
    /// so git is never left blocked on it.
    static func contents(readingFrom descriptor: Int32, count: Int) -> [[UInt8]?] {
        var reader = CatFileBatch(descriptor: descriptor)
        var results: [[UInt8]?] = []
        results.reserveCapacity(count)
        while results.count < count, let header = reader.line() {
            let fields = header.split(separator: 0x20)
            guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)) else {
                results.append(nil)
                continue
            }
            guard let bytes = reader.bytes(size), reader.bytes(1) != nil else { break }  // the object, then a newline
            results.append(bytes)
        }
        while reader.fill() { reader.start = reader.end }
        while results.count < count { results.append(nil) }
        return results
    }

    /// The next line without its newline; nil at the end of the answer.
    private mutating func line() -> [UInt8]? {
        var searchedUpTo = start  // no newline before it
        while true {
            if let newline = buffer[searchedUpTo..<end].firstIndex(of: 0x0A) {
                defer { start = newline + 1 }
                return Array(buffer[start..<newline])
            }
            let searched = end - start
            guard fill() else { return nil }
            searchedUpTo = start + searched
        }
    }

    /// The next `count` bytes; nil when the answer ends before them. A large object is
    /// read from the pipe into its array, past the buffer.
    private mutating func bytes(_ count: Int) -> [UInt8]? {
        if count < buffer.count / 4 {
            while end - start < count { guard fill() else { return nil } }
            defer { start += count }
            return Array(buffer[start..<start + count])
        }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
            let buffered = min(count, end - start)
            buffer.withUnsafeBufferPointer { source in
                _ = target.initialize(fromContentsOf: source[start..<start + buffered])
            }
            start += buffered
            initialized = buffered
            while initialized < count {
                let read = Self.readSome(descriptor, into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: target[initialized...])))
                guard read > 0 else { break }
                initialized += read
            }
            complete = initialized == count
        }
        return complete ? bytes : nil
    }

    /// Reads more into the buffer after what it holds (moved to its front); false at the end.
    private mutating func fill() -> Bool {
        if start > 0 {
            let kept = end - start, from = start
            buffer.withUnsafeMutableBytes { raw in
                if kept > 0 { raw.baseAddress!.copyMemory(from: raw.baseAddress! + from, byteCount: kept) }
            }
            end = kept
            start = 0
        }
        guard end < buffer.count else { return false }
        let read = buffer.withUnsafeMutableBytes { Self.readSome(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: $0[end...])) }
        guard read > 0 else { return false }
        end += read
        return true
    }

    private static func readSome(_ descriptor: Int32, into target: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = read(descriptor, target.baseAddress, target.count)
            if count >= 0 || errno != EINTR { return count }
        }
    }
}
