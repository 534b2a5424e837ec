import Foundation
import PlanKit

/// The `.plantrack.yml` that `plantrack init` writes (CONTRACT §10): the project folder, the stage
/// and region the services agree on, and, commented out, a suggested check for every item that
/// would otherwise be `unchecked`.
public struct ConfigDraft: Sendable {
    /// Absolute path of the plan; the config goes beside it.
    public var planPath: String
    /// Absolute path of the folder holding the serverless services.
    public var project: String
    public var discovery: ProjectDiscovery

    public var configPath: String { (folder as NSString).appendingPathComponent(ConfigLookup.fileName) }
    var folder: String { (planPath as NSString).deletingLastPathComponent }

    /// Finds the project (searched from the plan's folder, then the repository root) and discovers it.
    public static func find(planPath: String) -> ConfigDraft {
        let planFolder = (planPath as NSString).deletingLastPathComponent
        let candidates = [planFolder] + (repositoryRoot(from: planFolder).map { [$0] } ?? [])
        let project = candidates.lazy.compactMap(ProjectSearch.projectFolder(in:)).first ?? planFolder
        let discovery = ProjectDiscovery.discover(project: project, stage: nil, region: nil)
        return ConfigDraft(planPath: planPath, project: project, discovery: discovery)
    }

    /// CONTRACT §10's refusal: an existing file is not replaced without `--force` (exit 2).
    public var alreadyThere: Failure {
        Failure("\(configPath) already exists; pass --force to replace it", exitCode: 2)
    }

    /// Writes `text` as the config: with `force` over whatever is there (atomically); without it
    /// only while nothing is there at the moment of the write, so a file made after the check
    /// (by the user, an editor, a second `init`) is kept byte for byte and `alreadyThere` thrown.
    /// `beforeLink`: see `NewFile.create`.
    public func write(_ text: String, force: Bool, beforeLink: () -> Void = {}) throws(Failure) {
        if force {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: configPath), options: .atomic)
            } catch {
                throw Failure("cannot write \(configPath): \(error.localizedDescription)", exitCode: 3)
            }
            return
        }
        do {
            try NewFile.create(at: configPath, bytes: Array(text.utf8), beforeLink: beforeLink)
        } catch .appeared {
            throw alreadyThere
        } catch {
            throw Failure(error.sentence, exitCode: error.exitCode)
        }
    }

    /// The one region every service names, if they agree.
    public var region: String? {
        let regions = Set(discovery.services.map { $0.regionProblem == nil ? $0.region : nil })
        guard regions.count == 1, let only = regions.first else { return nil }
        return only
    }

    /// The one stage every service deploys to by default (`provider.stage`, else `dev`), if they agree.
    public var stage: String? {
        let stages = Set(discovery.services.map { service -> String? in
            guard let stack = service.stack.resolved, let name = service.service.resolved,
                  stack.hasPrefix(name + "-") else { return nil }
            return String(stack.dropFirst(name.count + 1))
        })
        guard stages.count == 1, let only = stages.first else { return nil }
        return only
    }

    /// What was found, one line each, for the user to read.
    public var findings: [String] {
        var lines = ["project: \(relative(project)) (\(discovery.services.count) serverless service\(discovery.services.count == 1 ? "" : "s"))"]
        if let compose = discovery.compose { lines.append("compose file: \(compose.file)") }
        lines.append("stage: \(stage ?? "not agreed by the services; dev assumed")")
        lines.append("region: \(region ?? "not agreed by the services; the AWS settings decide")")
        return lines
    }

    /// The file's text. `unchecked`: the items no evidence would name.
    public func text(unchecked: [PlanItem]) -> String {
        var lines = [
            "# PlanTrack settings, written by `plantrack init`; edit freely. Every key: docs/evidence.md.",
            "plan: \(relative(planPath))",
            "# The folder holding the serverless services, relative to this file.",
            "project: \(relative(project))",
        ]
        lines.append(stage.map { "stage: \($0)" } ?? "# stage: dev        # the services name no one stage")
        lines.append(stage.map { "stages: [\($0)]      # add the others: [dev, prod]" } ?? "# stages: [dev, prod]")
        lines.append(region.map { "region: \($0)" } ?? "# region: us-east-1  # the services name no one region")
        lines.append("refresh: 60         # seconds between live refreshes in the dashboard; 0 = off")
        lines.append("")
        lines.append("# Evidence per item, besides what is discovered. Each entry below is a suggestion for an")
        lines.append("# item nothing checks yet: uncomment it and say what the item's claim means in the code.")
        lines.append(unchecked.isEmpty ? "checks: {}" : "checks:")
        for item in unchecked {
            lines.append("")
            lines += CheckSuggestion.lines(for: item)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A path as the config writes it: relative to the config's folder.
    func relative(_ path: String) -> String {
        RelativePath.from(folder, to: path)
    }

    static func repositoryRoot(from folder: String) -> String? {
        var cursor = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: cursor.appendingPathComponent(".git").path) { return cursor.path }
            let parent = cursor.deletingLastPathComponent()
            if parent.path == cursor.path { return nil }
            cursor = parent
        }
    }
}

/// Where the services live under a folder: the folder of the compose file nearest the top (a
/// few levels deep, hidden folders aside), else the folder itself when serverless files lie
/// under it. The files come from discovery's one walk, so init skips what discovery skips.
enum ProjectSearch {
    static let depth = 3

    static func projectFolder(in root: String) -> String? {
        let walk = ProjectWalk(root: URL(fileURLWithPath: root), exclude: [])
        if let compose = walk.compose.first(where: isNear) {
            let folder = (compose as NSString).deletingLastPathComponent
            return folder.isEmpty ? root : (root as NSString).appendingPathComponent(folder)
        }
        return walk.serverless.contains(where: isNear) ? root : nil
    }

    /// A file at most `depth` folders down, none of them hidden.
    static func isNear(_ path: String) -> Bool {
        let folders = path.split(separator: "/").dropLast()
        return folders.count <= depth && !folders.contains { $0.hasPrefix(".") }
    }
}

/// `to` written relative to `from` (both absolute): `.`, `services`, `..`.
enum RelativePath {
    static func from(_ from: String, to: String) -> String {
        let base = URL(fileURLWithPath: from).standardizedFileURL.pathComponents
        let target = URL(fileURLWithPath: to).standardizedFileURL.pathComponents
        var common = 0
        while common < min(base.count, target.count), base[common] == target[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
