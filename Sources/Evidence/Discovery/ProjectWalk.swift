import Foundation

/// The files discovery reads, found in one walk of the project: serverless files (YAML, and
/// JSON through the same reader: JSON is YAML), serverless files written as code, which are
/// listed but not read, and compose files at any depth. Dependency and build folders and
/// those `exclude:` names are skipped (issue 8 points 20 and 21).
struct ProjectWalk {
    static let serverlessNames: Set<String> = ["serverless.yml", "serverless.yaml", "serverless.json"]
    static let codeNames: Set<String> = ["serverless.ts", "serverless.js", "serverless.cjs", "serverless.mjs"]
    static let composeNames = ["serverless-compose.yml", "serverless-compose.yaml"]
    static let skippedFolders: Set<String> = ["node_modules", ".serverless", ".git"]

    var serverless: [String] = []
    var code: [String] = []
    var compose: [String] = []

    init(root: URL, exclude: [ProjectGlob]) {
        Self.eachFile(under: root, exclude: exclude) { path, name in
            if Self.serverlessNames.contains(name) {
                serverless.append(path)
            } else if Self.codeNames.contains(name) {
                code.append(path)
            } else if Self.composeNames.contains(name) {
                compose.append(path)
            }
        }
        code.sort()
        // The compose file nearest the project root governs: at the root, or the first folder above the services.
        compose.sort { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }
    }

    /// Calls `visit` with each file's path relative to `root` and its name, skipping dependency
    /// and build folders and those `exclude:` names: the one walk of the project tree.
    static func eachFile(under root: URL, exclude: [ProjectGlob], _ visit: (_ path: String, _ name: String) -> Void) {
        let manager = FileManager.default
        var queue: [String] = [""]
        while let relative = queue.popLast() {
            let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
            guard let entries = try? manager.contentsOfDirectory(atPath: url.path) else { continue }
            for entry in entries.sorted() {
                let path = relative.isEmpty ? entry : relative + "/" + entry
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder) else { continue }
                if !isFolder.boolValue {
                    visit(path, entry)
                } else if !skippedFolders.contains(entry), !exclude.contains(where: { $0.matches(path) }) {
                    queue.append(path)
                }
            }
        }
    }
}
