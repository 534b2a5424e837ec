import Foundation
import PlanKit
import Yams

/// The settings of `.plantrack.yml` (CONTRACT §6). Paths are already resolved
/// against the folder of the config file; `checks` keep `${stage}`/`${region}`
/// unexpanded because the command line may still change the stage.
public struct PlanTrackConfig: Sendable, Equatable {
    /// The file these settings came from; nil when no config file was found.
    public var file: String?
    /// Absolute path of the plan, if the file names one.
    public var plan: String?
    /// Absolute path of the serverless project, if the file names one.
    public var project: String?
    public var stage: String?
    public var stages: [String]
    /// Each stage's own profile, region and account, when `stages:` is a map.
    public var stageSettings: [String: StageSettings] = [:]
    public var region: String?
    public var profile: String?
    /// Auto-refresh in seconds; 0 turns it off.
    public var refresh: Int?
    public var theme: String?
    /// Globs of folders, relative to the project, where no service is discovered (`_archive/**`).
    public var exclude: [String] = []
    /// Keyed by an item reference as the plan writes it: `"2.5"` or `"L48"`.
    public var checks: [ItemReference: ItemChecks]

    public init(file: String? = nil, plan: String? = nil, project: String? = nil, stage: String? = nil,
                stages: [String] = [], region: String? = nil, profile: String? = nil, refresh: Int? = nil,
                theme: String? = nil, checks: [ItemReference: ItemChecks] = [:]) {
        self.file = file
        self.plan = plan
        self.project = project
        self.stage = stage
        self.stages = stages
        self.region = region
        self.profile = profile
        self.refresh = refresh
        self.theme = theme
        self.checks = checks
    }

    static let knownKeys = ["plan", "project", "stage", "stages", "region", "profile", "refresh", "theme", "checks", "exclude"]
    static let knownCheckKeys = ["stacks", "parameters", "files", "text", "yaml", "builtin"]

    /// Reads and validates a config file.
    public static func load(from path: String) throws(ConfigError) -> PlanTrackConfig {
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
        return try parse(text, file: path)
    }

    /// Parses config text; `file` names it in errors and anchors relative paths.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> PlanTrackConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw .malformedYAML(file: file, detail: "\(error)")
        }
        var config = PlanTrackConfig(file: file)
        guard let root, !root.isNull else { return config }
        guard let mapping = root.mapping else {
            throw .badValue(file: file, line: root.mark?.line, key: "(top level)", expected: "a mapping of settings")
        }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        let reader = NodeReader(file: file)
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? "\(keyNode)"
            switch key {
            case "plan": config.plan = try reader.string(value, key: key).map { resolve($0, against: folder) }
            case "project": config.project = try reader.string(value, key: key).map { resolve($0, against: folder) }
            case "stage": config.stage = try reader.string(value, key: key)
            case "stages": (config.stages, config.stageSettings) = try StageSettings.read(value, reader: reader)
            case "region": config.region = try reader.string(value, key: key)
            case "profile": config.profile = try reader.string(value, key: key)
            case "theme": config.theme = try reader.string(value, key: key)
            case "refresh":
                guard let text = try reader.string(value, key: key) else { break }
                guard let seconds = Int(text), seconds >= 0 else {
                    throw .badValue(file: file, line: value.mark?.line, key: key,
                                    expected: "a whole number of seconds, 0 or more")
                }
                config.refresh = seconds
            case "checks": config.checks = try readChecks(value, reader: reader)
            case "exclude": config.exclude = try reader.globs(value, key: key)
            default:
                throw .unknownKey(file: file, line: keyNode.mark?.line, key: key,
                                  place: "(known keys: \(knownKeys.joined(separator: ", ")))")
            }
        }
        return config
    }

    private static func readChecks(_ node: Node, reader: NodeReader) throws(ConfigError) -> [ItemReference: ItemChecks] {
        if node.isNull { return [:] }
        guard let mapping = node.mapping else {
            throw .badValue(file: reader.file, line: node.mark?.line, key: "checks",
                            expected: "a mapping from item ids (\"2.5\" or \"L48\") to stacks/parameters/files")
        }
        var result: [ItemReference: ItemChecks] = [:]
        for (idNode, body) in mapping {
            let id = idNode.scalar?.string ?? ""
            guard let reference = ItemReference(parsing: id) else {
                throw .badValue(file: reader.file, line: idNode.mark?.line, key: "checks.\(id)",
                                expected: "keyed by an item id (\"2.5\", \"TODO 2.5\") or line (\"L48\")")
            }
            var checks = ItemChecks()
            if body.isNull { result[reference] = checks; continue }
            guard let fields = body.mapping else {
                throw .badValue(file: reader.file, line: body.mark?.line, key: "checks.\(id)",
                                expected: "a mapping with stacks, parameters or files")
            }
            for (fieldNode, list) in fields {
                let field = fieldNode.scalar?.string ?? ""
                let key = "checks.\(id).\(field)"
                switch field {
                case "stacks": checks.stacks = try reader.strings(list, key: key)
                case "parameters": checks.parameters = try reader.strings(list, key: key)
                case "files": checks.files = try reader.strings(list, key: key)
                case "text", "yaml":
                    checks.rules += try RepositoryRuleReader(reader: reader)
                        .rules(list, kind: field == "text" ? .text : .yaml, key: key)
                case "builtin": checks.builtin = try reader.string(list, key: key).map { !["false", "no", "off"].contains($0.lowercased()) } ?? true
                default:
                    throw .unknownKey(file: reader.file, line: fieldNode.mark?.line, key: field,
                                      place: "in checks.\(id) (known keys: \(knownCheckKeys.joined(separator: ", ")))")
                }
            }
            result[reference] = checks
        }
        return result
    }

    static func resolve(_ path: String, against folder: URL) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        return URL(fileURLWithPath: expanded, relativeTo: folder).standardizedFileURL.path
    }
}

/// Typed reads from YAML nodes with errors that point at the line.
struct NodeReader {
    let file: String

    func string(_ node: Node, key: String) throws(ConfigError) -> String? {
        if node.isNull { return nil }
        guard let scalar = node.scalar else {
            throw .badValue(file: file, line: node.mark?.line, key: key, expected: "a single value")
        }
        return scalar.string
    }

    /// A list of strings; a single string is taken as a list of one.
    func strings(_ node: Node, key: String) throws(ConfigError) -> [String] {
        if node.isNull { return [] }
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else {
            throw .badValue(file: file, line: node.mark?.line, key: key, expected: "a list of names")
        }
        var result: [String] = []
        for element in sequence {
            guard let scalar = element.scalar else {
                throw .badValue(file: file, line: element.mark?.line, key: key, expected: "a list of plain names")
            }
            result.append(scalar.string)
        }
        return result
    }
}

extension Node {
    /// True for an explicit or empty YAML null (`key:` with nothing after it).
    var isNull: Bool {
        guard let scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
