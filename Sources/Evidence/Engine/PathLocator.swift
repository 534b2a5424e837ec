import Foundation

/// Finds a path the plan names (issue 8 point 12): under the project, else in the plan's folder,
/// else at the repository root (the nearest folder above the project holding `.git`, found
/// without running git), so "Create this `REFACTOR_PLAN.md`" holds when the plan lives in docs/planning.
public struct PathLocator: Sendable {
    /// Folders in the order they are tried, with how a reader names each (nil: the project).
    public var roots: [(folder: String, place: String?)]

    public init(project: String, planFolder: String? = nil, repositoryRoot: String? = nil) {
        var roots: [(String, String?)] = [(project, nil)]
        let standard = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        if let planFolder, standard(planFolder) != standard(project) {
            let shown = repositoryRoot.flatMap { Self.relative(standard(planFolder), to: standard($0)) } ?? planFolder
            roots.append((planFolder, "the plan's folder \(shown)"))
        }
        if let repositoryRoot, !roots.contains(where: { standard($0.0) == standard(repositoryRoot) }) {
            roots.append((repositoryRoot, "the repository root"))
        }
        self.roots = roots
    }

    /// Where `relative` is, trying each root in order; nil when it is nowhere.
    public func locate(_ relative: String) -> FoundPath? {
        let manager = FileManager.default
        for root in roots {
            var isFolder: ObjCBool = false
            let path = URL(fileURLWithPath: root.folder).appendingPathComponent(relative).path
            if manager.fileExists(atPath: path, isDirectory: &isFolder) {
                return FoundPath(isFolder: isFolder.boolValue, place: root.place)
            }
        }
        return nil
    }

    /// The nearest folder at or above `start` that holds `.git` (a folder, or a file in a worktree).
    public static func repositoryRoot(above start: String) -> String? {
        var folder = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    static func relative(_ path: String, to root: String) -> String? {
        guard path.hasPrefix(root + "/") else { return nil }
        return String(path.dropFirst(root.count + 1))
    }
}
