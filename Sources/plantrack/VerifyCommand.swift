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
            Verdicts: verified, drift, ready, pending, skipped, unchecked. \
            Exit codes: 0 no drift, 1 drift found, 2 bad config or plan, 3 plan unreadable, 4 AWS failure.
            """
    )

    @OptionGroup var files: EvidenceFileOptions
    @OptionGroup var aws: AWSOptions

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
        let snapshot = await EvidenceEngine.evaluate(items: items, settings: settings)
        let report = VerifyReport(stage: settings.stage, verdicts: snapshot.verdicts, all: all,
                                  apiCalls: snapshot.probe?.apiCalls ?? 0)
        // File and text evidence is judged even when AWS cannot be asked; AWS evidence then
        // reads "not asked: …" and the exit code still says AWS failed.
        let text = report.rendered(as: format, document: plan, plan: files.displayPath(of: lookup))
        if !text.isEmpty { Terminal.print(text) }
        if !snapshot.failures.isEmpty { throw Failure.aws(snapshot.failures.map(\.message)) }
        if report.drift > 0 { throw Failure.findings }
    }
}
