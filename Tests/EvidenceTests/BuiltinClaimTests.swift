import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Evidence

/// Issue 12 point 3: the claims a Serverless refactor's items make, judged without configuration,
/// on a project before and after the step: pending → ready, and drift when ticked too early.
@Suite struct BuiltinClaimTests {
    static let plan = """
    # Plan

    - [ ] **TODO 1.2:** Move all existing `serverless-*.yml` files into the `services` directory.
    - [ ] **TODO 3.1:** Create `services/api-gateway/serverless.yml`.
    - [ ] **TODO 3.2: Refactor Application Services**:
        - For each service file (`accounts`, `auth`):
            - [ ] **TODO 3.2.2:** Remove all `resources` definitions.
            - [ ] **TODO 3.2.3:** Replace `${cf:...}` dependencies with `${ssm:...}` parameters.
    - [ ] **TODO 4.1:** Create `serverless-compose.yml`.
    - [ ] **TODO 4.2:** Define the deployment order and dependencies for all `infra` and `services` stacks.

    """

    static let before: [String: String] = [
        "serverless-accounts.yml": "service: accounts\nprovider: {name: aws}\nresources:\n  Resources: {}\n",
        "serverless-auth.yml": "service: auth\nprovider: {name: aws}\ncustom:\n  api: ${cf:api-dev.RestApiId}\n",
        "services/.keep": "",
    ]

    static let after: [String: String] = [
        "infra/README.md": "",
        "services/accounts/serverless.yml": "service: accounts\nprovider: {name: aws}\n",
        "services/auth/serverless.yml": "service: auth\nprovider: {name: aws}\ncustom:\n  api: ${ssm:/api/id}\n",
        // The central API keeps its resources: another item names it, so 3.2 does not claim it.
        "services/api-gateway/serverless.yml": "service: api\nprovider: {name: aws}\nresources:\n  Resources: {}\n",
        "serverless-compose.yml": """
        services:
          api: {path: services/api-gateway}
          accounts: {path: services/accounts, dependsOn: [api]}
          auth: {path: services/auth, dependsOn: api}
        """,
    ]

    func verdicts(_ files: [String: String], plan: String = plan, config: String? = nil) async throws -> [String: ItemVerdict] {
        let folder = try TemporaryFolder("builtin")
        defer { folder.remove() }
        for (path, text) in files { try folder.write(path, text) }
        var settingsConfig = PlanTrackConfig()
        if let config { settingsConfig = try PlanTrackConfig.parse(config, file: folder.path(".plantrack.yml")) }
        let lookup = ConfigLookup(config: settingsConfig, planPath: folder.path("REFACTOR_PLAN.md"), projectPath: folder.path)
        let settings = EvidenceSettings(lookup: lookup, stage: "dev", region: "us-west-2", profile: nil, endpointURL: nil,
                                        environment: [:])
        let document = try PlanDocument(bytes: Array(plan.utf8))
        let snapshot = await EvidenceEngine.evaluate(document: document, settings: settings)
        return Dictionary(snapshot.verdicts.compactMap { verdict in verdict.item.id.map { ($0, verdict) } },
                          uniquingKeysWith: { first, _ in first })
    }

    func builtIn(_ verdict: ItemVerdict?) -> [EvidenceCheck] {
        verdict?.evidence.filter { $0.source == "built in" } ?? []
    }

    @Test func beforeTheRefactorEachClaimIsPending() async throws {
        let verdicts = try await verdicts(Self.before)
        for id in ["1.2", "3.2.2", "3.2.3", "4.1", "4.2"] {
            #expect(verdicts[id]?.verdict == .pending, "\(id)")
            #expect(!builtIn(verdicts[id]).isEmpty, "\(id)")
        }
        #expect(builtIn(verdicts["1.2"]).first { $0.ok == false }?.detail == "serverless-accounts.yml is still outside services/")
        #expect(builtIn(verdicts["3.2.3"]).first?.detail == "no file matches services/*/serverless.yml")
    }

    @Test func afterTheRefactorTheSameItemsAreReady() async throws {
        let verdicts = try await verdicts(Self.after)
        for id in ["1.2", "3.2.2", "3.2.3", "4.1", "4.2"] {
            #expect(verdicts[id]?.verdict == .ready, "\(id): \(builtIn(verdicts[id]))")
        }
        // The services of 3.2 are the discovered ones under services/, less the one 3.1 names.
        #expect(builtIn(verdicts["3.2.2"]).map(\.name) == [
            "services/accounts/serverless.yml resources absent", "services/auth/serverless.yml resources absent",
        ])
    }

    @Test func tickedWithTheOldCodeInPlaceIsDrift() async throws {
        var files = Self.after
        files["services/auth/serverless.yml"] = "service: auth\nprovider: {name: aws}\ncustom:\n  api: ${cf:api-dev.RestApiId}\nresources: {}\n"
        files["serverless-users.yml"] = "service: users\n"
        files["serverless-compose.yml"] = "services:\n  api: {path: services/api-gateway}\n  auth: {path: services/auth}\n"
        let done = Self.plan.replacingOccurrences(of: "- [ ]", with: "- [x]")
        let verdicts = try await verdicts(files, plan: done)
        for id in ["1.2", "3.2.2", "3.2.3", "4.2"] {
            #expect(verdicts[id]?.verdict == .drift, "\(id)")
        }
        #expect(builtIn(verdicts["3.2.3"]).first { $0.ok == false }?.detail == "services/auth/serverless.yml:4 still has ${cf:")
        #expect(builtIn(verdicts["3.2.2"]).first { $0.ok == false }?.detail == "services/auth/serverless.yml:5 still has resources")
        #expect(builtIn(verdicts["4.2"]).first?.detail
            == "serverless-compose.yml:2 service api has no dependsOn and nothing depends on it")
    }

    @Test func builtinFalseSwitchesAnItemsClaimsOff() async throws {
        let verdicts = try await verdicts(Self.before, config: "checks:\n  \"3.2.3\": {builtin: false}\n")
        #expect(builtIn(verdicts["3.2.3"]).isEmpty)
        #expect(verdicts["3.2.3"]?.verdict == .unchecked)
        #expect(verdicts["3.2.2"]?.verdict == .pending)
    }
}
