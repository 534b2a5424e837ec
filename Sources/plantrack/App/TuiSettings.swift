import Dashboard
import Foundation

/// Why the dashboard could not be set up from its options and config.
struct TuiSetupError: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32
}

/// The dashboard's settings: options first, then `.plantrack.yml`, then defaults.
struct TuiSettings {
    var planPath: String
    var displayPath: String
    var themeName: String
    var catalog: ThemeCatalog
    var refresh: TimeInterval
    var stages: [String]
    var stage: String?
    var live: LiveStatusSource

    static func resolve(plan: String?, config: String?, theme: String?, stage: String?,
                        environment: [String: String]) throws -> TuiSettings {
        let planPath = plan ?? "REFACTOR_PLAN.md"
        let folder = (planPath as NSString).deletingLastPathComponent
        let catalog = ThemeCatalog.standard(planDirectory: folder.isEmpty ? "." : folder, environment: environment)
        return TuiSettings(
            planPath: planPath, displayPath: planPath, themeName: theme ?? "default", catalog: catalog,
            refresh: 0, stages: stage.map { [$0] } ?? [], stage: stage,
            live: .offline("no evidence configured"))
    }
}
