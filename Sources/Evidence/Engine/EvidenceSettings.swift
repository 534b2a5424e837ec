import PlanKit
import AWSKit
import Foundation

/// The stage, region and AWS settings one run uses, after precedence
/// (CONTRACT §6): command-line option, then `.plantrack.yml`, then the
/// serverless files' `provider.*`, then the AWS environment and profile.
public struct EvidenceSettings: Sendable {
    public var lookup: ConfigLookup
    /// Stage from the option or the config; nil lets each serverless file's provider decide.
    public var stageOverride: String?
    /// Region from the option or the config; nil lets each serverless file's provider decide.
    public var regionOverride: String?
    /// `--profile`: it switches environment keys off, as in the CLI.
    public var profile: String?
    public var endpointURL: String?
    public var environment: [String: String]
    /// `${aws:accountId}`, filled in by `EvidenceEngine.discover` when a name needs it.
    public var accountID: AccountID = .notAsked
    /// The stage's own settings from the map form of `stages:`, if it has any.
    public var stageSettings: StageSettings?
    /// The bound on AWS calls in flight this run shares with other stages' (a matrix), if any.
    public var gate: CallGate?
    /// The project's files as this run reads them, shared with the other stages of a matrix;
    /// nil reads them afresh (`sharingSources()` fills it in).
    public var sources: ProjectSources?

    public init(lookup: ConfigLookup, stage: String?, region: String?, profile: String?, endpointURL: String?,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.lookup = lookup
        self.stageOverride = stage ?? lookup.config.stage
        self.stageSettings = lookup.config.stageSettings[stage ?? lookup.config.stage ?? "dev"]
        self.regionOverride = region ?? stageSettings?.region ?? lookup.config.region
        self.profile = profile
        self.endpointURL = endpointURL
        self.environment = environment
    }

    /// The stage shown in reports and used for `${stage}` in checks.
    public var stage: String { stageOverride ?? "dev" }

    /// The region of the AWS settings (environment), when the environment names one.
    public var region: String? {
        regionOverride ?? environment["AWS_REGION"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["AWS_DEFAULT_REGION"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The region a `checks:` name is asked in (CONTRACT §6): the option or config, else the one
    /// region every discovered service shares, else the AWS settings' (nil: the profile decides).
    public func checksRegion(_ discovery: ProjectDiscovery) -> String? {
        if let regionOverride { return regionOverride }
        let regions = Set(discovery.services.map { $0.regionProblem == nil ? $0.deployRegion : "?" })
        if regions.count == 1, let only = regions.first, only != "?" { return only }
        return region
    }

    /// The config's checks for this stage, `${region}` expanded to `region`.
    public func checks(region: String?) -> [ItemReference: ItemChecks] {
        lookup.config.checks.mapValues { $0.expanded(stage: stage, region: region) }
    }

    /// The project folder must exist when the config names one; a typo in
    /// `project:` would otherwise look like a project with nothing deployed.
    public func validateProject() throws(ConfigError) {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: lookup.projectPath, isDirectory: &isFolder)
        guard !(exists && isFolder.boolValue) else { return }
        throw .badValue(file: lookup.config.file ?? lookup.planPath, line: nil, key: "project",
                        expected: "an existing folder, and \(lookup.projectPath) is not one")
    }

    public func discover() -> ProjectDiscovery {
        ProjectDiscovery.discover(sources: projectSources(), stage: stageOverride, region: regionOverride,
                                  environment: environment, accountID: accountID)
    }

    /// The same settings reading the project's files through `shared` (another stage's reading)
    /// when it reads this project, else through a reading of their own, kept for the run.
    public func sharingSources(_ shared: ProjectSources? = nil) -> EvidenceSettings {
        var copy = self
        copy.sources = projectSources(shared)
        return copy
    }

    /// `sources`, else `shared`, when they read this project; else a new reading.
    private func projectSources(_ shared: ProjectSources? = nil) -> ProjectSources {
        let project = lookup.projectPath, exclude = lookup.config.exclude
        return [sources, shared].compactMap { $0 }.first { $0.serves(project: project, exclude: exclude) }
            ?? ProjectSources(project: project, exclude: exclude)
    }

    /// Settings for AWSKit; the region is filled in per region group by `ProbeRunner`.
    public var aws: AWSSettings {
        // The config's profile is a default below environment keys and AWS_PROFILE (CONTRACT §6).
        // The stage's profile comes before the file's (CONTRACT §6).
        let file = lookup.config.file ?? ".plantrack.yml"
        if let stageProfile = stageSettings?.profile {
            return AWSSettings(profile: profile, region: regionOverride, endpointURL: endpointURL,
                               environment: environment, defaultProfile: stageProfile,
                               defaultProfileSource: "stages.\(stage).profile of \(file)")
        }
        return AWSSettings(profile: profile, region: regionOverride, endpointURL: endpointURL, environment: environment,
                           defaultProfile: lookup.config.profile, defaultProfileSource: "profile: of \(file)")
    }

    /// The account this stage's credentials must belong to (`stages.<stage>.account`), if the config names one.
    public var account: ExpectedAccount? {
        stageSettings?.account.map { ExpectedAccount(stage: stage, account: $0) }
    }

    /// Where paths the plan names are looked for: the project, the plan's folder, the repository root.
    public var locator: PathLocator {
        PathLocator(project: lookup.projectPath, planFolder: (lookup.planPath as NSString).deletingLastPathComponent,
                    repositoryRoot: PathLocator.repositoryRoot(above: lookup.projectPath),
                    exclude: lookup.config.exclude.map(ProjectGlob.init))
    }
}
