import Dashboard
import DashboardLoop
import Evidence
import Foundation
import PlanKit
import Testing

/// The stage matrix through the real run loop (issue 11): `m` asks the live source for every
/// stage at once, in the background, and the answer lands as a column per stage.
@Suite struct MatrixLoopTests {
    /// TODO 1.1 is done: verified in dev, drift in prod; prod's second answer cannot be asked.
    static func matrix(_ document: PlanDocument, prodAsked: Bool) -> StageMatrix {
        let item = document.items.first { $0.id == "1.1" }!
        func column(_ stage: String, ok: Bool) -> StageMatrix.Column {
            let check = EvidenceCheck(kind: .stack, name: "stack-\(stage)", ok: ok, detail: ok ? "CREATE_COMPLETE" : "missing",
                                      source: "s")
            return StageMatrix.Column(stage: stage, verdicts: [ItemVerdict(item: item, verdict: ok ? .verified : .drift,
                                                                         evidence: [check])], probedAt: Date())
        }
        return StageMatrix(columns: [column("dev", ok: true), prodAsked ? column("prod", ok: false)
            : .notAsked(stage: "prod", reason: "stage prod expects account 2, but the credentials belong to account 1")])
    }

    @Test func mShowsAColumnPerStageAndARefusedRefreshKeepsTheColumnMarkedStale() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let asked = AskedStages()
        let path = plan.path
        let live = LiveStatusSource(probe: { _ in .probeFailed(.offline(hint: "not in this test"), at: Date()) },
                                    matrix: { stages in
            let first = asked.record(stages)
            let document = try! PlanFile(path: path).document
            return .matrixFinished(Self.matrix(document, prodAsked: first))
        })
        let terminal = RecordingTerminal(columns: 120, rows: 30, steps: [
            .event(.key(.character("m"))),
            .waitFor("drift dev 0 · prod 1"),
            .waitFor("✓ verified"),
            .waitFor("✗ drift"),
            .event(.key(.character("r"))),
            .waitFor("prod*"),
        ])
        let app = try await plan.run(terminal, live: live, stages: ["dev", "prod"])
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(asked.calls == [["dev", "prod"], ["dev", "prod"]])
        #expect(app.state.matrix.shown && !app.state.matrix.probing)
        #expect(app.state.matrix.staleReasons["prod"]?.contains("expects account 2") == true)
        #expect(terminal.text == render(app.state).text)
    }
}

/// What the matrix source was asked, in order.
final class AskedStages: Sendable {
    private let calls_ = Mutex<[[String]]>([])
    var calls: [[String]] { calls_.withLock { $0 } }
    /// Records a call; true for the first.
    func record(_ stages: [String]) -> Bool {
        calls_.withLock { $0.append(stages); return $0.count == 1 }
    }
}

import Synchronization
