import Foundation

/// Finds a path the plan names (issue 8 point 12): under the project, else in the plan's folder,
/// else at the repository root (the nearest folder above the project holding `.git`, found
/// without running git), so "Create this `REFACTOR_PLAN.md`" holds when the plan lives in docs/planning.
/// A bare file name found in none of them ("each `serverless.yml`", "`main.go`") names every file
/// of that name in the project: it is looked for at any depth before it counts as missing.
public struct PathLocator: Sendable {
    /// Folders in the order they are tried, with how a reader names each (nil: the project).
    public var roots: [(folder: String, place: String?)]
    private let fileNames: FileNameIndex

    public init(project: String, planFolder: String? = nil, repositoryRoot: String? = nil, exclude: [ProjectGlob] = []) {
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
        fileNames = FileNameIndex(project: project, exclude: exclude)
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
        guard Self.isBareFileName(relative), let folders = fileNames.folders(holding: relative) else { return nil }
        return FoundPath(isFolder: false, place: Self.describe(folders))
    }

    /// A name with an extension and no folder: `serverless.yml`, not `infra` or `services/users`.
    static func isBareFileName(_ name: String) -> Bool {
        !name.contains("/") && name.dropFirst().contains(".")
    }

    /// "services/users", "services/users and 2 other folders".
    static func describe(_ folders: [String]) -> String {
        let first = folders[0].isEmpty ? "the project" : folders[0]
        switch folders.count {
        case 1: return first
        case 2: return "\(first) and 1 other folder"
        default: return "\(first) and \(folders.count - 1) other folders"
        }
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

/// The project's files by name, from one walk made the first time a bare name is missing
/// elsewhere (most plans never need it). A class so copies of the locator share the walk.
private final class FileNameIndex: @unchecked Sendable {
    private let project: String
    private let exclude: [ProjectGlob]
    private let lock = NSLock()
    private var folders: [String: [String]]?

    init(project: String, exclude: [ProjectGlob]) {
        self.project = project
        self.exclude = exclude
    }

    /// The folders (relative to the project, sorted) holding a file named `name`; nil when none does.
    func folders(holding name: String) -> [String]? {
        lock.lock()
        defer { lock.unlock() }
        if folders == nil {
            var index: [String: [String]] = [:]
            ProjectWalk.eachFile(under: URL(fileURLWithPath: project), exclude: exclude) { path, file in
                index[file, default: []].append((path as NSString).deletingLastPathComponent)
            }
            folders = index.mapValues { $0.sorted() }
        }
        return folders?[name]
    }
}
