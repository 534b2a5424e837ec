import ArgumentParser
import Evidence
import Foundation
import PlanKit

/// `plantrack init` (CONTRACT §10): writes `.plantrack.yml` beside the plan from what discovery finds.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write .plantrack.yml beside the plan from what discovery finds.",
        discussion: """
            Finds the folder holding the serverless services (from the plan's folder, then the \
            repository root), the stage and region they agree on, and writes .plantrack.yml with \
            comments and, commented out, a suggested check for every item nothing would check. \
            The plan is --plan, else ./REFACTOR_PLAN.md, else docs/REFACTOR_PLAN.md. \
            Exit codes: 0 written, 2 the file exists (use --force) or the plan is not a plan, 3 plan unreadable or file unwritable.
            """
    )

    @Option(name: .long, help: "The plan file (default: ./REFACTOR_PLAN.md, else docs/REFACTOR_PLAN.md).")
    var plan: String?

    @Flag(help: "Replace an existing .plantrack.yml.")
    var force = false

    func run() async throws {
        let planPath = Self.planPath(option: plan)
        let document = try PlanFile(path: planPath).document
        let draft = ConfigDraft.find(planPath: URL(fileURLWithPath: planPath).standardizedFileURL.path)
        if !force, FileManager.default.fileExists(atPath: draft.configPath) { throw draft.alreadyThere }
        let lookup = ConfigLookup(config: PlanTrackConfig(), planPath: draft.planPath, projectPath: draft.project)
        let settings = EvidenceSettings(lookup: lookup, stage: nil, region: nil, profile: nil, endpointURL: nil)
        let linked = EvidenceEngine.link(items: document.items, settings: settings).expectations
        // What no evidence names and is not skipped (set aside itself or under a task that is).
        let unchecked = VerdictJudge.judge(linked, probe: nil, locate: { _ in nil })
            .filter { $0.evidence.isEmpty && $0.verdict != .skipped }.map(\.item)
        let text = draft.text(unchecked: unchecked)
        try draft.write(text, force: force)  // without --force, a file made since the check above is kept
        var lines = ["Wrote \(draft.configPath)."] + draft.findings.map { "  " + $0 }
        lines.append("  \(unchecked.count) item\(unchecked.count == 1 ? "" : "s") nothing checks yet: a suggestion for each is commented out under checks:.")
        lines.append("Read the file, then run `plantrack`.")
        Terminal.print(lines.joined(separator: "\n"))
    }

    /// `--plan` as given; else the first plan found where plans usually are.
    static func planPath(option: String?) -> String {
        if let option { return option }
        let candidates = [ConfigLookup.defaultPlan, "docs/" + ConfigLookup.defaultPlan]
        return candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) ?? ConfigLookup.defaultPlan
    }
}
