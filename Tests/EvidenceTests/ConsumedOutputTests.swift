import AWSKit
import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Evidence

/// Issue 8 point 18: `${cf:stack.Output}` / `${cf(region):stack.Output}` name stacks a service
/// depends on; they must be live and have the output, or the service's deploy cannot succeed.
@Suite struct ConsumedOutputTests {
    let api = """
        service: api
        provider:
          name: aws
          region: eu-west-1
          environment:
            API_URL: ${cf:listbackup-infra-${sls:stage}.ApiUrl}
            POOL: ${cf(us-west-2):auth-${self:provider.stage}.UserPoolId}
            QUEUE: ${cf:${env:QUEUE_STACK}.QueueUrl}
        """

    func service(_ text: String, stage: String = "dev") throws -> ServerlessService {
        try ServerlessFileReader.read(text: text, file: "services/api/serverless.yml", stage: stage, region: nil)
    }

    func plan(_ service: ServerlessService) -> ProbePlan {
        ProbePlan.make(discovery: ProjectDiscovery(services: [service], compose: nil, problems: []), region: nil)
    }

    @Test func bothFormsAreReadWithStageVariables() throws {
        let outputs = try service(api, stage: "prod").consumesOutputs
        #expect(outputs.count == 3)
        #expect(outputs[0] == ConsumedOutput(stack: .known("listbackup-infra-prod"), output: "ApiUrl"))
        #expect(outputs[1] == ConsumedOutput(stack: .known("auth-prod"), output: "UserPoolId", region: "us-west-2"))
        #expect(outputs[2].stack.resolved == nil)
        #expect(outputs[2].output == "QueueUrl")
        #expect(outputs[2].stack.problem?.contains("QUEUE_STACK") == true)
    }

    @Test func consumedStacksAreAskedWithDescribeStacksInTheirRegion() throws {
        let plan = plan(try service(api))
        let home = try #require(plan.groups.first { $0.region == "eu-west-1" })
        #expect(home.request.stackNames == ["api-dev", "listbackup-infra-dev"])
        #expect(home.request.outputStackNames == ["listbackup-infra-dev"])
        let west = try #require(plan.groups.first { $0.region == "us-west-2" })
        #expect(west.request.outputStackNames == ["auth-dev"])
        let unknown = try #require(plan.unresolved.first { $0.name.raw.contains("QueueUrl") })
        #expect(unknown.name.raw == "${env:QUEUE_STACK}.QueueUrl")
        #expect(unknown.reason.contains("QUEUE_STACK"))
    }

    @Test func probeShowsEachOutputFoundOrMissing() throws {
        let plan = plan(try service(api))
        let result = ProbeResult(stacks: [
            StackObservation(name: "api-dev", status: "CREATE_COMPLETE", lastUpdated: nil),
            StackObservation(name: "listbackup-infra-dev", status: "UPDATE_COMPLETE", lastUpdated: nil, outputs: ["Other"]),
            StackObservation(name: "auth-dev", status: nil, lastUpdated: nil, outputs: nil),
        ], parameters: [], failures: [], apiCalls: 3, probedAt: Date(timeIntervalSince1970: 0))
        let report = ProbeReport(plan: plan, result: result, stage: "dev", region: nil)
        let table = report.table(unicode: false)
        let infraRow = try #require(table.split(separator: "\n").first { $0.contains("ApiUrl") })
        #expect(infraRow.contains("listbackup-infra-dev") && infraRow.contains("no output"), "\(table)")
        let authRow = try #require(table.split(separator: "\n").first { $0.contains("UserPoolId") })
        #expect(authRow.contains("stack missing") && authRow.contains("us-west-2"), "\(table)")
        #expect(table.contains("${env:QUEUE_STACK}.QueueUrl"), "the unresolvable one is listed: \(table)")

        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let outputs = try #require(object["consumedOutputs"] as? [[String: Any]])
        #expect(outputs.map { $0["stack"] as? String } == ["listbackup-infra-dev", "auth-dev"])
        #expect(outputs.map { $0["output"] as? String } == ["ApiUrl", "UserPoolId"])
        #expect(outputs.map { $0["found"] as? Bool } == [false, false])
        #expect(outputs.map { $0["state"] as? String } == ["no output", "stack missing"])
    }

    @Test func verifyNamesTheMissingOutputAndTheMissingStack() throws {
        let evidence = EvidenceLinker.deployEvidence(of: try service(api)).filter { $0.output != nil }
        #expect(evidence.count == 3)
        let answers = ProbeAnswers(regions: [
            .init(requested: "eu-west-1", result: ProbeResult(stacks: [
                StackObservation(name: "listbackup-infra-dev", status: "CREATE_COMPLETE", lastUpdated: nil, outputs: []),
            ], parameters: [], failures: [], apiCalls: 1, probedAt: Date())),
            .init(requested: "us-west-2", result: ProbeResult(stacks: [
                StackObservation(name: "auth-dev", status: nil, lastUpdated: nil, outputs: nil),
            ], parameters: [], failures: [], apiCalls: 1, probedAt: Date())),
        ])
        let checks = evidence.map { VerdictJudge.check($0, probe: answers, locate: { _ in nil }) }
        #expect(checks[0].ok == false)
        #expect(checks[0].detail == "listbackup-infra-dev has no output ApiUrl")
        #expect(checks[1].ok == false)
        #expect(checks[1].detail.hasPrefix("consumed stack auth-dev is missing"))
        #expect(checks[1].region == "us-west-2")
        #expect(checks[2].ok == nil, "an unresolvable ${cf:} is unknown, with the reason")
        #expect(checks[2].detail.contains("QUEUE_STACK"))
    }

    @Test func aLiveStackWithTheOutputHolds() throws {
        let expectation = ExpectedEvidence(kind: .stack, name: "infra-dev", source: "s", region: "eu-west-1", output: "Url")
        let live = StackObservation(name: "infra-dev", status: "UPDATE_ROLLBACK_COMPLETE", lastUpdated: nil, outputs: ["Url"])
        #expect(VerdictJudge.consumedStackCheck(expectation, live).ok == true)
        let failed = StackObservation(name: "infra-dev", status: "ROLLBACK_COMPLETE", lastUpdated: nil, outputs: ["Url"])
        #expect(VerdictJudge.consumedStackCheck(expectation, failed).detail == "consumed stack infra-dev is not live (ROLLBACK_COMPLETE)")
    }
}

/// The same against moto: a stack with the output, one without it, and one missing, each
/// asked with DescribeStacks once.
@Suite(.serialized) struct ConsumedOutputMotoTests {
    @Test func outputsAreReadFromDescribeStacks() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let seed = """
            {"stacks": [{"name": "infra-dev", "region": "eu-west-1", "outputs": {"ApiUrl": "https://x.test"}},
                        {"name": "bare-dev", "region": "eu-west-1"}]}
            """
        try Subprocess.python(FixtureProjectTests.fixtures.appendingPathComponent("seed.py").path,
                              ["--endpoint", moto.url, seed])
        let text = """
            service: api
            provider:
              name: aws
              region: eu-west-1
              environment:
                A: ${cf:infra-${sls:stage}.ApiUrl}
                B: ${cf:bare-${sls:stage}.ApiUrl}
                C: ${cf(eu-west-1):gone-${sls:stage}.ApiUrl}
            """
        let service = try ServerlessFileReader.read(text: text, file: "api/serverless.yml", stage: "dev", region: nil)
        let plan = ProbePlan.make(discovery: ProjectDiscovery(services: [service], compose: nil, problems: []), region: nil)
        let home = try TemporaryFolder("cf-outputs")
        defer { home.remove() }
        let settings = try CredentialMode.environmentKeys.settings(endpoint: moto.url, folder: home)
        let result = await ProbeRunner.run(plan, settings: settings)
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.apiCalls == 4, "api-dev, then each consumed stack once")
        let report = ProbeReport(plan: plan, result: result, stage: "dev", region: nil)
        #expect(report.consumedOutputs.map(\.state) == ["found", "no output", "stack missing"])
        #expect(report.consumedOutputs.map(\.found) == [true, false, false])
    }
}
