import Evidence
import Foundation
import PlanKit
import Testing
@testable import Dashboard

/// The stage matrix view (`m`, issue 11): one verdict column per stage, the selected stage's
/// evidence in Detail, drift per stage in the header, columns that give way at 80 columns.
@Suite struct MatrixTests {
    let t0 = OutlineFixture.epoch

    func check(_ stage: String, ok: Bool) -> EvidenceCheck {
        EvidenceCheck(kind: .stack, name: "listbackup-s3-\(stage)", ok: ok, detail: ok ? "CREATE_COMPLETE" : "missing", source: "s")
    }

    /// 2.5 is done in the outline below: verified in dev, drift in prod (and staging, when asked).
    func column(_ stage: String, ok: Bool, at date: Date? = nil) -> StageMatrix.Column {
        StageMatrix.Column(stage: stage, verdicts: [
            LiveFixture.verdict(Self.outline, id: "2.5", ok ? .verified : .drift, [check(stage, ok: ok)]),
            LiveFixture.verdict(Self.outline, id: "2.1", .unchecked, []),
        ], probedAt: date ?? OutlineFixture.epoch)
    }

    static let outline = OutlineFixture.with(OutlineFixture.small, id: "2.5", mark: "x")

    func state(width: Int = 80, height: Int = 24, stages: [String] = ["dev", "staging", "prod"],
               refresh: TimeInterval = 0) -> DashboardState {
        var state = OutlineFixture.state(Self.outline, width: width, height: height, refresh: refresh, stages: stages)
        state.selectedPhase = 1
        state.rebuildRows()
        state.selectedItem = Self.outline.items.firstIndex { $0.id == "2.5" }
        state.focus = .items
        return state
    }

    @Test func mAsksEveryStageAtOnceAndDropsAnOverlappingRefresh() {
        var state = state()
        #expect(reduce(&state, .key(.character("m"))) == [.probeMatrix(stages: ["dev", "staging", "prod"])])
        #expect(state.matrix.shown)
        #expect(reduce(&state, .key(.character("r"))).isEmpty, "a matrix probe runs already")
        _ = reduce(&state, .matrixFinished(StageMatrix(columns: [column("dev", ok: true), column("staging", ok: false),
                                                                 column("prod", ok: false)])))
        #expect(reduce(&state, .key(.character("r"))) == [.probeMatrix(stages: ["dev", "staging", "prod"])])
        _ = reduce(&state, .key(.character("m")))
        #expect(!state.matrix.shown)
    }

    /// `]` / `[` step through drift in any stage while the matrix is shown, though the single
    /// stage's probe (`live.status`) has said nothing.
    @Test func bracketsJumpToDriftInAnyStageOfTheMatrix() {
        var state = state()
        state.selectedPhase = 0
        state.rebuildRows()
        state.selectedItem = state.rows.first?.item
        _ = reduce(&state, .key(.character("m")))
        _ = reduce(&state, .matrixFinished(StageMatrix(columns: [column("dev", ok: true), column("staging", ok: true),
                                                                 column("prod", ok: false)])))
        #expect(state.live.status == nil)
        _ = reduce(&state, .key(.character("]")))
        #expect(state.selected?.item.id == "2.5", "\(state.message?.text ?? "")")
        _ = reduce(&state, .matrixFinished(StageMatrix(columns: [column("dev", ok: true), column("staging", ok: true),
                                                                 column("prod", ok: true)])))
        _ = reduce(&state, .key(.character("[")))
        #expect(state.message?.text == "No item drifts in any stage.")
    }

    @Test func eachItemShowsAColumnPerStageAndTheHeaderTheDriftPerStage() {
        var state = state(width: 200, height: 60)
        _ = reduce(&state, .key(.character("m")))
        _ = reduce(&state, .matrixFinished(StageMatrix(columns: [column("dev", ok: true), column("staging", ok: false),
                                                                 column("prod", ok: false)])))
        let text = render(state).text
        let row = try! #require(text.split(separator: "\n").first { $0.contains("Deploy all") })
        #expect(row.contains("✓ verified") && row.contains("✗ drift"), "\(row)")
        #expect(row.range(of: "✓ verified")!.lowerBound < row.range(of: "✗ drift")!.lowerBound)
        #expect(text.contains("drift dev 0 · staging 1 · prod 1"), "\(text)")
        #expect(state.matrixDriftItems == [Self.outline.items.firstIndex { $0.id == "2.5" }!])
    }

    @Test func at80ColumnsTheColumnsGiveWayToGlyphs() {
        var state = state()
        _ = reduce(&state, .key(.character("m")))
        _ = reduce(&state, .matrixFinished(StageMatrix(columns: [column("dev", ok: true), column("staging", ok: false),
                                                                 column("prod", ok: false)])))
        let text = render(state).text
        let row = try! #require(text.split(separator: "\n").first { $0.contains("TODO 2.5") || $0.contains("2.5 ") })
        #expect(!row.contains("verified") && row.contains("✓") && row.contains("✗"), "\(row)")
        #expect(text.contains("stag"), "the stage names head the columns")
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
    }

    @Test func detailShowsTheSelectedStagesEvidenceAndSSwitchesIt() {
        var state = state(width: 200, height: 60)
        _ = reduce(&state, .key(.character("m")))
        _ = reduce(&state, .matrixFinished(StageMatrix(columns: [column("dev", ok: true), column("staging", ok: false),
                                                                 column("prod", ok: false)])))
        #expect(render(state).text.contains("listbackup-s3-dev"))
        _ = reduce(&state, .key(.character("s")))
        _ = reduce(&state, .key(.character("s")))
        #expect(state.stage == "prod")
        #expect(state.evidence(for: state.selected!)?.verdict == .drift)
        #expect(render(state).text.contains("listbackup-s3-prod"))
    }

    @Test func aStageThatCannotBeAskedKeepsItsLastAnswerMarkedStale() {
        var state = state(width: 200, height: 60, refresh: 30)
        _ = reduce(&state, .key(.character("m")))
        _ = reduce(&state, .matrixFinished(StageMatrix(columns: [column("dev", ok: true), column("staging", ok: false),
                                                                 column("prod", ok: false)])))
        #expect(state.matrix.nextRefresh == t0 + 30)
        #expect(reduce(&state, .tick(t0 + 30)) == [.probeMatrix(stages: ["dev", "staging", "prod"])])
        let refused = StageMatrix.Column.notAsked(stage: "prod", reason: "stage prod expects account 2, but … belong to account 1")
        _ = reduce(&state, .matrixFinished(StageMatrix(columns: [column("dev", ok: true, at: t0 + 30),
                                                                 column("staging", ok: false, at: t0 + 30), refused])))
        #expect(state.matrix.isStale("prod", now: t0 + 31, refresh: 30))
        #expect(!state.matrix.isStale("dev", now: t0 + 31, refresh: 30))
        #expect(state.matrix.column("prod")?.verdicts.isEmpty == false, "the earlier answer is kept")
        let text = render(state).text
        #expect(text.contains("prod*"), "\(text)")
    }

    @Test func aStageNeverAnsweredReadsNotAskedInItsColumnOnly() {
        var state = state(width: 200, height: 60)
        _ = reduce(&state, .key(.character("m")))
        _ = reduce(&state, .matrixFinished(StageMatrix(columns: [
            column("dev", ok: true), column("staging", ok: false),
            .notAsked(stage: "prod", reason: "no credentials for profile listbackup-prod")])))
        let row = try! #require(render(state).text.split(separator: "\n").first { $0.contains("Deploy all") })
        #expect(row.contains("✓ verified") && row.contains("- not asked"), "\(row)")
        #expect(render(state).text.contains("prod ?"))
    }
}
