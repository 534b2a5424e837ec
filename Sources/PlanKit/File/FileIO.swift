import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls behind reading a plan. Reads are checked against the file's own
/// size and modification time, so a read that races another program's save is seen
/// as such and retried (CONTRACT §4), never handed on half-written.
enum FileIO {
    /// Plans larger than this are refused: `/dev/zero` or a runaway log cannot make
    /// PlanTrack read forever or fill memory.
    static let sizeLimit = 256 << 20

    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// The whole file, once it has settled: a read during which the file changed size or
    /// time is retried; a file that reads empty, shorter than `previous` (the last read),
    /// or that was modified in the last moment (an editor may be between its truncate
    /// and its write) is read again a moment later and taken only if it stays so. Bytes
    /// equal to `previous` (what the caller already holds, e.g. what it wrote) need no
    /// second look.
    static func readSettled(_ path: String, name: String, previous: [UInt8]? = nil) throws(PlanError) -> FileSnapshot {
        let deadline = Date().addingTimeInterval(3)
        var last: FileSnapshot?
        while true {
            let read = try readOnce(path, name: name)
            if let read {
                if let previous, read.bytes == previous { return read }
                let suspicious = read.bytes.isEmpty || read.modifiedJustNow
                    || (previous.map { read.bytes.count < $0.count } ?? false)
                if !suspicious || read == last { return read }
                last = read
                pause(milliseconds: 40)
            } else {
                last = nil
                pause(milliseconds: 5)
            }
            if Date() > deadline {
                if let last { return last }
                throw .unsettled(path: name)
            }
        }
    }

    /// One read; nil when the file changed while it was read.
    static func readOnce(_ path: String, name: String) throws(PlanError) -> FileSnapshot? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missing(path: name) }
            throw .unreadable(path: name, reason: errorText())
        }
        try checkRegular(info, name: name)
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .unreadable(path: name, reason: errorText()) }
        defer { close(fd) }
        var before = stat()
        guard fstat(fd, &before) == 0 else { throw .unreadable(path: name, reason: errorText()) }
        try checkRegular(before, name: name)
        let bytes = try readAll(fd, name: name, expected: Int(before.st_size))
        var after = stat()
        guard fstat(fd, &after) == 0 else { throw .unreadable(path: name, reason: errorText()) }
        let snapshot = FileSnapshot(bytes: bytes, info: after)
        guard FileSnapshot(bytes: bytes, info: before).sameStat(as: snapshot), bytes.count == Int(after.st_size) else {
            return nil
        }
        return snapshot
    }

    private static func checkRegular(_ info: stat, name: String) throws(PlanError) {
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw .notAFile(path: name) }
        if type != S_IFREG { throw .notARegularFile(path: name) }
        if Int(info.st_size) > sizeLimit { throw .tooLarge(path: name, size: Int(info.st_size), limit: sizeLimit) }
    }

    private static func readAll(_ fd: Int32, name: String, expected: Int) throws(PlanError) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(max(expected, 0) + 1)
        // A chunk no bigger than the file needs (one byte more, to see the end in one read): a
        // fixed 1 MB one was zeroed, 256 pages faulted in, on every read of a small plan.
        var chunk = [UInt8](repeating: 0, count: expected > 0 ? min(expected + 1, 1 << 20) : 64 << 10)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: name, reason: errorText())
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > sizeLimit { throw .tooLarge(path: name, size: bytes.count, limit: sizeLimit) }
        }
        return bytes
    }

    /// Everything on standard input, for read-only commands given `--plan -`.
    static func readStandardInput() throws(PlanError) -> [UInt8] {
        try readAll(0, name: "-", expected: 0)
    }

    static func pause(milliseconds: Int) {
        usleep(useconds_t(milliseconds * 1000))
    }

    /// Where a write must go: the file a symlink points at, so the link survives.
    static func resolvedTarget(_ path: String) throws(PlanError) -> String {
        guard let resolved = realpath(path, nil) else {
            if errno == ENOENT { throw .missing(path: path) }
            throw .unwritable(path: path, reason: errorText())
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A file's bytes with the identity, size and time they were read at: what the last
/// check before a write compares against.
struct FileSnapshot: Equatable {
    var bytes: [UInt8]
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init(bytes: [UInt8], info: stat) {
        self.bytes = bytes
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }

    /// Modified less than 50 ms ago: another program may still be writing it.
    var modifiedJustNow: Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let age = (now.tv_sec - modifiedSeconds) * 1_000_000_000 + (now.tv_nsec - modifiedNanoseconds)
        return age < 50_000_000
    }

    func sameStat(as other: FileSnapshot) -> Bool {
        device == other.device && inode == other.inode && size == other.size
            && modifiedSeconds == other.modifiedSeconds && modifiedNanoseconds == other.modifiedNanoseconds
    }
}
