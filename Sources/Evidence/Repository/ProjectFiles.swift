import Foundation
import Yams

/// The project's files as the repository checks see them during one run: folders are listed
/// once, each file is read at most once (and parsed as YAML at most once), whatever the number
/// of rules that name it. Nothing outside the project is read: a link that leads out is refused.
final class ProjectFiles {
    /// A file a glob matched.
    struct Match: Equatable {
        var path: String
        /// Set when the file cannot be read for the checks: a link out of the project.
        var refused: String?
    }

    /// What a file's bytes hold for the checks.
    enum Contents {
        case bytes([UInt8])
        case unreadable(String)
    }

    /// Folders never searched by a wildcard (a glob that names them literally still reaches them).
    static let skippedFolders: Set<String> = [".git", "node_modules", ".serverless", ".build", ".plantrack"]

    let root: String
    private let realRoot: String
    private var listings: [String: [Entry]] = [:]
    private var contents: [String: Contents] = [:]
    private var documents: [String: Result<Node?, YAMLProblem>] = [:]
    /// How many files were read from disk (each at most once): the speed tests hold this.
    private(set) var reads = 0

    struct YAMLProblem: Error { var reason: String }

    private struct Entry {
        var name: String
        var isFolder: Bool
        /// Why the entry may not be followed: a link out of the project.
        var refused: String?
    }

    init(root: String) {
        self.root = root
        realRoot = Self.realPath(root) ?? root
    }

    /// The folders listed so far (project-relative, "" for the root), sorted.
    var listedFolders: [String] { listings.keys.sorted() }

    /// The files the glob matches, sorted, each once.
    func files(matching glob: ProjectGlob) -> [Match] {
        var found: [String: Match] = [:]
        walk(glob.segments[...], folder: "", into: &found)
        return found.keys.sorted().compactMap { found[$0] }
    }

    private func walk(_ segments: ArraySlice<String>, folder: String, into found: inout [String: Match]) {
        guard let segment = segments.first else { return }
        let rest = segments.dropFirst()
        if segment == "**" {
            walk(rest, folder: folder, into: &found)
            for entry in list(folder) where entry.isFolder && entry.refused == nil && !Self.skippedFolders.contains(entry.name) {
                walk(segments, folder: join(folder, entry.name), into: &found)
            }
            return
        }
        let literal = ProjectGlob.isLiteral(segment)
        for entry in list(folder) where ProjectGlob.matches(segment, entry.name) {
            if !literal, entry.isFolder, Self.skippedFolders.contains(entry.name) { continue }
            let path = join(folder, entry.name)
            if rest.isEmpty {
                if !entry.isFolder { found[path] = Match(path: path, refused: entry.refused) }
            } else if entry.isFolder, entry.refused == nil {
                walk(rest, folder: path, into: &found)
            }
        }
    }

    private func list(_ folder: String) -> [Entry] {
        if let cached = listings[folder] { return cached }
        let absolute = absolute(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []
        var entries: [Entry] = []
        for name in names.sorted() {
            let full = (absolute as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                // A link is followed only when it stays inside the project, and never into a folder
                // (a folder link could loop); one leading out is listed, refused.
                let target = Self.realPath(full)
                guard let target, target == realRoot || target.hasPrefix(realRoot + "/") else {
                    entries.append(Entry(name: name, isFolder: false, refused: "a link out of the project, not read"))
                    continue
                }
                var targetInfo = stat()
                guard stat(full, &targetInfo) == 0, (targetInfo.st_mode & S_IFMT) == S_IFREG else { continue }
                entries.append(Entry(name: name, isFolder: false))
            } else if (info.st_mode & S_IFMT) == S_IFDIR {
                entries.append(Entry(name: name, isFolder: true))
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                entries.append(Entry(name: name, isFolder: false))
            }
        }
        listings[folder] = entries
        return entries
    }

    /// The file's bytes, read on first use.
    func bytes(_ path: String) -> Contents {
        if let cached = contents[path] { return cached }
        reads += 1
        let result: Contents
        if let data = FileManager.default.contents(atPath: absolute(path)) {
            result = .bytes([UInt8](data))
        } else {
            result = .unreadable("\(path) cannot be read")
        }
        contents[path] = result
        return result
    }

    /// The file's text: a byte-order mark dropped, invalid UTF-8 replaced (U+FFFD), CRLF read as LF
    /// (so that `$` ends a line of a Windows file too; line numbers are unchanged).
    func text(_ path: String) -> Result<String, YAMLProblem> {
        switch bytes(path) {
        case .unreadable(let reason): return .failure(YAMLProblem(reason: reason))
        case .bytes(let bytes):
            var body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if body.contains(0x0D) {
                body = body.indices.compactMap { index in
                    body[index] == 0x0D && index + 1 < body.count && body[index + 1] == 0x0A ? nil : body[index]
                }
            }
            return .success(String(decoding: body, as: UTF8.self))
        }
    }

    /// The file as a YAML node tree (nil for an empty document), parsed on first use.
    func yaml(_ path: String) -> Result<Node?, YAMLProblem> {
        if let cached = documents[path] { return cached }
        let result: Result<Node?, YAMLProblem>
        switch text(path) {
        case .failure(let problem): result = .failure(problem)
        case .success(let text):
            do {
                result = .success(try Yams.compose(yaml: text))
            } catch {
                result = .failure(YAMLProblem(reason: "\(path) is not valid YAML"))
            }
        }
        documents[path] = result
        return result
    }

    private func absolute(_ relative: String) -> String {
        relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
    }

    private func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder + "/" + name
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
