import AWSKit
import PlanKit
import Foundation
import TestSupport
import Testing
@testable import Evidence

/// Probe and verify against moto with the sample project deployed, partly
/// deployed and not at all, through each kind of credentials. Every scenario
/// has its own stage and region, so the tests share one moto without colliding.
@Suite(.serialized) struct MotoIntegrationTests {
    static let region = "us-east-2"

    func probe(stage: String, region: String = region, mode: CredentialMode) async throws
        -> (ProbeReport, ProjectDiscovery, ProbeAnswers) {
        let endpoint = try Moto.endpoint()
        let folder = try TemporaryFolder("evidence")
        defer { folder.remove() }
        let settings = try mode.settings(endpoint: endpoint, folder: folder)
        let discovery = ProjectDiscovery.discover(project: Repository.listbackup.path, stage: stage, region: region)
        let plan = ProbePlan.make(discovery: discovery, region: region)
        let answers = await ProbeRunner.answers(plan, settings: settings)
        let result = answers.merged
        #expect(result.failures.isEmpty, "\(result.failures)")
        return (ProbeReport(plan: plan, result: result, stage: stage, region: region), discovery, answers)
    }

    func verdicts(stage: String, discovery: ProjectDiscovery, result: ProbeAnswers, claim: ItemState)
        -> ItemVerdict {
        let item = PlanItem.sample(id: "2.5", line: 48, state: claim,
                                   text: "**TODO 2.5:** Deploy all `infra` stacks and verify that resource details are in SSM.")
        let linked = EvidenceLinker.link(items: [item], discovery: discovery, checks: [:], locate: projectLocate)
        return VerdictJudge.judge(linked, probe: result, locate: projectLocate)[0]
    }

    @Test(arguments: CredentialMode.allCases)
    func deployedAccountHasEverything(mode: CredentialMode) async throws {
        let stage = "full\(mode.rawValue.prefix(4).lowercased())"
        try Moto.seedSample(stage: stage, region: Self.region)
        let (report, discovery, result) = try await probe(stage: stage, mode: mode)
        #expect(report.stacks.count == 8)
        #expect(report.stacks.allSatisfy { $0.exists && $0.deployed && $0.status == "CREATE_COMPLETE" })
        #expect(report.parameters.count == 11)
        #expect(report.parameters.allSatisfy { $0.exists && $0.type == "String" && $0.version == 1 })
        #expect(report.stacks.first?.sources == ["infra/domains/serverless.yml"])
        #expect(result.merged.apiCalls > 0)
        #expect(verdicts(stage: stage, discovery: discovery, result: result, claim: .todo).verdict == .ready)
        #expect(verdicts(stage: stage, discovery: discovery, result: result, claim: .done).verdict == .verified)
    }

    @Test(arguments: CredentialMode.allCases)
    func partlyDeployedAccountShowsWhatIsMissing(mode: CredentialMode) async throws {
        let stage = "part\(mode.rawValue.prefix(4).lowercased())"
        try Moto.seedSample(stage: stage, region: Self.region, arguments: [
            "--skip", "infra/s3", "--delete", "services/auth",
            "--drop-parameter", "/listbackup/\(stage)/cognito/user-pool-arn",
        ])
        let (report, discovery, result) = try await probe(stage: stage, mode: mode)
        let stacks = Dictionary(uniqueKeysWithValues: report.stacks.map { ($0.name, $0) })
        #expect(stacks["listbackup-s3-\(stage)"]?.exists == false)
        #expect(stacks["listbackup-s3-\(stage)"]?.status == nil)
        #expect(stacks["listbackup-auth-\(stage)"]?.exists == false)
        #expect(stacks["listbackup-auth-\(stage)"]?.status == "DELETE_COMPLETE")
        #expect(stacks["listbackup-cognito-\(stage)"]?.deployed == true)
        let missing = report.parameters.filter { !$0.exists }.map(\.name)
        #expect(Set(missing) == ["/listbackup/\(stage)/cognito/user-pool-arn", "/listbackup/\(stage)/s3/data-bucket-name"])

        let done = verdicts(stage: stage, discovery: discovery, result: result, claim: .done)
        #expect(done.verdict == .drift)
        let failing = done.evidence.filter { $0.ok == false }.map { "\($0.name): \($0.detail)" }
        #expect(failing == ["listbackup-s3-\(stage): missing", "/listbackup/\(stage)/cognito/user-pool-arn: missing",
                            "/listbackup/\(stage)/s3/data-bucket-name: missing"])
        // The `infra` folder existing is no evidence of a deploy (issue 8 point 8): stacks and parameters only.
        let kinds: [EvidenceKind] = Array(repeating: .stack, count: 4) + Array(repeating: .parameter, count: 8)
        #expect(done.evidence.map(\.kind) == kinds)
        #expect(verdicts(stage: stage, discovery: discovery, result: result, claim: .todo).verdict == .pending)
    }

    @Test(arguments: CredentialMode.allCases)
    func emptyAccountHasNothing(mode: CredentialMode) async throws {
        let stage = "empty\(mode.rawValue.prefix(4).lowercased())"
        let (report, discovery, result) = try await probe(stage: stage, region: "eu-central-1", mode: mode)
        #expect(report.stacks.count == 8)
        #expect(report.stacks.allSatisfy { !$0.exists && !$0.deployed && $0.status == nil })
        #expect(report.parameters.allSatisfy { !$0.exists })
        #expect(verdicts(stage: stage, discovery: discovery, result: result, claim: .done).verdict == .drift)
    }

    @Test func configWildcardsMatchWhatWasSeeded() async throws {
        let stage = "wild"
        try Moto.seedSample(stage: stage, region: Self.region, arguments: ["--only", "infra/cognito"])
        let endpoint = try Moto.endpoint()
        let folder = try TemporaryFolder("evidence")
        defer { folder.remove() }
        let settings = try CredentialMode.environmentKeys.settings(endpoint: endpoint, folder: folder)
        let checks = ItemChecks(stacks: ["listbackup-cognito-${stage}", "listbackup-nothing-*"],
                                parameters: ["/listbackup/${stage}/cognito/*"])
            .expanded(stage: stage, region: Self.region)
        let empty = ProjectDiscovery(services: [], compose: nil, problems: [])
        let plan = ProbePlan.make(discovery: empty, extra: checks.expectations, region: Self.region)
        let result = await ProbeRunner.run(plan, settings: settings)
        #expect(result.failures.isEmpty, "\(result.failures)")
        let report = ProbeReport(plan: plan, result: result, stage: stage, region: Self.region)
        #expect(report.stacks.map(\.deployed) == [true, false])
        #expect(report.parameters.first?.matches.count == 3)
        #expect(report.parameters.first?.exists == true)
    }

    @Test func unreachableEndpointIsAFailureNotACrash() async throws {
        let folder = try TemporaryFolder("evidence")
        defer { folder.remove() }
        var settings = try CredentialMode.environmentKeys.settings(endpoint: "http://127.0.0.1:9", folder: folder)
        settings.retry.maxAttempts = 1
        let discovery = ProjectDiscovery.discover(project: Repository.listbackup.path, stage: "dev", region: Self.region)
        let result = await ProbeRunner.run(ProbePlan.make(discovery: discovery, region: Self.region), settings: settings)
        #expect(!result.failures.isEmpty)
        #expect(result.failures.allSatisfy { !$0.message.isEmpty })
    }
}
