import Foundation
import Testing
@testable import Evidence

/// Issue 8 point 3: `${env:X}` from the process environment and the service's `.env` /
/// `.env.<stage>`, as Serverless loads them; unset is unknown with the fix.
@Suite struct EnvVariableTests {
    func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plantrack-env-\(UUID().uuidString)")
        let service = root.appendingPathComponent("services/billing")
        try FileManager.default.createDirectory(at: service, withIntermediateDirectories: true)
        try """
            service: ${env:BILLING_SERVICE}
            provider:
              name: aws
              region: ${env:BILLING_REGION, 'eu-west-1'}
            """.write(to: service.appendingPathComponent("serverless.yml"), atomically: true, encoding: .utf8)
        try "BILLING_SERVICE=billing-from-dotenv\n# a comment\n"
            .write(to: service.appendingPathComponent(".env"), atomically: true, encoding: .utf8)
        try "export BILLING_SERVICE=\"billing-prod\"\n"
            .write(to: service.appendingPathComponent(".env.prod"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func dotEnvNamesTheStackAndTheStageFileWins() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let dev = ProjectDiscovery.discover(project: root.path, stage: "dev", region: nil, environment: [:])
        #expect(dev.services.first?.stack.resolved == "billing-from-dotenv-dev")
        #expect(dev.services.first?.region == "eu-west-1")
        let prod = ProjectDiscovery.discover(project: root.path, stage: "prod", region: nil, environment: [:])
        #expect(prod.services.first?.stack.resolved == "billing-prod-prod")
    }

    @Test func theProcessEnvironmentWinsOverDotEnv() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let discovery = ProjectDiscovery.discover(project: root.path, stage: "dev", region: nil,
                                                  environment: ["BILLING_SERVICE": "billing-exported", "BILLING_REGION": "ap-south-1"])
        #expect(discovery.services.first?.stack.resolved == "billing-exported-dev")
        #expect(discovery.services.first?.region == "ap-south-1")
    }

    @Test func anUnsetVariableIsUnknownWithTheFix() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("services/billing/.env"))
        let discovery = ProjectDiscovery.discover(project: root.path, stage: "dev", region: nil, environment: [:])
        let stack = try #require(discovery.services.first?.stack)
        #expect(stack.resolved == nil)
        #expect(stack.problem?.contains("export BILLING_SERVICE or add it to .env") == true)
    }
}

/// Issue 8 point 6: `${ssm:/path~true}` asks for `/path`.
@Suite struct SSMSuffixTests {
    @Test func theDecryptAndSplitSuffixesAreNotPartOfTheName() throws {
        let text = """
            service: api
            provider:
              name: aws
              region: us-west-2
              environment:
                SECRET: ${ssm:/api/${sls:stage}/secret~true}
                LIST: ${ssm(eu-west-1):/api/list~split}
            """
        let service = try ServerlessFileReader.read(text: text, file: "api/serverless.yml", stage: "dev", region: nil)
        #expect(service.consumes.map(\.name.display).sorted() == ["/api/dev/secret", "/api/list"])
        #expect(service.consumes.first { $0.name.display == "/api/list" }?.region == "eu-west-1")
    }
}
