import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a plan's bytes so that nothing the user has is lost (CONTRACT §4).
///
/// Normally a temporary file in the same folder is written, flushed, given the plan's
/// mode, owner and group, checked against the plan once more and renamed over it: a
/// reader or a crash sees the old file or the new one. Where a new file cannot be the
/// same file to its users — the plan has several hard links, or its owner or group
/// cannot be given to a new file (a group member marking a team plan), or the folder
/// is not writable — the changed bytes are written into the plan itself instead, as
/// vim's `backupcopy=auto` does, after the same last check.
enum PlanWriter {
    /// False when the plan no longer holds `snapshot` (another program saved it): then
    /// nothing was written and the caller re-reads and re-applies.
    static func replace(_ target: String, name: String, with bytes: [UInt8], ifStill snapshot: FileSnapshot) throws(PlanError) -> Bool {
        var info = stat()
        guard stat(target, &info) == 0 else { throw .missing(path: name) }
        let folder = (target as NSString).deletingLastPathComponent
        if info.st_nlink <= 1, let temporary = try temporaryCopy(of: bytes, in: folder, like: info, name: name) {
            guard stillHolds(target, snapshot, name: name) else {
                unlink(temporary)
                return false
            }
            guard rename(temporary, target) == 0 else {
                let reason = FileIO.errorText()
                unlink(temporary)
                throw .unwritable(path: name, reason: reason)
            }
            syncFolder(folder)
            return true
        }
        guard stillHolds(target, snapshot, name: name) else { return false }
        try writeInPlace(bytes, over: snapshot.bytes, at: target, name: name)
        return true
    }

    /// Refuses a plan the user may not write, whatever its folder allows.
    static func checkWritable(_ target: String, name: String) throws(PlanError) {
        guard faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) != 0 else { return }
        switch errno {
        case EACCES, EPERM: throw .readOnly(path: name)
        case ENOENT: throw .missing(path: name)
        default: throw .unwritable(path: name, reason: FileIO.errorText())
        }
    }

    private static func stillHolds(_ target: String, _ snapshot: FileSnapshot, name: String) -> Bool {
        guard let now = try? FileIO.readOnce(target, name: name) else { return false }
        return now == snapshot
    }

    /// A flushed copy with the plan's mode, owner and group; nil where the folder takes
    /// no new file or the owner or group cannot be kept (then the write goes in place).
    private static func temporaryCopy(of bytes: [UInt8], in folder: String, like info: stat, name: String) throws(PlanError) -> String? {
        // Short: a plan whose own name is near the 255-byte limit can still be written.
        let temporary = "\(folder)/.pt\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EACCES || errno == EPERM || errno == EEXIST { return nil }
            throw .unwritable(path: name, reason: "cannot create a file in \(folder): \(FileIO.errorText())")
        }
        var failure: String?
        if !writeAll(bytes, to: fd, at: 0) { failure = FileIO.errorText() }
        var kept = false
        if failure == nil {
            var made = stat()
            _ = fchown(fd, info.st_uid, info.st_gid)
            _ = fchmod(fd, info.st_mode & 0o7777)
            kept = fstat(fd, &made) == 0 && made.st_uid == info.st_uid && made.st_gid == info.st_gid
                && made.st_mode & 0o7777 == info.st_mode & 0o7777
            if kept && fsync(fd) != 0 { failure = FileIO.errorText() }
        }
        close(fd)
        if let failure {
            unlink(temporary)
            throw .unwritable(path: name, reason: failure)
        }
        guard kept else {
            unlink(temporary)
            return nil
        }
        return temporary
    }

    /// Writes only from the first byte that differs, then sets the length and flushes.
    private static func writeInPlace(_ bytes: [UInt8], over old: [UInt8], at target: String, name: String) throws(PlanError) {
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == EACCES || errno == EPERM { throw .readOnly(path: name) }
            throw .unwritable(path: name, reason: FileIO.errorText())
        }
        defer { close(fd) }
        var first = 0
        while first < min(bytes.count, old.count) && bytes[first] == old[first] { first += 1 }
        guard writeAll(Array(bytes[first...]), to: fd, at: first),
              ftruncate(fd, off_t(bytes.count)) == 0, fsync(fd) == 0 else {
            throw .unwritable(path: name, reason: FileIO.errorText())
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, at offset: Int) -> Bool {
        var written = 0
        return bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = pwrite(fd, buffer.baseAddress! + written, buffer.count - written, off_t(offset + written))
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += n
            }
            return true
        }
    }

    private static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
