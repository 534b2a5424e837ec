import Dashboard
import DashboardLoop
import Foundation
import PlanKit
import Synchronization
import Testing

/// Issue 12 point 2: a file a `text`/`yaml` check read changes while the dashboard is open,
/// and the claims are judged again without a key.
@Suite struct CheckedFilesTests {
    @Test func aCheckedFileThatChangesIsJudgedAgain() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let checked = plan.folder.appendingPathComponent("serverless.yml")
        try Data("a: ${cf:x}\n".utf8).write(to: checked)
        let probes = Mutex(0)
        let live = LiveStatusSource { _ in
            let count = probes.withLock { $0 += 1; return $0 }
            if count == 1 {
                return .probeFinished(LiveStatus(stage: "dev", probedAt: Date(), verdicts: [], watchedFiles: [checked.path]))
            }
            return .probeFailed(.failed("judged again, time \(count)"), at: Date())
        }
        let terminal = RecordingTerminal(columns: 100, rows: 24, steps: [
            .waitFor("dev · probed"),
            .run { try? Data("a: ${ssm:/x}\n".utf8).write(to: checked) },
            .waitFor("judged again, time 2"),
        ])
        let app = try await plan.run(terminal, live: live, pollInterval: 0.05)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(probes.withLock { $0 } == 2)
        #expect(!app.state.live.probing)
    }
}
