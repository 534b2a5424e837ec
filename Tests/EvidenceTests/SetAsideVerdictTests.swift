import PlanKit
import Testing
@testable import Evidence

/// Issue 12 point 5: a step of an aborted or cancelled task is not going to be done either,
/// so an open step's verdict is `skipped` (CONTRACT §5) whatever its evidence.
@Suite struct SetAsideVerdictTests {
    static let plan = """
        - [!] **TODO 1: Investigate (Aborted)**:
            - [ ] List the pools.
                - [ ] Note each pool's groups.
            - [x] Open the console.
        - [-] **TODO 2: Cancelled**:
            - [ ] Ask around.
        - [x] **TODO 3: Done**:
            - [ ] Tidy up.
        - [ ] **TODO 4: Open**:
            - [ ] First step.
                - [ ] Its detail.
        """

    /// Each item's verdict by reference; every item has one file that exists, so a judged
    /// item is ready or verified and only the rule can make it skipped.
    func verdicts() throws -> [String: ItemVerdict] {
        let document = try PlanDocument(bytes: Array(Self.plan.utf8))
        let file = ExpectedEvidence(kind: .file, name: "README.md", source: ".plantrack.yml")
        let linked = document.items.map { ItemExpectations(item: $0, expectations: [file]) }
        let judged = VerdictJudge.judge(linked, probe: nil, locate: { _ in .inProject })
        return Dictionary(judged.map { ($0.item.reference.description, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func stepsOfAnAbortedOrCancelledTaskAreSkipped() throws {
        let verdicts = try verdicts()
        #expect(verdicts["1"]?.verdict == .skipped)
        #expect(verdicts["L2"]?.verdict == .skipped, "a todo step of an aborted task")
        #expect(verdicts["L6"]?.verdict == .skipped, "a step of a cancelled task")
        #expect(verdicts["L2"]?.setAsideBy?.id == "1")
        #expect(verdicts["L2"]?.setAsideReason == "under TODO 1, which is aborted")
    }

    /// A step ticked before its task was aborted still claims the work happened: a wrong
    /// tick there is drift like anywhere else, so it is judged.
    @Test func aDoneStepOfAnAbortedTaskIsStillJudged() throws {
        let done = try #require(try verdicts()["L4"])
        #expect(done.verdict == .verified)
        #expect(done.setAsideBy == nil)
    }

    @Test func aGrandchildOfAnAbortedTaskIsSkippedToo() throws {
        let grandchild = try #require(try verdicts()["L3"])
        #expect(grandchild.verdict == .skipped)
        #expect(grandchild.setAsideBy?.id == "1", "the aborted task two levels up")
    }

    @Test func stepsOfADoneOrOpenTaskAreJudged() throws {
        let verdicts = try verdicts()
        #expect(verdicts["L8"]?.verdict == .ready, "a step of a done task")
        #expect(verdicts["L10"]?.verdict == .ready, "a step of an open task")
        #expect(verdicts["L11"]?.verdict == .ready, "a grandchild of an open task")
        #expect(verdicts["L10"]?.setAsideBy == nil)
    }

    /// The dashboard re-judges with the marks as they stand: aborting the parent skips the step at
    /// once, and reopening the parent judges it again.
    @Test func rejudgingFollowsTheParentsMark() throws {
        let document = try PlanDocument(bytes: Array(Self.plan.utf8))
        let step = try #require(try verdicts()["L10"])
        var parent = document.items[step.item.parent!]
        parent.state = .aborted
        #expect(step.rejudged(as: .todo, setAsideBy: parent.state.isSetAside ? parent : nil).verdict == .skipped)
        #expect(step.rejudged(as: .todo, setAsideBy: nil).verdict == .ready)
    }

    @Test func verifyTextAndJSONSayWhichTaskSetTheStepAside() throws {
        let verdicts = try verdicts()
        let report = VerifyReport(stage: "dev", verdicts: [verdicts["L2"]!], all: true, apiCalls: 0)
        #expect(report.table(unicode: false).contains("SKIPPED   line 2 (todo, under TODO 1, which is aborted): List the pools."))
        #expect(report.json().contains(#""verdict": "skipped""#) || report.json().contains(#""verdict":"skipped""#))
        #expect(report.json().contains("setAsideBy"))
    }
}
