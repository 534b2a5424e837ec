import Foundation
import Testing
@testable import Evidence

/// Issue 8 points 4 and 5: `${file(path):a.b}` / `${file(path)}` (YAML and JSON, relative to
/// the file that names it, whole blocks too) and `${param:X}` from the service's `params:`
/// and the compose file's `params`.
@Suite struct FileAndParamVariableTests {
    /// Writes `files` (relative path → text) under a new folder and returns it.
    func project(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plantrack-vars-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    func discover(_ files: [String: String], stage: String? = nil) throws -> ProjectDiscovery {
        let root = try project(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return ProjectDiscovery.discover(project: root.path, stage: stage, region: nil, environment: [:])
    }

    @Test func regionAndStageComeFromASharedFileTwoFoldersUp() throws {
        let discovery = try discover([
            "serverless.common.yml": "provider:\n  region: ${opt:region, 'us-west-2'}\n  stage: qa\napp: shop\n",
            "services/api/serverless.yml": """
                service: ${file(../../serverless.common.yml):app}-api
                provider:
                  name: aws
                  region: ${file(../../serverless.common.yml):provider.region}
                  stage: ${file(../../serverless.common.yml):provider.stage}
                """,
        ])
        let service = try #require(discovery.services.first)
        #expect(service.region == "us-west-2")
        #expect(service.regionProblem == nil)
        #expect(service.stack.resolved == "shop-api-qa")
    }

    @Test func wholeBlocksFromYAMLAndJSONAreSeenBySelf() throws {
        let discovery = try discover([
            "services/api/config/custom.json": #"{"prefix": "/shop/${sls:stage}", "nested": "${file(./more.yml):name}"}"#,
            "services/api/config/more.yml": "name: from-more\n",
            "services/api/provider.yml": "name: aws\nregion: eu-central-1\n",
            "services/api/serverless.yml": """
                service: api-${self:custom.nested}
                provider: ${file(./provider.yml)}
                custom: ${file(./config/custom.json)}
                resources:
                  Resources:
                    Url:
                      Type: AWS::SSM::Parameter
                      Properties:
                        Name: ${self:custom.prefix}/api/url
                """,
        ], stage: "dev")
        let service = try #require(discovery.services.first)
        #expect(service.region == "eu-central-1")
        #expect(service.stack.resolved == "api-from-more-dev")
        #expect(service.publishes.map(\.resolved) == ["/shop/dev/api/url"])
    }

    @Test func anUnreadableFileLeavesTheRegionUnknownWithTheFixNeverADefault() throws {
        let discovery = try discover([
            "services/api/serverless.yml": """
                service: api
                provider:
                  name: aws
                  region: ${file(../../serverless.common.yml):provider.region}
                """,
        ])
        let service = try #require(discovery.services.first)
        #expect(service.region == nil)
        let problem = try #require(service.regionProblem)
        #expect(problem.contains("../../serverless.common.yml"))
        #expect(problem.contains("cannot be read"))
        #expect(problem.contains("region: in .plantrack.yml"))
        let plan = ProbePlan.make(discovery: discovery, region: nil)
        #expect(plan.stackOrder.isEmpty)
        #expect(plan.unresolved.map(\.name.problem) == [problem])
    }

    @Test func aMissingAddressInAReadableFileIsUnknown() throws {
        let discovery = try discover([
            "common.yml": "other: 1\n",
            "serverless.yml": "service: ${file(./common.yml):app}\nprovider:\n  name: aws\n",
        ])
        let stack = try #require(discovery.services.first?.stack)
        #expect(stack.resolved == nil)
        #expect(stack.problem?.contains("has no app") == true)
    }

    @Test func paramsComeFromTheStageThenDefault() throws {
        let files = [
            "serverless.yml": """
                service: ${param:prefix}-billing
                params:
                  prod:
                    prefix: live
                  default:
                    prefix: test
                provider:
                  name: aws
                  region: ${param:region}
                """,
        ]
        let prod = try #require(try discover(files, stage: "prod").services.first)
        #expect(prod.stack.resolved == "live-billing-prod")
        let dev = try #require(try discover(files, stage: "dev").services.first)
        #expect(dev.stack.resolved == "test-billing-dev")
        #expect(dev.regionProblem?.contains("${param:region} is not set") == true)
    }

    @Test func composeParamsWinAndOutputsOfOtherServicesAreUnknownBeforeDeploy() throws {
        let discovery = try discover([
            "serverless-compose.yml": """
                services:
                  api:
                    path: services/api
                    params:
                      table: orders-${sls:stage}
                      queueUrl: ${jobs.QueueUrl}
                  jobs:
                    path: services/jobs
                """,
            "services/api/serverless.yml": """
                service: api-${param:table}
                params:
                  default:
                    table: ignored
                provider:
                  name: aws
                  region: us-west-2
                  stackName: ${param:queueUrl}
                """,
            "services/jobs/serverless.yml": "service: jobs\nprovider:\n  name: aws\n",
        ], stage: "dev")
        let api = try #require(discovery.service(file: "services/api/serverless.yml"))
        #expect(api.service.resolved == "api-orders-dev")
        #expect(api.stack.resolved == nil)
        #expect(api.stack.problem == "${param:queueUrl} is the compose output ${jobs.QueueUrl}, known only after jobs is deployed")
    }
}
