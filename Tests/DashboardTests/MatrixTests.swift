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

    static let everyStage: [Effect] = [.probeColumn(stage: "dev"), .probeColumn(stage: "staging"), .probeColumn(stage: "prod")]

    /// One column's answer, as the loop posts it.
    func answer(_ column: StageMatrix.Column) -> Action { .matrixFinished(StageMatrix(columns: [column])) }

    @Test func mAsksEveryStageEachOnItsOwnAndDropsAnOverlappingRefresh() {
        var state = state()
        #expect(reduce(&state, .key(.character("m"))) == Self.everyStage)
        #expect(state.matrix.shown)
        #expect(reduce(&state, .key(.character("r"))).isEmpty, "every stage is being asked already")
        _ = reduce(&state, answer(column("staging", ok: false)))
        #expect(reduce(&state, .key(.character("r"))) == [.probeColumn(stage: "staging")], "dev and prod still run")
        for stage in ["dev", "staging", "prod"] { _ = reduce(&state, answer(column(stage, ok: stage == "dev"))) }
        #expect(reduce(&state, .key(.character("r"))) == Self.everyStage)
        _ = reduce(&state, .key(.character("m")))
        #expect(!state.matrix.shown)
    }

    /// A slow stage holds no other back: the first answer shows at once, and each column
    /// refreshes `refresh` seconds after its own answer, while the slow one is still out.
    @Test func eachStageRefreshesOnItsOwnTimer() {
        var state = state(width: 200, height: 60, refresh: 30)
        _ = reduce(&state, .key(.character("m")))
        _ = reduce(&state, .tick(t0 + 2))
        _ = reduce(&state, answer(column("dev", ok: true, at: t0 + 2)))
        let row = try! #require(render(state).text.split(separator: "\n").first { $0.contains("Deploy all") })
        #expect(row.contains("✓ verified") && row.contains("…"), "dev shows while staging and prod are out: \(row)")
        _ = reduce(&state, .tick(t0 + 10))
        _ = reduce(&state, answer(column("prod", ok: false, at: t0 + 10)))
        #expect(reduce(&state, .tick(t0 + 31)).isEmpty, "nothing is due yet")
        #expect(reduce(&state, .tick(t0 + 32)) == [.probeColumn(stage: "dev")])
        _ = reduce(&state, answer(column("dev", ok: true, at: t0 + 33)))
        #expect(reduce(&state, .tick(t0 + 40)) == [.probeColumn(stage: "prod")], "prod on its own clock; staging still out")
        #expect(reduce(&state, .tick(t0 + 63)) == [.probeColumn(stage: "dev")], "dev again, though staging never answered")
        #expect(state.matrix.isProbing("staging") && state.matrix.column("staging") == nil)
    }

    /// A stage that fails after an answer marks only its own column stale ("prod stale 1m" above
    /// it where wide, "pro*" where narrow), retries later and later, and the others keep refreshing.
    @Test func aFailingStageMarksOnlyItsColumnStaleAndTheOthersKeepRefreshing() {
        var state = state(width: 200, height: 60, refresh: 30)
        _ = reduce(&state, .key(.character("m")))
        for stage in ["dev", "staging", "prod"] { _ = reduce(&state, answer(column(stage, ok: stage == "dev"))) }
        #expect(reduce(&state, .tick(t0 + 30)) == Self.everyStage)
        _ = reduce(&state, .tick(t0 + 62))
        let refused = StageMatrix.Column.notAsked(stage: "prod", reason: "moto at 127.0.0.1 did not answer")
        _ = reduce(&state, answer(refused))
        _ = reduce(&state, answer(column("dev", ok: true, at: t0 + 62)))
        _ = reduce(&state, answer(column("staging", ok: false, at: t0 + 62)))
        #expect(state.matrix.isStale("prod", now: t0 + 62, refresh: 30))
        #expect(!state.matrix.isStale("dev", now: t0 + 62, refresh: 30) && !state.matrix.isStale("staging", now: t0 + 62, refresh: 30))
        #expect(state.matrix.column("prod")?.verdicts.isEmpty == false, "the earlier answer is kept")
        #expect(state.message?.text.contains("prod could not be refreshed") == true)
        let wide = render(state).text
        #expect(wide.contains("prod stale 1m"), "\(wide)")
        #expect(!wide.contains("dev stale") && !wide.contains("staging stale"))
        #expect(wide.contains("prod 1*") && !wide.contains("dev 0*"))
        // dev and staging are due at +92; prod, having failed once, at +62 + 60.
        #expect(reduce(&state, .tick(t0 + 92)) == [.probeColumn(stage: "dev"), .probeColumn(stage: "staging")])
        #expect(reduce(&state, .tick(t0 + 122)) == [.probeColumn(stage: "prod")])
        _ = reduce(&state, .resize(width: 80, height: 24))
        let narrow = render(state).text
        #expect(narrow.contains("pro*") && !narrow.contains("dev*"), "\(narrow)")
        _ = reduce(&state, answer(column("prod", ok: false, at: t0 + 123)))
        #expect(!state.matrix.isStale("prod", now: t0 + 123, refresh: 30), "an answer ends the staleness")
    }

    /// An answer older than the refresh interval is stale unless a refresh of it is under way
    /// (and has not itself run longer than the interval): a slow stage goes stale, a punctual
    /// one never flickers.
    @Test func aColumnOlderThanTheRefreshIntervalIsStaleUnlessItsRefreshIsUnderWay() {
        var state = state(width: 200, height: 60, refresh: 30)
        _ = reduce(&state, .key(.character("m")))
        for stage in ["dev", "staging", "prod"] { _ = reduce(&state, answer(column(stage, ok: true))) }
        _ = reduce(&state, .tick(t0 + 30))
        #expect(state.matrix.isProbing("prod"))
        #expect(!state.matrix.isStale("prod", now: t0 + 45, refresh: 30), "its refresh is under way")
        _ = reduce(&state, answer(column("dev", ok: true, at: t0 + 31)))
        _ = reduce(&state, answer(column("staging", ok: true, at: t0 + 31)))
        _ = reduce(&state, .tick(t0 + 61))
        #expect(state.matrix.isStale("prod", now: t0 + 61, refresh: 30), "prod's refresh has run longer than the interval")
        #expect(!state.matrix.isStale("dev", now: t0 + 61, refresh: 30))
        #expect(render(state).text.contains("prod stale 1m"))
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

    /// A long phase title stops short of the stage names (it ran into them: "Stacksdev  prod").
    @Test func aLongPhaseTitleLeavesTheStageHeadingsApart() {
        let outline = OutlineFixture.make([OutlineFixture.Spec(phase: "Isolate Stateful Infrastructure Stacks and More", number: "2",
                                                               items: [("2.5", "x", "**TODO 2.5:** Deploy all stacks.", 0)])])
        var state = OutlineFixture.state(outline, stages: ["dev", "prod"])
        _ = reduce(&state, .key(.character("m")))
        let heading = try! #require(render(state).text.split(separator: "\n").first { $0.contains("Phase 2:") })
        #expect(heading.hasSuffix(" dev  prod") && heading.range(of: "\\S\\s+dev  prod$", options: .regularExpression) != nil, "\(heading)")
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
        #expect(state.matrix.refreshes.values.map(\.nextRefresh) == [t0 + 30, t0 + 30, t0 + 30])
        #expect(reduce(&state, .tick(t0 + 30)) == Self.everyStage)
        let refused = StageMatrix.Column.notAsked(stage: "prod", reason: "stage prod expects account 2, but … belong to account 1")
        _ = reduce(&state, .matrixFinished(StageMatrix(columns: [column("dev", ok: true, at: t0 + 30),
                                                                 column("staging", ok: false, at: t0 + 30), refused])))
        #expect(state.matrix.isStale("prod", now: t0 + 31, refresh: 30))
        #expect(!state.matrix.isStale("dev", now: t0 + 31, refresh: 30))
        #expect(state.matrix.column("prod")?.verdicts.isEmpty == false, "the earlier answer is kept")
        let text = render(state).text
        #expect(text.contains("prod stale 30s"), "\(text)")
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
