import AWSKit
import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Evidence

/// Issue 8 point 7: `${aws:accountId}` from STS GetCallerIdentity, asked once per
/// credentials and only when a name needs it (moto answers as its MOTO_ACCOUNT_ID).
@Suite(.serialized) struct AccountIDTests {
    func settings(project: TemporaryFolder, endpoint: String?, keys: Bool = true) throws -> EvidenceSettings {
        _ = try project.write("aws/config", "")
        var environment = ["AWS_CONFIG_FILE": project.path("aws/config"),
                           "AWS_SHARED_CREDENTIALS_FILE": project.path("aws/credentials"),
                           "HOME": project.path, "AWS_DEFAULT_REGION": "us-east-1"]
        if keys {
            environment["AWS_ACCESS_KEY_ID"] = "AKIAACCOUNT000000000"
            environment["AWS_SECRET_ACCESS_KEY"] = "account-secret"
        }
        let lookup = ConfigLookup(config: PlanTrackConfig(), planPath: project.path("REFACTOR_PLAN.md"),
                                  projectPath: project.path)
        return EvidenceSettings(lookup: lookup, stage: "dev", region: nil, profile: nil, endpointURL: endpoint,
                                environment: environment)
    }

    @Test func theAccountNamesTheBucketParameterAndIsAskedOnlyWhenNeeded() async throws {
        let moto = try MotoServer(accountID: "222233334444")
        let project = try TemporaryFolder("account")
        defer { project.remove() }
        _ = try project.write("serverless.yml", """
            service: uploads-${aws:accountId}
            provider:
              name: aws
              region: us-west-2
            """)
        var settings = try settings(project: project, endpoint: moto.url)
        let discovery = await EvidenceEngine.discover(settings: &settings)
        #expect(settings.accountID == .known("222233334444"))
        #expect(discovery.services.first?.stack.resolved == "uploads-222233334444-dev")

        // A project that names no account never asks STS.
        _ = try project.write("serverless.yml", "service: uploads\nprovider:\n  name: aws\n")
        var plain = try self.settings(project: project, endpoint: moto.url)
        _ = await EvidenceEngine.discover(settings: &plain)
        #expect(plain.accountID == .notAsked)
    }

    @Test func withoutCredentialsTheNameIsUnknownWithTheReason() async throws {
        let project = try TemporaryFolder("account-none")
        defer { project.remove() }
        _ = try project.write("serverless.yml", "service: uploads-${aws:accountId}\nprovider:\n  name: aws\n")
        var settings = try settings(project: project, endpoint: "http://127.0.0.1:9", keys: false)
        let discovery = await EvidenceEngine.discover(settings: &settings)
        let stack = try #require(discovery.services.first?.stack)
        #expect(stack.resolved == nil)
        #expect(stack.problem?.hasPrefix("${aws:accountId} could not be asked") == true, "\(stack.problem ?? "")")
    }

    @Test func offlineDiscoverySaysItNeedsTheAccount() throws {
        let service = try ServerlessFileReader.read(text: "service: x-${aws:accountId}\n", file: "serverless.yml",
                                                    stage: "dev", region: "us-east-1")
        #expect(service.needsAccountID)
        #expect(service.stack.problem == "${aws:accountId} is asked of STS only when credentials are at hand")
        let known = try ServerlessFileReader.read(text: "service: x-${aws:accountId}\n", file: "serverless.yml",
                                                  stage: "dev", region: "us-east-1", accountID: .known("123"))
        #expect(known.stack.resolved == "x-123-dev")
    }
}
