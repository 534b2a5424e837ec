import AWSKit
import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Evidence

/// Issue 8 points 8, 12 and 14: only evidence that would be false if the claim were false.
@Suite struct EvidenceRuleTests {
    /// A repository with the plan in docs/planning and the serverless project in backend/.
    func repository() throws -> TemporaryFolder {
        let folder = try TemporaryFolder("evidence-rule")
        try folder.createFolder(".git")
        _ = try folder.write("README.md", "# repo\n")
        _ = try folder.write("docs/planning/REFACTOR_PLAN.md", "# Plan\n")
        _ = try folder.write("backend/services/billing/serverless.yml", """
            service: ${env:BILLING_SERVICE_NAME}
            provider:
              name: aws
              region: us-west-2
            """)
        return folder
    }

    func verdict(_ text: String, state: ItemState = .done, in folder: TemporaryFolder) -> ItemVerdict {
        let project = folder.path("backend")
        let discovery = ProjectDiscovery.discover(project: project, stage: "dev", region: nil, environment: [:])
        let locator = PathLocator(project: project, planFolder: folder.path("docs/planning"),
                                  repositoryRoot: PathLocator.repositoryRoot(above: project))
        let item = PlanItem.sample(id: "1.1", line: 3, state: state, text: text)
        let linked = EvidenceLinker.link(items: [item], discovery: discovery, checks: [:], locate: locator.locate)
        return VerdictJudge.judge(linked, probe: nil, locate: locator.locate)[0]
    }

    @Test func aDeployWhoseStackCannotBeNamedIsUncheckedThoughItsFolderExists() throws {
        let folder = try repository()
        defer { folder.remove() }
        let result = verdict("**TODO 1.1:** Deploy `services/billing`.", in: folder)
        #expect(result.verdict == .unchecked, "the folder existing says nothing about a deploy")
        #expect(!result.evidence.contains { $0.kind.isPath })
        let stack = try #require(result.evidence.first { $0.kind == .stack })
        #expect(stack.ok == nil)
        #expect(stack.detail.contains("BILLING_SERVICE_NAME"))
        #expect(stack.detail.contains("export BILLING_SERVICE_NAME or add it to .env"))
    }

    @Test func aFolderIsEvidenceOnlyForAClaimToCreateOrMoveIt() throws {
        let folder = try repository()
        defer { folder.remove() }
        let create = verdict("**TODO 1.1:** Create `services/`.", in: folder)
        #expect(create.verdict == .verified)
        #expect(create.evidence.map(\.kind) == [.folder])
        let move = verdict("Move the old handlers into `services`.", in: folder)
        #expect(move.evidence.map(\.kind) == [.folder])
        let other = verdict("Document the layout of `services` in the wiki.", in: folder)
        #expect(other.evidence.isEmpty)
        #expect(other.verdict == .unchecked)
        let file = verdict("Document `services/billing/serverless.yml`.", in: folder)
        #expect(file.evidence.map(\.kind) == [.file], "a file named is still a file claim")
    }

    @Test func filesAreFoundUnderTheProjectThenThePlansFolderThenTheRepositoryRoot() throws {
        let folder = try repository()
        defer { folder.remove() }
        let plan = verdict("Create this `REFACTOR_PLAN.md` file.", in: folder)
        #expect(plan.verdict == .verified)
        #expect(plan.evidence.first?.detail == "exists in the plan's folder docs/planning")
        let readme = verdict("Write `README.md`.", in: folder)
        #expect(readme.evidence.first?.detail == "exists in the repository root")
        let own = verdict("Write `services/billing/serverless.yml`.", in: folder)
        #expect(own.evidence.first?.detail == "exists")
        let missing = verdict("Write `NOTES.md`.", in: folder)
        #expect(missing.verdict == .drift)
        #expect(missing.evidence.first?.detail == "missing")
    }

    /// "Remove the `resources` block from each `serverless.yml`" named every service's file: with
    /// none at the project's root it read drift, a wrong verdict on a true claim.
    @Test func aBareFileNameIsLookedForAtAnyDepthBeforeItIsMissing() throws {
        let folder = try repository()
        defer { folder.remove() }
        _ = try folder.write("backend/services/users/serverless.yml", "service: users\n")
        _ = try folder.write("backend/node_modules/pkg/main.go", "package main\n")
        let each = verdict("Remove the `resources` block from each `serverless.yml`.", in: folder)
        #expect(each.verdict == .verified)
        #expect(each.evidence.first?.detail == "exists in services/billing and 1 other folder")
        let skipped = verdict("Add `main.go` handlers.", in: folder)
        #expect(skipped.verdict == .drift, "dependency folders are not the project's files")
        let folderName = verdict("Write `services/serverless.yml`.", in: folder)
        #expect(folderName.verdict == .drift, "a path with a folder names that one file")
    }

    @Test func theRepositoryRootIsTheNearestFolderHoldingGit() throws {
        let folder = try repository()
        defer { folder.remove() }
        #expect(PathLocator.repositoryRoot(above: folder.path("backend/services"))
                    == folder.url.standardizedFileURL.path)
    }

    @Test func aWildcardHoldsOnlyOnALiveMatch() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let wildcard = ExpectedEvidence(kind: .stack, name: "app-*", source: ".plantrack.yml")
        let item = ItemExpectations(item: PlanItem.sample(id: "2.1", line: 1, state: .done, text: "t"),
                                    expectations: [wildcard])
        for status in ["ROLLBACK_COMPLETE", "REVIEW_IN_PROGRESS", "CREATE_FAILED"] {
            let result = ProbeResult(stacks: [StackObservation(name: "app-*", status: status, lastUpdated: now,
                                                               matches: ["app-dev"])],
                                     parameters: [], failures: [], apiCalls: 1, probedAt: now)
            let judged = VerdictJudge.judge([item], probe: ProbeAnswers(result), locate: { _ in nil })[0]
            #expect(judged.verdict == .drift, "\(status) is not live")
            #expect(judged.evidence[0].detail == "1 match, none live (\(status))")
            let plan = ProbePlan.make(discovery: ProjectDiscovery(services: [], compose: nil, problems: []),
                                      extra: [wildcard], region: "us-west-2")
            let json = ProbeReport(plan: plan, result: result, stage: "dev", region: "us-west-2").json()
            #expect(json.contains("\"deployed\":false") || json.contains("\"deployed\": false"), "\(json)")
            #expect(json.contains(status))
        }
        let live = ProbeResult(stacks: [StackObservation(name: "app-*", status: "UPDATE_COMPLETE", lastUpdated: now,
                                                         matches: ["app-dev", "app-old"])],
                               parameters: [], failures: [], apiCalls: 1, probedAt: now)
        #expect(VerdictJudge.judge([item], probe: ProbeAnswers(live), locate: { _ in nil })[0].verdict == .verified)
    }

    @Test func probeNotesReachTheJSONOfProbeAndVerify() {
        var result = ProbeResult(stacks: [], parameters: [], failures: [], apiCalls: 3, probedAt: Date())
        result.notes = ["cloudformation:ListStacks was denied, so the 4 stack name(s) were asked one by one"]
        let plan = ProbePlan.make(discovery: ProjectDiscovery(services: [], compose: nil, problems: []), region: nil)
        #expect(ProbeReport(plan: plan, result: result, stage: "dev", region: nil).json().contains("ListStacks was denied"))
        var report = VerifyReport(stage: "dev", verdicts: [], all: false, apiCalls: 3)
        report.notes = result.notes
        #expect(report.json().contains("ListStacks was denied"))
    }
}
