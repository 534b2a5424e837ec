import ArgumentParser
import Evidence
import Foundation
import PlanKit

/// `--plan` and `--config`, shared by every subcommand (CONTRACT §1): the config is
/// `--config`, else `.plantrack.yml` beside the plan; the plan is `--plan`, else `plan:`
/// of the config, else ./REFACTOR_PLAN.md.
struct PlanOptions: ParsableArguments {
    @Option(name: .long, help: "The plan file (default: plan: from the config, else ./REFACTOR_PLAN.md).")
    var plan: String?

    @Option(name: .long, help: "The config file (default: .plantrack.yml in the plan's folder, if present).")
    var config: String?

    /// Resolves the config and plan, or fails with exit 2 naming the file and key at fault.
    func lookup() throws -> ConfigLookup {
        try ConfigLookup.resolve(planOption: plan, configOption: config)
    }

    /// The plan as the user named it: `--plan` as given, else relative to the current
    /// folder where it lies below it (what `status --json` reports as `plan`).
    func displayPath(of lookup: ConfigLookup) -> String {
        if let plan { return plan }
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return lookup.planPath.hasPrefix(prefix) ? String(lookup.planPath.dropFirst(prefix.count)) : lookup.planPath
    }

    func loadPlan() throws -> PlanFile {
        try PlanFile(path: displayPath(of: lookup()))
    }

    /// The plan for a command that only reads it, and the name it goes by: `--plan -`
    /// reads standard input.
    func readPlan() throws -> (document: PlanDocument, path: String) {
        if plan == "-" { return (try PlanFile.standardInput(), "-") }
        let file = try loadPlan()
        return (file.document, file.path)
    }
}

/// probe and verify predate the shared name.
typealias EvidenceFileOptions = PlanOptions
