import Dashboard
import DashboardLoop
import Foundation
import PlanKit
import Synchronization
import Testing

/// Issue 14 point 3: history in the dashboard, read in the background.
@Suite struct HistoryLoopTests {
    static func day(_ text: String) -> Date { ISO8601DateFormatter().date(from: text + "T10:00:00Z")! }

    /// Two versions of the harness plan: 1.1 open on 2 November, closed by ann on 20 November.
    static let history = PlanHistory(versions: [
        PlanVersion(bytes: Array(AppHarness.plan.replacingOccurrences(of: "- [x] **TODO 1.1:**", with: "- [ ] **TODO 1.1:**").utf8),
                    commit: "0a1b2c3d4e5f", date: day("2026-11-02"), author: "bob"),
        PlanVersion(bytes: Array(AppHarness.plan.utf8), commit: "3f2a1b2c3d4e", date: day("2026-11-20"), author: "ann"),
    ])

    @Test func theFirstFrameIsDrawnWhileTheHistoryReadIsStillBlocked() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let gate = Gate()
        let finished = Finished()
        let source = HistorySource {
            await gate.wait()  // git is slow: nothing comes until the test has seen a frame
            finished.mark()
            return .historyLoaded(Self.history)
        }
        let terminal = RecordingTerminal(steps: [
            .waitFor("Phases"),
            .run { #expect(!finished.done, "history arrived before the first frame"); gate.release() },
            .waitFor("closed by week"),
            .waitFor("closed 2026-11-20 by ann, commit 3f2a1b2"),
            .event(.key(.character("H"))),
            .waitFor("Burn-up by week"),
        ])
        try await plan.run(terminal, history: source)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(terminal.text.contains("2026-11-20 ann (3f2a1b2): closed 1.1"))
    }

    @Test func noHistoryIsSaidInTheHistoryView() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let terminal = RecordingTerminal(steps: [
            .waitFor("Phases"),
            .event(.key(.character("H"))),
            .waitFor("No history: not a git repository"),
        ])
        try await plan.run(terminal, history: HistorySource { .historyFailed("No history: not a git repository.") })
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(!terminal.text.contains("closed by week"))
    }
}

final class Finished: Sendable {
    private let flag = Mutex(false)
    func mark() { flag.withLock { $0 = true } }
    var done: Bool { flag.withLock { $0 } }
}

@Suite struct ThemeMemoryTests {
    @Test func theChosenThemeIsKeptInTheXDGStateFolderNeverTheRepository() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = ThemeMemory(environment: ["XDG_STATE_HOME": folder.path, "HOME": "/nonexistent"])
        #expect(memory.file == folder.path + "/plantrack/theme")
        #expect(memory.load() == nil)
        memory.save("solarized")
        #expect(memory.load() == "solarized")
        #expect(ThemeMemory(environment: ["HOME": "/home/u"]).file == "/home/u/.local/state/plantrack/theme")
    }
}
