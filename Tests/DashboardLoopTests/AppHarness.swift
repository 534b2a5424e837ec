import Dashboard
import DashboardLoop
import Foundation
import PlanKit
import Synchronization

/// A plan in a fresh temporary folder and a run loop over it on a recording terminal.
/// (Local helper: fold into TestSupport's temporary folders when that lands.)
struct AppHarness {
    static let plan = """
        # Test Plan

        **Last Updated**: `2026-01-01T00:00:00Z`
        **Status**: `In Progress`

        ## Phase 1: First

        - [x] **TODO 1.1:** Create the folder.
        - [ ] **TODO 1.2:** Refactor services.

        ## Phase 2: Second

        - [ ] **TODO 2.1:** Create the table.

        """

    let folder: URL
    let path: String

    init(plan: String = AppHarness.plan) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dashboard-loop-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("REFACTOR_PLAN.md").path
        try write(plan)
    }

    func write(_ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
    func read() throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
    /// Replaces `old` by `new` in the file, as another program would.
    func edit(_ old: String, _ new: String) {
        let text = (try? read()) ?? ""
        try? write(text.replacingOccurrences(of: old, with: new))
    }
    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Runs the loop until the script ends (then it quits) and returns the app. The loop
    /// blocks its thread, as it does in the tool, so it gets a thread of its own: the
    /// probes it starts need the concurrency pool, which parallel tests share.
    @discardableResult
    func run(_ terminal: RecordingTerminal, live: LiveStatusSource = .offline("no probing in tests"),
             pollInterval: TimeInterval = 3600, history: HistorySource? = nil,
             stages: [String] = ["dev"], refresh: TimeInterval = 0) async throws -> DashboardApp {
        let app = DashboardApp(
            planFile: try PlanFile(path: path), displayPath: "REFACTOR_PLAN.md", terminal: terminal,
            theme: .default, themeNames: ["default"], catalog: ThemeCatalog(directories: []), live: live,
            refresh: refresh, stages: stages, stage: "dev", mouse: false, environment: [:],
            pollInterval: pollInterval, history: history)
        let loop = Unchecked(app)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread { loop.value.run(); done.resume() }.start()
        }
        return app
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

/// A probe that waits until the test lets it answer.
final class Gate: Sendable {
    private let open = Mutex(false)
    func release() { open.withLock { $0 = true } }
    func wait() async {
        while !open.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(5)) }
    }
}

/// Hands the app to the loop's thread; the test reads it only after the loop ended.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
