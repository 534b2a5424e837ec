import AWSKit
import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Evidence

/// The stage matrix (issue 11): each stage judged in its own account, chosen by a profile
/// whose endpoint_url points at its own moto server; the account guard; a stage never
/// deployed; a stage whose credentials fail.
@Suite(.serialized) struct StageMatrixTests {
    static let region = "us-west-2"
    static let plan = """
        # Plan

        ## Phase 2: Infra

        - [x] **TODO 2.5:** Deploy all `infra` stacks and verify that resource details are in SSM.
        - [ ] **TODO 2.6:** Write the runbook.

        """

    /// Servers, profiles and a config whose `stages:` map names a profile per stage.
    struct Accounts: Sendable {
        var servers: [String: MotoServer]
        var folder: TemporaryFolder
        var environment: [String: String]

        init(_ stages: [(stage: String, account: String)], configExtra: [String: String] = [:]) throws {
            folder = try TemporaryFolder("matrix")
            var servers: [String: MotoServer] = [:]
            for (stage, account) in stages { servers[stage] = try MotoServer(accountID: account) }
            self.servers = servers
            environment = try MotoServer.writeProfiles(stages.map { ("acct-\($0.stage)", servers[$0.stage]!) },
                                                       region: StageMatrixTests.region, in: folder)
            var config = "project: \(Repository.listbackup.path)\nregion: \(StageMatrixTests.region)\nstages:\n"
            for (stage, _) in stages {
                config += "  \(stage): {profile: acct-\(stage)\(configExtra[stage].map { ", " + $0 } ?? "")}\n"
            }
            try folder.write(".plantrack.yml", config)
            try folder.write("REFACTOR_PLAN.md", StageMatrixTests.plan)
        }

        func matrix(_ stages: [String]) async throws -> StageMatrix {
            let lookup = try ConfigLookup.resolve(planOption: folder.path("REFACTOR_PLAN.md"), configOption: nil)
            let document = try PlanDocument(bytes: Array(StageMatrixTests.plan.utf8))
            let settings = stages.map {
                EvidenceSettings(lookup: lookup, stage: $0, region: nil, profile: nil, endpointURL: nil,
                                 environment: environment)
            }
            return await StageMatrix.evaluate(items: document.items, stages: settings)
        }
    }

    private func verdict(_ matrix: StageMatrix, _ id: String, _ stage: String) -> ItemVerdict? {
        guard let index = matrix.items.firstIndex(where: { $0.id == id }),
              let column = matrix.stages.firstIndex(of: stage) else { return nil }
        return matrix.columns[column].verdicts[index]
    }

    @Test func twoAccountsEachAnswerForTheirOwnStage() async throws {
        let accounts = try await offPool {
            let accounts = try Accounts([("dev", "111111111111"), ("prod", "222222222222")])
            try accounts.servers["dev"]!.seedSample(stage: "dev", region: Self.region)
            try accounts.servers["prod"]!.seedSample(stage: "prod", region: Self.region, arguments: ["--skip", "infra/s3"])
            // The prod stacks on the dev server must not count for prod: each stage asks its own account.
            try accounts.servers["dev"]!.seedSample(stage: "prod", region: Self.region)
            return accounts
        }
        defer { accounts.folder.remove() }

        let matrix = try await accounts.matrix(["dev", "prod"])
        #expect(matrix.stages == ["dev", "prod"])
        #expect(matrix.columns.allSatisfy { $0.failures.isEmpty }, "\(matrix.columns.map(\.failures))")
        #expect(verdict(matrix, "2.5", "dev")?.verdict == .verified)
        let prod = try #require(verdict(matrix, "2.5", "prod"))
        #expect(prod.verdict == .drift)
        #expect(prod.evidence.contains { $0.name == "listbackup-s3-prod" && $0.ok == false && $0.detail == "missing" })
        #expect(matrix.columns.map(\.drift) == [0, 1])
        let drifting = matrix.items.indices.filter { matrix.row($0).contains { $0.verdict == .drift } }
        #expect(drifting.map { matrix.items[$0].id } == ["2.5"])
    }

    @Test func threeAccountsAndAStageNeverDeployedIsDriftNotAnError() async throws {
        let accounts = try await offPool {
            let accounts = try Accounts([("dev", "111111111111"), ("staging", "222222222222"), ("prod", "333333333333")])
            try accounts.servers["dev"]!.seedSample(stage: "dev", region: Self.region)
            try accounts.servers["prod"]!.seedSample(stage: "prod", region: Self.region)
            return accounts
        }
        defer { accounts.folder.remove() }

        let matrix = try await accounts.matrix(["dev", "staging", "prod"])
        #expect(matrix.columns.allSatisfy { $0.failures.isEmpty && !$0.notAsked })
        #expect(verdict(matrix, "2.5", "dev")?.verdict == .verified)
        #expect(verdict(matrix, "2.5", "prod")?.verdict == .verified)
        let staging = try #require(verdict(matrix, "2.5", "staging"))
        #expect(staging.verdict == .drift)
        #expect(staging.evidence.filter { $0.kind != .file }.allSatisfy { $0.ok == false && $0.detail == "missing" })
        #expect(matrix.columns.map(\.apiCalls).allSatisfy { $0 > 0 })
    }

    @Test func theAccountGuardRefusesCredentialsOfAnotherAccountInThatColumnOnly() async throws {
        // prod's profile points at the dev account's server: the classic accident.
        let accounts = try await offPool {
            let accounts = try Accounts([("dev", "111111111111"), ("prod", "111111111111")],
                                        configExtra: ["dev": "account: \"111111111111\"", "prod": "account: \"222222222222\""])
            try accounts.servers["dev"]!.seedSample(stage: "dev", region: Self.region)
            try accounts.servers["prod"]!.seedSample(stage: "prod", region: Self.region)
            return accounts
        }
        defer { accounts.folder.remove() }

        let matrix = try await accounts.matrix(["dev", "prod"])
        #expect(verdict(matrix, "2.5", "dev")?.verdict == .verified)
        let prod = matrix.columns[1]
        #expect(prod.notAsked)
        let reason = try #require(prod.notAskedReason)
        #expect(reason.contains("222222222222") && reason.contains("111111111111"), "\(reason)")
        #expect(reason.hasPrefix("not asked: stage prod expects account 222222222222"), "\(reason)")
        let evidence = try #require(verdict(matrix, "2.5", "prod")).evidence.filter { $0.kind != .file }
        #expect(!evidence.isEmpty && evidence.allSatisfy { $0.ok == nil && $0.detail.contains("222222222222") })
        #expect(verdict(matrix, "2.5", "prod")?.verdict != .verified)
        #expect(matrix.anyAsked)
    }

    @Test func aStageWhoseCredentialsFailIsNotAskedInItsColumnOnly() async throws {
        let accounts = try await offPool {
            let accounts = try Accounts([("dev", "111111111111")])
            try accounts.servers["dev"]!.seedSample(stage: "dev", region: Self.region)
            return accounts
        }
        defer { accounts.folder.remove() }
        try accounts.folder.write(".plantrack.yml", """
            project: \(Repository.listbackup.path)
            region: \(Self.region)
            stages:
              dev: {profile: acct-dev}
              prod: {profile: no-such-profile}
            """)
        let matrix = try await accounts.matrix(["dev", "prod"])
        #expect(!matrix.columns[0].notAsked)
        #expect(verdict(matrix, "2.5", "dev")?.verdict == .verified)
        #expect(matrix.columns[1].notAsked)
        #expect(matrix.columns[1].notAskedReason?.contains("no-such-profile") == true,
                "\(matrix.columns[1].notAskedReason ?? "nil")")
    }
}
