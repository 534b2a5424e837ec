import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (flock) on the plan, held while one PlanTrack process reads,
/// patches and writes it, so two `mark`s at once cannot lose an update. The lock sits on
/// the file itself, not on a lock file beside it (nothing is left in the user's folder);
/// since a write renames a new file over the plan, the lock is taken again whenever the
/// path no longer names the file that was locked.
struct PlanLock {
    private let fd: Int32

    /// Waits up to `timeout` seconds for another PlanTrack writer to finish.
    init(_ target: String, name: String, timeout: TimeInterval = 15) throws(PlanError) {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let fd = open(target, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else {
                if errno == ENOENT { throw .missing(path: name) }
                throw .unreadable(path: name, reason: FileIO.errorText())
            }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                if Self.pathStillNames(fd, target) {
                    self.fd = fd
                    return
                }
            } else if errno != EWOULDBLOCK && errno != EINTR {
                let reason = FileIO.errorText()
                close(fd)
                throw .unwritable(path: name, reason: "cannot lock it: \(reason)")
            }
            close(fd)
            if Date() > deadline { throw .locked(path: name) }
            FileIO.pause(milliseconds: 3)
        }
    }

    /// Closing the file releases the lock.
    func release() { close(fd) }

    /// The locked file is still the one at `target` (no writer renamed a new one over it).
    private static func pathStillNames(_ fd: Int32, _ target: String) -> Bool {
        var held = stat(), current = stat()
        return fstat(fd, &held) == 0 && stat(target, &current) == 0
            && held.st_dev == current.st_dev && held.st_ino == current.st_ino
    }
}
