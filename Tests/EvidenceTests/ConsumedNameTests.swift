import AWSKit
import Foundation
import Testing
@testable import Evidence

/// Issue 8 points 15, 16, 17 and 19: what a serverless file consumes — fallback chains,
/// Secrets Manager references, CloudFormation dynamic references and list-form resources,
/// and references with a part that cannot be worked out.
@Suite struct ConsumedNameTests {
    func service(_ text: String, environment: [String: String] = [:]) throws -> ServerlessService {
        try ServerlessFileReader.read(text: text, file: "svc/serverless.yml", stage: "dev", region: "us-west-2",
                                      environment: environment)
    }

    func plan(of service: ServerlessService) -> ProbePlan {
        ProbePlan.make(discovery: ProjectDiscovery(services: [service], compose: nil, problems: []), region: nil)
    }

    func report(_ service: ServerlessService, existing: [String]) -> ProbeReport {
        let plan = self.plan(of: service)
        let names = plan.parameterOrder
        let result = ProbeResult(stacks: [StackObservation(name: "svc-dev", status: "CREATE_COMPLETE", lastUpdated: nil)],
                                 parameters: names.map { ParameterObservation(name: $0, exists: existing.contains($0)) },
                                 failures: [], apiCalls: 1, probedAt: Date(timeIntervalSince1970: 0))
        return ProbeReport(plan: plan, result: result, stage: "dev", region: "us-west-2")
    }

    let chains = """
        service: svc
        provider:
          name: aws
          environment:
            CONFIG: ${ssm:/cfg/${sls:stage}/x, ssm:/cfg/default/x, ""}
            STRICT: ${ssm:/cfg/${sls:stage}/y, ssm:/cfg/default/y}
            PLAIN: ${ssm:/cfg/plain}
        """

    @Test func fallbackMembersAreShownAsFallbackAndNotCountedMissing() throws {
        let consumed = try service(chains).consumes
        #expect(consumed.first { $0.name.display == "/cfg/dev/x" }?.fallback
            == FallbackChain(members: ["/cfg/dev/x", "/cfg/default/x"], endsInValue: true))
        #expect(consumed.first { $0.name.display == "/cfg/plain" }?.fallback == nil)

        let report = report(try service(chains), existing: ["/cfg/default/y"])
        let table = report.table(unicode: false)
        #expect(table.contains("0 of 5 parameters exist") == false)
        #expect(table.contains("1 of 5 parameters exist; 1 missing"), "\(table)")
        let row = try #require(table.split(separator: "\n").first { $0.contains("/cfg/dev/x") })
        #expect(row.contains("fallback"))
        #expect(!row.contains("missing"))

        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let parameters = try #require(object["parameters"] as? [[String: Any]])
        let dev = try #require(parameters.first { $0["name"] as? String == "/cfg/dev/y" })
        #expect(dev["fallback"] as? Bool == true)
        #expect(dev["chainHolds"] as? Bool == true)
        #expect(parameters.first { $0["name"] as? String == "/cfg/plain" }?["fallback"] == nil)
    }

    @Test func aChainWithNoLiteralAndNoMemberIsMissing() throws {
        let report = report(try service(chains), existing: [])
        let row = try #require(report.table(unicode: false).split(separator: "\n").first { $0.contains("/cfg/dev/y") })
        #expect(row.contains("missing"))
        #expect(report.table(unicode: false).contains("3 missing"))
    }

    @Test func secretsManagerReferencesAreListedNotProbed() throws {
        let service = try service("""
            service: svc
            provider:
              name: aws
              environment:
                DB: ${ssm:/aws/reference/secretsmanager/db/creds}
                KEY: ${ssm:/aws/reference/secretsmanager/api/key:3}
                LABELLED: ${ssm:/aws/reference/secretsmanager/api/key:current}
            """)
        let plan = self.plan(of: service)
        #expect(plan.parameterOrder.isEmpty)
        #expect(plan.groups.flatMap(\.request.parameterNames).isEmpty)
        #expect(plan.secretOrder == ["/aws/reference/secretsmanager/db/creds",
                                     "/aws/reference/secretsmanager/api/key:3",
                                     "/aws/reference/secretsmanager/api/key:current"])
        let report = report(service, existing: [])
        #expect(report.table(unicode: false).contains("Secrets Manager references (listed, not probed through SSM):"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let secrets = try #require(object["secrets"] as? [[String: Any]])
        #expect(secrets.map { $0["name"] as? String } == plan.secretOrder)
        #expect(secrets.allSatisfy { $0["probed"] as? Bool == false && $0["sources"] as? [String] == ["svc/serverless.yml"] })
    }

    @Test func listFormResourcesAndDynamicReferencesAreRead() throws {
        let service = try service("""
            service: svc
            provider:
              name: aws
            resources:
              - Resources:
                  Url:
                    Type: AWS::SSM::Parameter
                    Properties:
                      Name: /svc/${sls:stage}/url
                      Value: "{{resolve:ssm:/shared/${sls:stage}/domain}}"
              - Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      MasterUserPassword: "{{resolve:ssm-secure:/svc/db/password:2}}"
                      DBName: "{{resolve:ssm:/svc/db/name:7}}"
                      Region: !Sub "{{resolve:ssm:/svc/${AWS::Region}/zone}}"
            """)
        #expect(service.publishes.map(\.resolved) == ["/svc/dev/url"])
        let known = Set(service.consumes.compactMap(\.name.resolved))
        #expect(known == ["/shared/dev/domain", "/svc/db/password", "/svc/db/name"])
        let unknown = try #require(service.consumes.first { $0.name.resolved == nil })
        #expect(unknown.name.raw == "/svc/${AWS::Region}/zone")
        #expect(unknown.name.problem?.contains("known only at deploy") == true)
    }

    @Test func aReferenceWithAnUnsetPartIsListedAsUnknownWithTheReason() throws {
        let service = try service("""
            service: svc
            provider:
              name: aws
              environment:
                TOKEN: ${ssm:/app/${env:TENANT}/token}
            """)
        let consumed = try #require(service.consumes.first)
        #expect(consumed.name.resolved == nil)
        #expect(consumed.name.raw == "/app/${env:TENANT}/token")
        #expect(consumed.name.problem == "${env:TENANT} is not set; export TENANT or add it to .env")
        let plan = self.plan(of: service)
        #expect(plan.unresolved.map(\.name.raw) == ["/app/${env:TENANT}/token"])
        #expect(report(service, existing: []).table(unicode: false).contains("/app/${env:TENANT}/token in svc/serverless.yml: ${env:TENANT} is not set"))
    }

    @Test func aV2SuffixIsStrippedForTheNameAndWarnedAboutAtItsLine() throws {
        let service = try service("""
            service: svc
            provider:
              name: aws
              environment:
                SECRET: ${ssm:/svc/secret~true}
                LIST: ${ssm(eu-west-1):/svc/list~split}
                PLAIN: ${ssm:/svc/plain}
            """)
        #expect(Set(service.consumes.compactMap(\.name.resolved)) == ["/svc/secret", "/svc/list", "/svc/plain"])
        #expect(service.warnings.map(\.line) == [5, 6])
        #expect(service.warnings.allSatisfy { $0.file == "svc/serverless.yml" && $0.rule == "ssm-suffix" })
        #expect(service.warnings.first?.message
            == "${ssm:/svc/secret~true}: Serverless v3 and later no longer strip ~true and read a parameter named with it; write ${ssm:/svc/secret} (PlanTrack asks for /svc/secret)")
    }
}
