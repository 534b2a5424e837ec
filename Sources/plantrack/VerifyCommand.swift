import ArgumentParser
import AWSKit
import Evidence
import Foundation
import PlanKit

/// `plantrack verify`: each item's claim held against the evidence.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Hold each plan item's claim against files, stacks and SSM parameters.",
        discussion: """
            Evidence of an item: the checks: of .plantrack.yml for its id (or L<line>); the paths it \
            names in backticks; and, when it says deploy and names a folder or serverless file, the \
            stacks and parameters of the services there. Sub-items inherit their parent's paths. \
            Claims about the code: text: and yaml: rules of checks:, and the built-in claims of \
            Serverless refactors (docs/evidence.md). \
            Verdicts: verified, drift, ready, pending, skipped (aborted or cancelled, or an open \
            step under a task that is), unchecked. \
            Exit codes: 0 no drift, 1 drift found, 2 bad config or plan, 3 plan unreadable, 4 AWS failure.
            """
    )

    @OptionGroup var files: EvidenceFileOptions
    @OptionGroup var aws: AWSOptions
    @OptionGroup var stageOptions: StageOptions

    @OptionGroup var output: FormatOptions

    @Flag(help: "List items without evidence too.")
    var all = false

    func run() async throws {
        let format = try output.resolved(for: "verify", supporting: OutputFormat.allCases)
        let lookup = try files.lookup()
        let settings = EvidenceSettings(lookup: lookup, stage: aws.stage, region: aws.region,
                                        profile: aws.profile, endpointURL: aws.endpointURL)
        let plan = try PlanFile(path: lookup.planPath).document
        let items = plan.items
        try settings.validateProject()
        if let stages = try stageOptions.names(config: lookup.config, stageOption: aws.stage) {
            let matrix = await StageMatrix.evaluate(items: items, stages: stageOptions.settings(stages, lookup: lookup, aws: aws))
            return try finish(StageMatrixReport(matrix: matrix, all: all), format: format, document: plan,
                              planPath: files.displayPath(of: lookup))
        }
        let snapshot = await EvidenceEngine.evaluate(items: items, settings: settings)
        snapshot.discovery.problems.forEach { Terminal.warning($0.description) }
        ProjectHint.hint(settings: settings, discovery: snapshot.discovery).map(Terminal.warning)
        var report = VerifyReport(stage: settings.stage, verdicts: snapshot.verdicts, all: all,
                                  apiCalls: snapshot.probe?.apiCalls ?? 0)
        report.notes = snapshot.probe?.notes ?? []
        // File and text evidence is judged even when AWS cannot be asked; AWS evidence then
        // reads "not asked: …" and the exit code still says AWS failed.
        let text = report.rendered(as: format, document: plan, plan: files.displayPath(of: lookup))
        if !text.isEmpty { Terminal.print(text) }
        if format != .json { report.notes.forEach(Terminal.note) }
        if !snapshot.failures.isEmpty { throw Failure.aws(snapshot.failures.map(\.message)) }
        if report.drift > 0 { throw Failure.findings }
    }

    /// Prints the matrix; exit 1 when any stage drifts, 4 only when no stage could be asked.
    private func finish(_ report: StageMatrixReport, format: OutputFormat, document: PlanDocument, planPath: String) throws {
        let text = report.rendered(as: format, document: document, plan: planPath, width: OutputWidth.current())
        if !text.isEmpty { Terminal.print(text) }
        let columns = report.matrix.columns
        if !report.matrix.anyAsked { throw Failure.aws(columns.flatMap { $0.failures.map(\.message) }) }
        for column in columns where !column.failures.isEmpty {
            let sentence = "stage \(column.stage): \(column.failures.map(\.message).joined(separator: "; "))"
            Terminal.warning(sentence)
        }
        if report.drifts { throw Failure.findings }
    }
}
