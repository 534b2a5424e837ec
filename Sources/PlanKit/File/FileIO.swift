import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls behind reading and atomically replacing a plan.
enum FileIO {
    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// The whole file, or the error a user can act on (missing, a directory, unreadable).
    static func read(_ path: String) throws(PlanError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missing(path: path) }
            throw .unreadable(path: path, reason: errorText())
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .notAFile(path: path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: errorText()) }
        defer { close(fd) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(max(info.st_size, 0)) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: errorText())
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
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

    /// Replaces `path`'s contents with `bytes` so that a reader (or a crash) sees the
    /// old file or the new one, never a mix: a temporary file in the same folder,
    /// written, flushed, given the old mode, and renamed over the target.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(PlanError) {
        let target = try resolvedTarget(path)
        var info = stat()
        guard stat(target, &info) == 0 else { throw .unwritable(path: path, reason: errorText()) }
        let folder = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        let temporary = "\(folder)/.\(base).plantrack-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .unwritable(path: path, reason: "cannot create a file in \(folder): \(errorText())") }
        var failure: String?
        var written = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errorText()
                    return
                }
                written += n
            }
        }
        if failure == nil {
            _ = fchmod(fd, info.st_mode & 0o7777)
            _ = fchown(fd, info.st_uid, info.st_gid)
            if fsync(fd) != 0 { failure = errorText() }
        }
        close(fd)
        if failure == nil && rename(temporary, target) != 0 { failure = errorText() }
        if let failure {
            unlink(temporary)
            throw .unwritable(path: path, reason: failure)
        }
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
    }
}
