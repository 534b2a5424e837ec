import Foundation

/// Which config file and which plan a command uses (CONTRACT §1):
/// `--config FILE`, else `.plantrack.yml` in the plan's folder when present;
/// the plan is `--plan`, else `plan:` of the config, else `./REFACTOR_PLAN.md`.
public struct ConfigLookup: Sendable, Equatable {
    public static let fileName = ".plantrack.yml"
    public static let defaultPlan = "REFACTOR_PLAN.md"

    public var config: PlanTrackConfig
    /// Absolute path of the plan to use.
    public var planPath: String
    /// Absolute path of the serverless project: `project:` of the config, else the plan's folder.
    public var projectPath: String

    public init(config: PlanTrackConfig, planPath: String, projectPath: String) {
        self.config = config
        self.planPath = planPath
        self.projectPath = projectPath
    }

    public static func resolve(planOption: String?, configOption: String?,
                               currentDirectory: String = FileManager.default.currentDirectoryPath)
        throws(ConfigError) -> ConfigLookup {
        let cwd = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        let optionPlan = planOption.map { PlanTrackConfig.resolve($0, against: cwd) }
        var config = PlanTrackConfig()
        if let configOption {
            config = try PlanTrackConfig.load(from: PlanTrackConfig.resolve(configOption, against: cwd))
        } else {
            let guess = optionPlan ?? PlanTrackConfig.resolve(defaultPlan, against: cwd)
            let beside = URL(fileURLWithPath: guess).deletingLastPathComponent().appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: beside) {
                config = try PlanTrackConfig.load(from: beside)
            }
        }
        let plan = optionPlan ?? config.plan ?? PlanTrackConfig.resolve(defaultPlan, against: cwd)
        let project = config.project ?? URL(fileURLWithPath: plan).deletingLastPathComponent().path
        return ConfigLookup(config: config, planPath: plan, projectPath: project)
    }
}
