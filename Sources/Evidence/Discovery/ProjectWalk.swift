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
        let manager = FileManager.default
        var queue: [String] = [""]
        while let relative = queue.popLast() {
            let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
            guard let entries = try? manager.contentsOfDirectory(atPath: url.path) else { continue }
            for entry in entries.sorted() {
                let path = relative.isEmpty ? entry : relative + "/" + entry
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    if !Self.skippedFolders.contains(entry), !exclude.contains(where: { $0.matches(path) }) {
                        queue.append(path)
                    }
                } else if Self.serverlessNames.contains(entry) {
                    serverless.append(path)
                } else if Self.codeNames.contains(entry) {
                    code.append(path)
                } else if Self.composeNames.contains(entry) {
                    compose.append(path)
                }
            }
        }
        code.sort()
        // The compose file nearest the project root governs: at the root, or the first folder above the services.
        compose.sort { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }
    }
}
