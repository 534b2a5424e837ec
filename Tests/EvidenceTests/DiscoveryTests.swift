import Foundation
import TestSupport
import Testing
@testable import Evidence

@Suite struct DiscoveryTests {
    @Test func sampleProjectGivesEveryStackInComposeOrder() {
        let discovery = ProjectDiscovery.discover(project: Repository.listbackup.path, stage: "dev", region: nil)
        #expect(discovery.problems.isEmpty, "\(discovery.problems)")
        #expect(discovery.services.map(\.stack.resolved) == [
            "listbackup-domains-dev", "listbackup-cognito-dev", "listbackup-dynamodb-dev", "listbackup-s3-dev",
            "listbackup-api-gateway-dev", "listbackup-accounts-dev", "listbackup-auth-dev", "listbackup-clients-dev",
        ])
        #expect(discovery.services.allSatisfy { $0.region == "us-west-2" })
        #expect(discovery.compose?.services.count == 8)
    }

    @Test func publishedParametersThroughPlainSubAndJoin() throws {
        let discovery = ProjectDiscovery.discover(project: Repository.listbackup.path, stage: "prod", region: nil)
        let cognito = try #require(discovery.service(file: "infra/cognito/serverless.yml"))
        #expect(cognito.folder == "infra/cognito")
        #expect(cognito.stack.resolved == "listbackup-cognito-prod")
        #expect(cognito.publishes.map(\.resolved) == [
            "/listbackup/prod/cognito/user-pool-id", "/listbackup/prod/cognito/user-pool-arn",
            "/listbackup/prod/cognito/user-pool-client-id",
        ])
    }

    @Test func consumedParametersIncludeRegionalOnes() throws {
        let discovery = ProjectDiscovery.discover(project: Repository.listbackup.path, stage: "dev", region: nil)
        let clients = try #require(discovery.service(file: "services/clients/serverless.yml"))
        let names = Set(clients.consumes.map(\.name.display))
        #expect(names == [
            "/listbackup/dev/api-gateway/rest-api-id", "/listbackup/dev/api-gateway/root-resource-id",
            "/listbackup/dev/dynamodb/clients-table-name", "/listbackup/dev/s3/data-bucket-name",
            "/listbackup/dev/api-gateway/authorizer-id",
        ])
        #expect(clients.consumes.first { $0.name.display.hasSuffix("data-bucket-name") }?.region == "us-west-2")
        #expect(clients.publishes.isEmpty)
    }

    @Test func everyShortFormTagParses() throws {
        let text = """
            service: tags
            provider: { name: aws, region: eu-west-1 }
            resources:
              Conditions:
                A: !Equals [!Ref AWS::Region, eu-west-1]
                B: !And [!Condition A, !Or [!Condition A, !Not [!Condition A]]]
              Resources:
                X:
                  Type: AWS::S3::Bucket
                  Properties:
                    A: !GetAtt Y.Arn
                    B: !Select [0, !GetAZs ""]
                    C: !Split [",", !ImportValue shared-list]
                    D: !FindInMap [Map, !Ref AWS::Region, key]
                    E: !Base64 "hello"
                    F: !Cidr [!GetAtt Vpc.CidrBlock, 6, 5]
                    G: !If [A, yes, no]
                P:
                  Type: AWS::SSM::Parameter
                  Properties:
                    Name: !Sub "/tags/${AWS::Region}/${AWS::StackName}/x"
                    Value: !Ref X
                Q:
                  Type: AWS::SSM::Parameter
                  Properties:
                    Name: !GetAtt X.Arn
                    Value: v
            """
        let service = try ServerlessFileReader.read(text: text, file: "serverless.yml", stage: "qa", region: nil)
        #expect(service.stack.resolved == "tags-qa")
        #expect(service.region == "eu-west-1")
        #expect(service.publishes.count == 2)
        #expect(service.publishes[0].resolved == "/tags/eu-west-1/tags-qa/x")
        #expect(service.publishes[1].resolved == nil)
        #expect(service.publishes[1].problem?.contains("Q") == true)
    }

    @Test func variablesNestAndFallBack() throws {
        let text = """
            service: ${self:custom.base}-api
            custom:
              base: shop
              names:
                dev: small
                prod: large
              size: ${self:custom.names.${opt:stage}, 'medium'}
              missing: ${self:custom.nothing, self:custom.base}
            provider:
              name: aws
              stage: ${opt:stage, 'dev'}
              stackName: ${self:service}-${self:custom.size}-${sls:stage}
            resources:
              Resources:
                P:
                  Type: AWS::SSM::Parameter
                  Properties:
                    Name: /${self:custom.missing}/${self:provider.stage}/${self:custom.size}
            """
        let prod = try ServerlessFileReader.read(text: text, file: "a/serverless.yml", stage: "prod", region: "us-east-2")
        #expect(prod.service.resolved == "shop-api")
        #expect(prod.stack.resolved == "shop-api-large-prod")
        #expect(prod.region == "us-east-2")
        #expect(prod.publishes.map(\.resolved) == ["/shop/prod/large"])
        let qa = try ServerlessFileReader.read(text: text, file: "a/serverless.yml", stage: "qa", region: nil)
        #expect(qa.stack.resolved == "shop-api-medium-qa")
    }

    @Test func stageDefaultsToProviderThenDev() throws {
        let withStage = try ServerlessFileReader.read(
            text: "service: s\nprovider:\n  stage: staging\n", file: "serverless.yml", stage: nil, region: nil)
        #expect(withStage.stack.resolved == "s-staging")
        let bare = try ServerlessFileReader.read(text: "service: s\n", file: "serverless.yml", stage: nil, region: nil)
        #expect(bare.stack.resolved == "s-dev")
        #expect(bare.region == nil)
    }

    @Test func unresolvableNamesAreKeptWithAReason() throws {
        let text = """
            service: ${env:SERVICE_NAME}
            resources:
              Resources:
                P:
                  Type: AWS::SSM::Parameter
                  Properties:
                    Name: /x/${cf:other-stack.Output}
            """
        let service = try ServerlessFileReader.read(text: text, file: "serverless.yml", stage: "dev", region: nil)
        #expect(service.stack.resolved == nil)
        #expect(service.stack.problem?.contains("env:SERVICE_NAME") == true)
        #expect(service.publishes.first?.resolved == nil)
        #expect(service.publishes.first?.raw == "/x/${cf:other-stack.Output}")
    }

    @Test func walkSkipsDependencyAndBuildFolders() throws {
        let dir = try TemporaryFolder("evidence")
        defer { dir.remove() }
        try dir.write("svc/serverless.yaml", "service: real\n")
        try dir.write("node_modules/x/serverless.yml", "service: dep\n")
        try dir.write("svc/.serverless/serverless.yml", "service: built\n")
        try dir.write(".git/serverless.yml", "service: git\n")
        try dir.write("bad/serverless.yml", "service: [broken\n")
        let discovery = ProjectDiscovery.discover(project: dir.path, stage: "dev", region: nil)
        #expect(discovery.services.map(\.stack.display) == ["real-dev"])
        #expect(discovery.problems.map(\.file) == ["bad/serverless.yml"])
    }

    @Test func composeOrderFollowsDependsOnAndReportsCycles() throws {
        let compose = try ComposeFile.parse("""
            services:
              api: { path: services/api, dependsOn: [db] }
              db: { path: infra/db }
              web: { path: web, dependsOn: api }
            """, file: "serverless-compose.yml")
        #expect(try compose.deploymentOrder().map(\.name) == ["db", "api", "web"])
        let cyclic = try ComposeFile.parse("""
            services:
              a: { path: a, dependsOn: [b] }
              b: { path: b, dependsOn: [a] }
            """, file: "serverless-compose.yml")
        #expect(throws: DiscoveryProblemError.self) { try cyclic.deploymentOrder() }
    }
}

/// Issue 8 points 1 and 2: where a service's stack lives, and what happens when that is unknown.
@Suite struct ServiceRegionTests {
    @Test func aServiceNamingNoRegionDeploysToUsEast1() throws {
        let service = try ServerlessFileReader.read(text: "service: api\nprovider:\n  name: aws\n", file: "api/serverless.yml",
                                                    stage: "dev", region: nil)
        #expect(service.region == nil)
        #expect(service.deployRegion == "us-east-1")
        #expect(EvidenceLinker.deployEvidence(of: service).map(\.region) == ["us-east-1"])
    }

    @Test func anUnreadableRegionMakesTheServiceEvidenceUnknownWithTheFix() throws {
        let text = "service: api\nprovider:\n  name: aws\n  region: ${file(../../serverless.common.yml):provider.region}\n"
        let service = try ServerlessFileReader.read(text: text, file: "api/serverless.yml", stage: "dev", region: nil)
        let problem = try #require(service.regionProblem)
        #expect(problem.contains("provider.region"))
        #expect(problem.contains("pass --region"))
        let evidence = EvidenceLinker.deployEvidence(of: service)
        #expect(evidence.map(\.problem) == [problem])
        #expect(evidence[0].region == nil)
        let plan = ProbePlan.make(discovery: ProjectDiscovery(services: [service], compose: nil, problems: []),
                                  region: nil)
        #expect(plan.isEmpty, "a stack whose region is unknown is never asked in a default region")
    }

    @Test func aCheckNameWithRegionButNoRegionIsUnknown() {
        let check = ExpectedEvidence(kind: .stack, name: "api-${region}", source: ".plantrack.yml")
        #expect(EvidenceLinker.placed(check, region: nil).problem?.contains("set region:") == true)
        #expect(EvidenceLinker.placed(check, region: "eu-west-1").region == "eu-west-1")
    }
}
