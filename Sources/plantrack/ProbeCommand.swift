import ArgumentParser
import AWSKit
import Evidence
import Foundation
import PlanKit

/// `plantrack probe`: which of the project's stacks and parameters exist right now.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Live status of the stacks and SSM parameters the serverless project expects.",
        discussion: """
            Reads every serverless.yml under project: of .plantrack.yml (its stack, the parameters it \
            publishes and consumes) and the stacks and parameters named in checks:, then asks \
            CloudFormation and SSM, read-only, which exist. Parameter values are never read. \
            Exit codes: 0 success, 2 bad config, 4 AWS failure (credentials, endpoint, access).
            """
    )

    @OptionGroup var files: EvidenceFileOptions
    @OptionGroup var aws: AWSOptions

    @Flag(help: "Print JSON (docs/json.md) instead of tables.")
    var json = false

    func run() async throws {
        var settings = EvidenceSettings(lookup: try files.lookup(), stage: aws.stage, region: aws.region,
                                        profile: aws.profile, endpointURL: aws.endpointURL)
        try settings.validateProject()
        let discovery = await EvidenceEngine.discover(settings: &settings)
        discovery.problems.forEach { Terminal.warning($0.description) }
        ProjectHint.hint(settings: settings, discovery: discovery).map(Terminal.warning)
        let checksRegion = settings.checksRegion(discovery)
        let checks = settings.checks(region: checksRegion)
        let extra = checks.keys.sorted { $0.description < $1.description }.flatMap { checks[$0]!.expectations }
        let plan = ProbePlan.make(discovery: discovery, extra: extra, region: settings.regionOverride,
                                  checksRegion: checksRegion)
        let result: ProbeResult
        if plan.isEmpty {
            result = ProbeResult(stacks: [], parameters: [], failures: [], apiCalls: 0, probedAt: Date())
        } else {
            result = await ProbeRunner.run(plan, settings: settings.aws)
        }
        let region = settings.regionOverride ?? result.context?.region ?? plan.groups.compactMap(\.region).first
            ?? settings.region
        let report = ProbeReport(plan: plan, result: result, stage: settings.stage, region: region)
        Terminal.print(json ? report.json() : report.table(unicode: TerminalText.unicodeLocale()))
        if !json { report.notes.forEach(Terminal.note) }
        if !result.failures.isEmpty {
            throw Failure.aws(result.failures.map(\.message))
        }
    }
}
