import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices an edit made outside: the plan's inode, size and mtime (to the nanosecond)
/// are polled a few times a second; any difference means "read it again". An editor's
/// rename-over changes the inode, an in-place write the size or mtime.
struct PlanWatcher {
    struct Fingerprint: Equatable {
        var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int
    }

    let path: String
    private(set) var last: Fingerprint?

    init(path: String) {
        self.path = path
        last = Self.fingerprint(path)
    }

    /// True when the file looks different from the last look (the look is remembered).
    mutating func changed() -> Bool {
        let now = Self.fingerprint(path)
        defer { last = now }
        return now != last
    }

    /// After our own write: remember the new look so it is not taken for an outside edit.
    mutating func acceptCurrent() { last = Self.fingerprint(path) }

    static func fingerprint(_ path: String) -> Fingerprint? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Fingerprint(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                           seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }
}

/// The same look over a set of paths: the files the `text`/`yaml` checks read and the folders
/// their globs listed. A file that appears, goes or changes counts as a change; so does a
/// folder whose entries change (its mtime), which is how a file new to a glob is noticed.
struct FileSetWatcher {
    let paths: [String]
    private var last: [PlanWatcher.Fingerprint?]

    /// `previous`: the watcher this one replaces; a path it watched keeps the look it had there,
    /// so a change made while the new judgement ran is still noticed.
    init(paths: [String], previous: FileSetWatcher? = nil) {
        self.paths = paths
        let before = previous.map { Dictionary(zip($0.paths, $0.last), uniquingKeysWith: { first, _ in first }) } ?? [:]
        last = paths.map { path in before[path] ?? PlanWatcher.fingerprint(path) }
    }

    /// After our own write (the plan's folder may be one of the paths): remember the new look.
    mutating func acceptCurrent() { last = paths.map(PlanWatcher.fingerprint) }

    /// True when any file looks different from the last look (the look is remembered).
    mutating func changed() -> Bool {
        let now = paths.map(PlanWatcher.fingerprint)
        defer { last = now }
        return now != last
    }
}
