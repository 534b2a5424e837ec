import Dashboard
import DashboardLoop
import Evidence
import Foundation

/// Why the dashboard could not be set up from its options and config.
struct TuiSetupError: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32
}

/// The dashboard's settings: options first, then `.plantrack.yml`, then defaults
/// (CONTRACT §6's precedence; the AWS part is the evidence layer's).
struct TuiSettings {
    static let defaultRefresh: TimeInterval = 60

    var planPath: String
    var displayPath: String
    var themeName: String
    var catalog: ThemeCatalog
    var refresh: TimeInterval
    var stages: [String]
    var stage: String?
    var live: LiveStatusSource

    static func resolve(plan: String?, config: String?, theme: String?, stage: String?, region: String?,
                        profile: String?, endpointURL: String?, environment: [String: String]) throws(TuiSetupError) -> TuiSettings {
        let lookup: ConfigLookup
        do {
            lookup = try ConfigLookup.resolve(planOption: plan, configOption: config)
        } catch {
            throw TuiSetupError(description: error.description, exitCode: 2)
        }
        let file = lookup.config
        let planFolder = (lookup.planPath as NSString).deletingLastPathComponent
        let themeFolder = file.file.map { ($0 as NSString).deletingLastPathComponent } ?? planFolder
        let stage = stage ?? file.stage ?? file.stages.first ?? "dev"
        var stages = file.stages
        if !stages.contains(stage) { stages.insert(stage, at: 0) }
        let catalog = ThemeCatalog.standard(planDirectory: themeFolder.isEmpty ? "." : themeFolder, environment: environment)
        // The theme last chosen with `t` (XDG state) comes after --theme, before the config's.
        let remembered = ThemeMemory(environment: environment).load().flatMap { name in
            catalog.entries().contains { $0.name == name } ? name : nil
        }
        return TuiSettings(
            planPath: lookup.planPath, displayPath: Self.shortPath(lookup.planPath),
            themeName: theme ?? remembered ?? file.theme ?? "default",
            catalog: catalog,
            refresh: file.refresh.map(TimeInterval.init) ?? Self.defaultRefresh,
            stages: stages, stage: stage,
            live: .evidence(lookup: lookup, region: region, profile: profile, endpointURL: endpointURL,
                            environment: environment))
    }

    /// The plan's path relative to the working folder ("REFACTOR_PLAN.md", "../api/PLAN.md"),
    /// however it was given; absolute when they share no more than the root.
    static func shortPath(_ path: String, from folder: String = FileManager.default.currentDirectoryPath) -> String {
        let target = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: folder, isDirectory: true))
            .standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL.pathComponents
        var shared = 0
        while shared < min(target.count, base.count), target[shared] == base[shared] { shared += 1 }
        guard shared > 1 else { return "/" + target.dropFirst().joined(separator: "/") }
        let ups = Array(repeating: "..", count: base.count - shared)
        return (ups + target[shared...]).joined(separator: "/")
    }
}
