import Foundation

/// The first run's hint (issue 8 point 22): with no `project:` set and no serverless file under
/// the plan's folder, look from the repository root and say where the services are, rather
/// than report "0 of 0 stacks deployed" as if that were the answer.
public enum ProjectHint {
    /// One sentence naming where the services are and the setting that would use them; nil when
    /// `project:` is set or services were found.
    public static func hint(settings: EvidenceSettings, discovery: ProjectDiscovery) -> String? {
        guard settings.lookup.config.project == nil, discovery.services.isEmpty else { return nil }
        let planFolder = URL(fileURLWithPath: settings.lookup.projectPath).standardizedFileURL
        let top = PathLocator.repositoryRoot(above: planFolder.path).map { URL(fileURLWithPath: $0) } ?? planFolder
        let walk = ProjectWalk(root: top, exclude: settings.lookup.config.exclude.map(ProjectGlob.init))
        guard !walk.serverless.isEmpty else {
            return "no serverless file (serverless.yml, .yaml or .json) under \(planFolder.path) or the repository "
                + "root: set project: in .plantrack.yml to the serverless project, or run plantrack init"
        }
        let common = commonFolder(walk.serverless.map { ($0 as NSString).deletingLastPathComponent })
        let target = common.isEmpty ? top : top.appendingPathComponent(common)
        let count = walk.serverless.count
        let setting = relative(target.standardizedFileURL.path, from: planFolder.path)
        return "no serverless file under the plan's folder \(planFolder.path); found \(count) service\(count == 1 ? "" : "s") "
            + "under \(common.isEmpty ? "the repository root" : common) — set project: \(setting) in .plantrack.yml, "
            + "or run plantrack init"
    }

    /// The deepest folder holding all of `folders` (relative paths; "" for the root).
    static func commonFolder(_ folders: [String]) -> String {
        guard var common = folders.first?.split(separator: "/") else { return "" }
        for folder in folders.dropFirst() {
            let parts = folder.split(separator: "/")
            common = Array(zip(common, parts).prefix { $0 == $1 }.map(\.0))
        }
        return common.joined(separator: "/")
    }

    /// `path` as `project:` in a config beside the plan would write it ("../../backend/services").
    static func relative(_ path: String, from folder: String) -> String {
        let target = path.split(separator: "/")
        let base = folder.split(separator: "/")
        let shared = zip(target, base).prefix { $0 == $1 }.count
        let parts = Array(repeating: "..", count: base.count - shared) + target.dropFirst(shared).map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
