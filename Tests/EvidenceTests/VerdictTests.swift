import AWSKit
import PlanKit
import Foundation
import Testing
@testable import Evidence

@Suite struct VerdictTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func expectations(_ state: ItemState, _ list: [ExpectedEvidence]) -> ItemExpectations {
        ItemExpectations(item: PlanItem.sample(id: "9.9", line: 1, state: state, text: "t"),
                         expectations: list)
    }

    let stack = ExpectedEvidence(kind: .stack, name: "s-dev", source: "s/serverless.yml")
    let parameter = ExpectedEvidence(kind: .parameter, name: "/p/dev/x", source: "s/serverless.yml")
    let file = ExpectedEvidence(kind: .file, name: "infra", source: "plan")

    func probe(stackStatus: String?, parameterExists: Bool) -> ProbeResult {
        ProbeResult(stacks: [StackObservation(name: "s-dev", status: stackStatus, lastUpdated: now)],
                    parameters: [ParameterObservation(name: "/p/dev/x", exists: parameterExists, type: "String", version: 3)],
                    failures: [], apiCalls: 2, probedAt: now)
    }

    func judge(_ claim: ItemState, _ probe: ProbeResult?, files: Bool = true) -> ItemVerdict {
        VerdictJudge.judge([expectations(claim, [stack, parameter, file])], probe: probe, pathExists: { _ in files })[0]
    }

    @Test func everyVerdictOfTheContract() {
        let live = probe(stackStatus: "CREATE_COMPLETE", parameterExists: true)
        let gone = probe(stackStatus: nil, parameterExists: false)
        #expect(judge(.done, live).verdict == .verified)
        #expect(judge(.done, gone).verdict == .drift)
        #expect(judge(.todo, live).verdict == .ready)
        #expect(judge(.todo, gone).verdict == .pending)
        #expect(judge(.aborted, gone).verdict == .skipped)
        #expect(judge(.done, live, files: false).verdict == .drift)
        let none = VerdictJudge.judge([expectations(.done, [])], probe: nil, pathExists: { _ in true })
        #expect(none[0].verdict == .unchecked)
    }

    @Test func detailsSayWhatAUserNeeds() {
        let deleted = judge(.done, probe(stackStatus: "DELETE_COMPLETE", parameterExists: false)).evidence
        #expect(deleted.map(\.detail) == ["deleted", "missing", "exists"])
        let failed = judge(.done, probe(stackStatus: "ROLLBACK_COMPLETE", parameterExists: true)).evidence
        #expect(failed[0] == EvidenceCheck(kind: .stack, name: "s-dev", ok: false, detail: "ROLLBACK_COMPLETE (not live)",
                                           source: "s/serverless.yml", status: "ROLLBACK_COMPLETE", live: false,
                                           changed: now))
        #expect(failed[1].detail == "version 3")
        let updating = judge(.done, probe(stackStatus: "UPDATE_IN_PROGRESS", parameterExists: true))
        #expect(updating.verdict == .verified)
    }

    /// One meaning of a CloudFormation status: the probe calls IMPORT_ROLLBACK_COMPLETE live
    /// (CONTRACT §5), so the verdict holds and the check says it is live for the colour.
    @Test func importRollbackCompleteHolds() {
        let verdict = judge(.done, probe(stackStatus: "IMPORT_ROLLBACK_COMPLETE", parameterExists: true))
        #expect(verdict.verdict == .verified)
        #expect(verdict.evidence[0].ok == true)
        #expect(verdict.evidence[0].live == true)
        #expect(verdict.evidence[0].status == "IMPORT_ROLLBACK_COMPLETE")
    }

    @Test func theOneTableRejudgesUnderANewMark() {
        let verdict = judge(.todo, probe(stackStatus: nil, parameterExists: true))
        #expect(verdict.verdict == .pending)
        #expect(verdict.rejudged(as: .done).verdict == .drift)
        #expect(verdict.rejudged(as: .cancelled).verdict == .skipped)
        #expect(VerdictJudge.verdict(.progress, []) == .unchecked)
    }

    @Test func whatWasNotProbedDoesNotHold() {
        let verdict = judge(.done, nil)
        #expect(verdict.verdict == .drift)
        #expect(verdict.evidence[0].detail == "not probed")
    }

    @Test func wildcardsHoldWhenSomethingMatches() {
        let wildcard = ExpectedEvidence(kind: .parameter, name: "/p/dev/*", source: ".plantrack.yml")
        let result = ProbeResult(stacks: [], parameters: [ParameterObservation(name: "/p/dev/*", exists: true,
                                                                                matches: ["/p/dev/a", "/p/dev/b"])],
                                 failures: [], apiCalls: 1, probedAt: now)
        let verdict = VerdictJudge.judge([expectations(.done, [wildcard])], probe: result, pathExists: { _ in true })[0]
        #expect(verdict.verdict == .verified)
        #expect(verdict.evidence[0].detail == "2 match")
    }
}
