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
        VerdictJudge.judge([expectations(claim, [stack, parameter, file])], probe: probe.map { ProbeAnswers($0) }, locate: { _ in files ? .inProject : nil })[0]
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
        let none = VerdictJudge.judge([expectations(.done, [])], probe: nil, locate: { _ in .inProject })
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
        #expect(verdict.rejudged(as: .done, setAsideBy: nil).verdict == .drift)
        #expect(verdict.rejudged(as: .cancelled, setAsideBy: nil).verdict == .skipped)
        #expect(VerdictJudge.verdict(.progress, setAsideBy: nil, []) == .unchecked)
    }

    /// Issue 8's rule: evidence that could not be asked is unknown (`ok` nil), never holding;
    /// alone it leaves the item unchecked, and a failing file still decides.
    @Test func whatWasNotAskedIsUnknownAndNeverHolds() {
        let verdict = judge(.done, nil)
        #expect(verdict.verdict == .unchecked)
        #expect(verdict.evidence.map(\.ok) == [nil, nil, true])
        #expect(verdict.evidence[0].detail == "not asked")
        #expect(judge(.done, nil, files: false).verdict == .drift)
        #expect(judge(.todo, nil).verdict == .unchecked)
    }

    /// Issue 8 point 23 / issue 10 point 13: without credentials files are still judged and AWS
    /// evidence says "not asked: no credentials" with the fix.
    @Test func noCredentialsIsNotAskedAndFilesStillCount() {
        let failed = ProbeResult(stacks: [], parameters: [], failures: [
            ProbeFailure(service: "sts", code: "NoCredentials", message: "No AWS credentials were found."),
        ], apiCalls: 0, probedAt: now)
        let verdict = judge(.done, failed, files: false)
        #expect(verdict.verdict == .drift, "the missing file still counts")
        #expect(verdict.evidence[0].ok == nil)
        #expect(verdict.evidence[0].detail.hasPrefix("not asked: no credentials; set AWS_PROFILE"))
        #expect(verdict.evidence[2].ok == false)
    }

    /// Issue 8 point 1: an answer from another region is not evidence for a name asked elsewhere.
    @Test func aStackIsJudgedOnlyByTheAnswerOfItsRegion() {
        var west = stack
        west.region = "us-west-2"
        let eastAnswer = ProbeAnswers(regions: [.init(requested: "us-east-1", result: probe(stackStatus: "CREATE_COMPLETE",
                                                                                           parameterExists: true))])
        let item = ItemExpectations(item: PlanItem.sample(id: "1", line: 1, state: .done, text: "t"), expectations: [west])
        let inEast = VerdictJudge.judge([item], probe: eastAnswer, locate: { _ in .inProject })[0]
        #expect(inEast.evidence[0].ok == nil)
        #expect(inEast.verdict == .unchecked)
        let westAnswer = ProbeAnswers(regions: [.init(requested: "us-west-2", result: probe(stackStatus: "CREATE_COMPLETE",
                                                                                           parameterExists: true))])
        let inWest = VerdictJudge.judge([item], probe: westAnswer, locate: { _ in .inProject })[0]
        #expect(inWest.verdict == .verified)
        #expect(inWest.evidence[0].region == "us-west-2")
    }

    /// Issue 8 point 8: a name that cannot be worked out is unknown with its reason, so a done
    /// item does not read verified on the strength of other evidence.
    @Test func anUnknownNameLeavesTheItemUnchecked() {
        let unknown = ExpectedEvidence(kind: .stack, name: "${env:SERVICE}-dev", source: "svc/serverless.yml",
                                       problem: "name unknown: ${env:SERVICE} is not set; export SERVICE")
        let verdict = VerdictJudge.judge([expectations(.done, [unknown, file])], probe: nil, locate: { _ in .inProject })[0]
        #expect(verdict.verdict == .unchecked)
        #expect(verdict.evidence[0].ok == nil)
        #expect(verdict.evidence[0].detail.contains("export SERVICE"))
    }

    @Test func wildcardsHoldWhenSomethingMatches() {
        let wildcard = ExpectedEvidence(kind: .parameter, name: "/p/dev/*", source: ".plantrack.yml")
        let result = ProbeResult(stacks: [], parameters: [ParameterObservation(name: "/p/dev/*", exists: true,
                                                                                matches: ["/p/dev/a", "/p/dev/b"])],
                                 failures: [], apiCalls: 1, probedAt: now)
        let verdict = VerdictJudge.judge([expectations(.done, [wildcard])], probe: ProbeAnswers(result), locate: { _ in .inProject })[0]
        #expect(verdict.verdict == .verified)
        #expect(verdict.evidence[0].detail == "2 match")
    }
}
