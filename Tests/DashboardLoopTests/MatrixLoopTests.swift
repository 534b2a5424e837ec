import Dashboard
import DashboardLoop
import Evidence
import Foundation
import PlanKit
import Synchronization
import Testing
import TestSupport

/// The stage matrix through the real run loop (issue 11): `m` asks the live source for each
/// stage on its own, in the background; each answer lands as its stage's column, and each
/// column refreshes and goes stale on its own.
@Suite struct MatrixLoopTests {
    /// TODO 1.1 is done: verified in dev, drift in prod; prod's second answer cannot be asked.
    static func column(_ document: PlanDocument, _ stage: String, asked: Bool) -> StageMatrix.Column {
        guard asked else {
            return .notAsked(stage: stage, reason: "stage prod expects account 2, but the credentials belong to account 1")
        }
        let item = document.items.first { $0.id == "1.1" }!
        let ok = stage == "dev"
        let check = EvidenceCheck(kind: .stack, name: "stack-\(stage)", ok: ok, detail: ok ? "CREATE_COMPLETE" : "missing",
                                  source: "s")
        return StageMatrix.Column(stage: stage, verdicts: [ItemVerdict(item: item, verdict: ok ? .verified : .drift,
                                                                     evidence: [check])], probedAt: Date())
    }

    @Test func mShowsAColumnPerStageAndARefusedRefreshKeepsTheColumnMarkedStale() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let asked = AskedStages()
        let path = plan.path
        let live = LiveStatusSource(probe: { _ in .probeFailed(.offline(hint: "not in this test"), at: Date()) },
                                    matrix: { stages in
            asked.record(stages)
            let document = try! PlanFile(path: path).document
            return .matrixFinished(StageMatrix(columns: stages.map {
                Self.column(document, $0, asked: $0 == "dev" || asked.count("prod") == 1)
            }))
        })
        let terminal = RecordingTerminal(columns: 120, rows: 30, steps: [
            .event(.key(.character("m"))),
            .waitFor("drift dev 0 · prod 1"),
            .waitFor("✓ verified"),
            .waitFor("✗ drift"),
            .event(.key(.character("r"))),
            .waitFor("prod stale"),
        ])
        let app = try await plan.run(terminal, live: live, stages: ["dev", "prod"])
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(asked.calls.sorted { $0.joined() < $1.joined() } == [["dev"], ["dev"], ["prod"], ["prod"]],
                "each stage is asked on its own")
        #expect(app.state.matrix.shown && !app.state.matrix.probing)
        #expect(app.state.matrix.refreshes["prod"]?.staleReason?.contains("expects account 2") == true)
        #expect(terminal.text == render(app.state).text)
    }

    /// Two moto servers stand for two accounts; the evidence layer asks each stage through its
    /// own profile, each column on its own two-second timer. Prod's server stops mid-run: only
    /// prod's column goes stale, and dev's keeps refreshing.
    @Test func aStoppedServerMakesOnlyItsColumnStaleWhileTheOtherKeepsRefreshing() async throws {
        let region = "us-west-2"
        let plan = try AppHarness(plan: """
            # Plan

            ## Phase 2: Infra

            - [x] **TODO 2.5:** Deploy all `infra` stacks and verify that resource details are in SSM.

            """)
        defer { plan.cleanUp() }
        let (dev, prod, profiles) = try await offPool {
            let dev = try MotoServer(accountID: "111111111111"), prod = try MotoServer(accountID: "222222222222")
            try dev.seedSample(stage: "dev", region: region, arguments: ["--only", "infra"])
            try prod.seedSample(stage: "prod", region: region, arguments: ["--only", "infra"])
            let profiles = try TemporaryFolder("matrix-loop")
            return (dev, prod, profiles)
        }
        defer { dev.stop(); prod.stop(); profiles.remove() }
        var environment = try MotoServer.writeProfiles([("acct-dev", dev), ("acct-prod", prod)], region: region, in: profiles)
        environment["AWS_MAX_ATTEMPTS"] = "1"  // a stopped server fails at once, not after retries
        try Data("""
            project: \(Repository.listbackup.path)
            region: \(region)
            stages:
              dev: {profile: acct-dev}
              prod: {profile: acct-prod, account: "222222222222"}

            """.utf8).write(to: plan.folder.appendingPathComponent(".plantrack.yml"))
        let lookup = try ConfigLookup.resolve(planOption: plan.path, configOption: nil)
        let evidence = LiveStatusSource.evidenceMatrix(lookup: lookup, region: nil, profile: nil, endpointURL: nil,
                                                       environment: environment)
        let asked = AskedStages()
        let live = LiveStatusSource(probe: { _ in .probeFailed(.offline(hint: "not in this test"), at: Date()) },
                                    matrix: { stages in
            asked.record(stages)
            return await evidence(stages)
        })
        let stoppedAt = Mutex<(date: Date, devCalls: Int)?>(nil)
        let terminal = RecordingTerminal(columns: 120, rows: 30, steps: [
            .event(.key(.character("m"))),
            .waitFor("drift dev 0 · prod 0"),
            .run {
                prod.stop()
                stoppedAt.withLock { $0 = (Date(), asked.count("dev")) }
            },
            .waitFor("prod stale"),
            .waitUntil("dev asked twice more after prod stopped") {
                asked.count("dev") >= (stoppedAt.withLock { $0?.devCalls } ?? .max) + 2
            },
            .waitFor("prod stale"),
        ])
        let app = try await plan.run(terminal, live: live, stages: ["dev", "prod"], refresh: 2)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        let stop = try #require(stoppedAt.withLock { $0 })
        let matrix = app.state.matrix
        #expect(matrix.refreshes["prod"]?.staleReason != nil, "\(matrix.refreshes)")
        #expect(matrix.refreshes["dev"]?.staleReason == nil)
        #expect((matrix.column("dev")?.probedAt ?? .distantPast) > stop.date, "dev kept refreshing")
        #expect(matrix.column("prod")?.verdicts.first?.verdict == .verified, "prod keeps its last answer")
        // Whether dev's answer is older than 2 s when the run ends depends on the machine's load;
        // whether its refresh failed does not.
        #expect(terminal.text.contains("prod stale") && terminal.text.contains("prod 0*"), "\(terminal.text)")
    }
}

/// What the matrix source was asked, in order.
final class AskedStages: Sendable {
    private let calls_ = Mutex<[[String]]>([])
    var calls: [[String]] { calls_.withLock { $0 } }
    func record(_ stages: [String]) { calls_.withLock { $0.append(stages) } }
    /// How many calls asked `stage`.
    func count(_ stage: String) -> Int { calls_.withLock { $0.filter { $0.contains(stage) }.count } }
}
