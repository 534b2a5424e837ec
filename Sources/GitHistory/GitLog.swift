import Foundation

/// One commit of `git log --follow --name-status` for the plan, and where the plan's
/// bytes are in it.
struct GitLogEntry: Equatable {
    var commit: String
    var date: Date
    var author: String
    /// `commit:path`, what `git cat-file --batch` reads; nil where the commit deleted the plan.
    var object: String?
}

enum GitLog {
    static let format = "--format=%x1e%H%x1f%at%x1f%an"

    /// Parses the log, newest first. `path` is the plan's path from the repository root
    /// today; walking back, a rename hands the older name to the commits before it, and a
    /// merge (which lists no files) reads the name its child had before it.
    static func entries(_ output: [UInt8], currentPath: String) -> [GitLogEntry] {
        var path = currentPath
        var entries: [GitLogEntry] = []
        for record in output.split(separator: 0x1E) {
            let lines = record.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
            guard let header = lines.first else { continue }
            let fields = header.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, let seconds = Double(fields[1]) else { continue }
            var entry = GitLogEntry(commit: fields[0], date: Date(timeIntervalSince1970: seconds),
                                    author: fields[2], object: nil)
            let status = lines.dropFirst().first { !$0.isEmpty }?.split(separator: "\t").map(String.init)
            if let status, let kind = status.first?.first, status.count >= 2 {
                let newPath = status[status.count - 1]
                if kind != "D" { entry.object = entry.commit + ":" + newPath }
                path = status[1]
            } else {
                entry.object = entry.commit + ":" + path
            }
            entries.append(entry)
        }
        return entries
    }
}
