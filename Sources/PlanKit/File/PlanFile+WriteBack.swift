import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension PlanFile {
    /// Writes the plan as last read back to its path after the file was deleted (the
    /// dashboard's `W`, after the user confirmed); a file that came back, or a folder now at
    /// the path, is never written over.
    public func writeBack() throws(PlanError) {
        try NewFile.create(at: path, bytes: document.bytes)
    }
}

/// A file that must not exist yet (`W` after a deleted plan, `plantrack init` without
/// `--force`): written whole and flushed under a temporary name, then linked into place only
/// while nothing is at the path, so nothing that appeared meanwhile is ever replaced.
public enum NewFile {
    /// Writes `bytes` to a new file at `path`: flushed in a temporary file of the same folder,
    /// then linked into place, which fails if anything is there by then (`.appeared`).
    /// `beforeLink` runs between the flush and the link: the window tests make a file appear in.
    public static func create(at path: String, bytes: [UInt8], beforeLink: () -> Void = {}) throws(PlanError) {
        let folder = (path as NSString).deletingLastPathComponent
        let inFolder = folder.isEmpty ? "." : folder
        let temporary = "\(inFolder)/.pt\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)  // the umask decides, as for a new file
        guard fd >= 0 else { throw .unwritable(path: path, reason: "cannot create a file in \(inFolder): \(FileIO.errorText())") }
        defer { unlink(temporary) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            written += count
        }
        let flushed = written == bytes.count && fsync(fd) == 0
        let reason = FileIO.errorText()
        close(fd)
        guard flushed else { throw .unwritable(path: path, reason: reason) }
        beforeLink()
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw .appeared(path: path) }
            throw .unwritable(path: path, reason: FileIO.errorText())
        }
    }
}
