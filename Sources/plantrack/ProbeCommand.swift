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
            With --stages or --all-stages, every stage is probed at once, each with its own settings. \
            Exit codes: 0 success, 2 bad config, 4 AWS failure (credentials, endpoint, access; with \
            several stages, only when no stage could be asked).
            """
    )

    @OptionGroup var files: EvidenceFileOptions
    @OptionGroup var aws: AWSOptions
    @OptionGroup var stageOptions: StageOptions

    @Flag(help: "Print JSON (docs/json.md) instead of tables.")
    var json = false

    func run() async throws {
        let lookup = try files.lookup()
        let settings = EvidenceSettings(lookup: lookup, stage: aws.stage, region: aws.region,
                                        profile: aws.profile, endpointURL: aws.endpointURL)
        try settings.validateProject()
        guard let stages = try stageOptions.names(config: lookup.config, stageOption: aws.stage) else {
            let report = await Self.probe(settings, warn: true)
            Terminal.print(json ? report.json() : report.table(unicode: TerminalText.unicodeLocale()))
            if !json { report.notes.forEach(Terminal.note) }
            if !report.errors.isEmpty { throw Failure.aws(report.errors.map(\.message)) }
            return
        }
        let reports = await StageMatrix.perStage(stageOptions.settings(stages, lookup: lookup, aws: aws)) { position, stage in
            await Self.probe(stage, warn: position == 0)
        }
        if json {
            Terminal.print(JSONValue.object([("stages", .array(stages.map(JSONValue.string))),
                                             ("probes", .array(reports.map(\.jsonValue)))]).rendered())
        } else {
            Terminal.print(reports.map { $0.table(unicode: TerminalText.unicodeLocale()) }.joined(separator: "\n\n"))
            Set(reports.flatMap(\.notes)).sorted().forEach(Terminal.note)
        }
        let failed = reports.filter { !$0.errors.isEmpty }
        if failed.count == reports.count { throw Failure.aws(failed.flatMap { $0.errors.map(\.message) }) }
        for report in failed {
            Terminal.warning("stage \(report.stage): \(report.errors.map(\.message).joined(separator: "; "))")
        }
    }

    /// One stage's stacks and parameters, asked in its own settings; `warn` prints discovery's problems.
    static func probe(_ settings: EvidenceSettings, warn: Bool) async -> ProbeReport {
        var settings = settings
        let discovery = await EvidenceEngine.discover(settings: &settings)
        if warn {
            discovery.problems.forEach { Terminal.warning($0.description) }
            ProjectHint.hint(settings: settings, discovery: discovery).map(Terminal.warning)
        }
        let checksRegion = settings.checksRegion(discovery)
        let checks = settings.checks(region: checksRegion)
        let extra = checks.keys.sorted { $0.description < $1.description }.flatMap { checks[$0]!.expectations }
        let plan = ProbePlan.make(discovery: discovery, extra: extra, region: settings.regionOverride,
                                  checksRegion: checksRegion)
        let result: ProbeResult
        if plan.isEmpty {
            result = ProbeResult(stacks: [], parameters: [], failures: [], apiCalls: 0, probedAt: Date())
        } else {
            result = await ProbeRunner.run(plan, settings: settings.aws, account: settings.account)
        }
        let region = settings.regionOverride ?? result.context?.region ?? plan.groups.compactMap(\.region).first
            ?? settings.region
        return ProbeReport(plan: plan, result: result, stage: settings.stage, region: region)
    }
}
