import ArgumentParser
import Foundation
import PlanKit

/// `--plan` and `--config`, shared by every subcommand (CONTRACT §1).
struct PlanOptions: ParsableArguments {
    @Option(name: .long, help: "The plan file (default: plan: from the config, else ./REFACTOR_PLAN.md).")
    var plan: String?

    @Option(name: .long, help: "The config file (default: .plantrack.yml in the plan's folder, if present).")
    var config: String?

    /// The plan path the user means.
    func planPath() throws -> String {
        plan ?? "REFACTOR_PLAN.md"
    }

    func loadPlan() throws -> PlanFile {
        try PlanFile(path: planPath())
    }
}
