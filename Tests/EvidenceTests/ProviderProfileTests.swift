import AWSKit
import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Evidence

/// Issue 9 point 9: a service's `provider.profile` is used for its evidence, below --profile,
/// environment keys, AWS_PROFILE / AWS_DEFAULT_PROFILE and the config's profile (CONTRACT §6).
/// Two moto servers stand for two accounts, each reached through its own profile's endpoint_url.
@Suite(.serialized) struct ProviderProfileTests {
    let plan = """
        # Accounts

        - [x] **TODO 1.1:** Deploy `services/billing`.
        - [x] **TODO 1.2:** Deploy `services/audit`.
        """

    func project(main: MotoServer, other: MotoServer) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("provider-profile")
        try folder.write("REFACTOR_PLAN.md", plan)
        try folder.write("services/billing/serverless.yml",
                         "service: billing\nprovider:\n  name: aws\n  region: eu-west-1\n  profile: ${self:custom.account}\ncustom:\n  account: other\n")
        try folder.write("services/audit/serverless.yml", "service: audit\nprovider:\n  name: aws\n  region: eu-west-1\n")
        try folder.write("aws/config", """
            [default]
            region = eu-west-1
            endpoint_url = \(main.url)

            [profile other]
            region = eu-west-1
            endpoint_url = \(other.url)
            """)
        try folder.write("aws/credentials", """
            [default]
            aws_access_key_id = AKIAMAIN000000000000
            aws_secret_access_key = main-secret

            [other]
            aws_access_key_id = AKIAOTHER00000000000
            aws_secret_access_key = other-secret
            """)
        let seeder = FixtureProjectTests.fixtures.appendingPathComponent("seed.py").path
        try Subprocess.python(seeder, ["--endpoint", main.url, #"{"stacks": [{"name": "audit-dev", "region": "eu-west-1"}]}"#])
        try Subprocess.python(seeder, ["--endpoint", other.url, #"{"stacks": [{"name": "billing-dev", "region": "eu-west-1"}]}"#])
        return folder
    }

    func verdicts(_ folder: TemporaryFolder, extra: [String: String] = [:]) async throws -> [String: ItemVerdict] {
        var environment = ["AWS_CONFIG_FILE": folder.path("aws/config"), "AWS_SHARED_CREDENTIALS_FILE": folder.path("aws/credentials"),
                           "HOME": folder.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        environment.merge(extra) { _, new in new }
        let lookup = try ConfigLookup.resolve(planOption: folder.path("REFACTOR_PLAN.md"), configOption: nil,
                                              currentDirectory: folder.path)
        let settings = EvidenceSettings(lookup: lookup, stage: nil, region: nil, profile: nil, endpointURL: nil,
                                        environment: environment)
        let snapshot = await EvidenceEngine.evaluate(document: try PlanFile(path: lookup.planPath).document, settings: settings)
        return Dictionary(snapshot.verdicts.map { ($0.item.id ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func aServiceWithProviderProfileIsJudgedAgainstThatProfilesAccount() async throws {
        let main = try MotoServer(accountID: "111111111111")
        let other = try MotoServer(accountID: "222222222222")
        defer { main.stop(); other.stop() }
        let folder = try project(main: main, other: other)
        defer { folder.remove() }

        let judged = try await verdicts(folder)
        #expect(judged["1.1"]?.verdict == .verified, "billing-dev lives in the other account: \(judged["1.1"]?.evidence ?? [])")
        #expect(judged["1.2"]?.verdict == .verified, "audit-dev lives in the default one: \(judged["1.2"]?.evidence ?? [])")

        // AWS_PROFILE is above provider.profile: billing is then asked in the default account, where it is not.
        let overridden = try await verdicts(folder, extra: ["AWS_PROFILE": "default"])
        #expect(overridden["1.1"]?.verdict == .drift)
        #expect(overridden["1.2"]?.verdict == .verified)
    }
}
