import Dashboard
import DashboardLoop
import Foundation
import Testing

/// Undo and redo through the run loop on a real file (issue 10 point 2): they give back
/// the mark and both metadata values byte for byte.
@Suite struct UndoLoopTests {
    /// Thirteen mixed changes over two items (Status passes through Not Started), keyed
    /// in the items pane of phase 1.
    static let thirteenChanges: [Key] = [
        .character(" "), .character("p"), .character("!"), .character("c"), .character(" "),  // 1.1
        .down, .character(" "), .character(" "), .character("!"), .character("p"), .character("c"),
        .character(" "),  // 1.2
        .up, .character("p"), .character(" "),  // 1.1 again
    ]

    @Test func undoingThirteenMixedChangesGivesBackTheOriginalFileAndRedoTheChangedOne() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        var changed = ""
        var steps = Self.thirteenChanges.map { RecordingTerminal.Step.event(.key($0)) }
        steps.append(.waitFor("TODO 1.1 is now done"))
        steps.append(.run { changed = (try? plan.read()) ?? "" })
        steps += Array(repeating: .event(.key(.character("u"))), count: 13)
        steps.append(.waitFor("Undone: TODO 1.1 is now done"))
        steps.append(.run { #expect((try? plan.read()) == AppHarness.plan, "undo all 13 left the file changed") })
        steps += Array(repeating: .event(.key(.control("r"))), count: 13)
        steps.append(.waitFor("Redone: TODO 1.1 is now done"))
        let terminal = RecordingTerminal(steps: steps)
        let app = try await plan.run(terminal)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(changed.contains("- [x] **TODO 1.1:**") && changed.contains("- [x] **TODO 1.2:**"))
        #expect(!changed.contains("2026-01-01T00:00:00Z"), "the changes stamped the file")
        #expect(try plan.read() == changed, "redo all 13 did not give back the changed file")
        #expect(app.state.undoStack.count == 13 && app.state.redoStack.isEmpty)
    }

    @Test func undoRestoresAStatusTheChangeRewrote() async throws {
        let plan = try AppHarness(plan: AppHarness.plan.replacingOccurrences(of: "`In Progress`", with: "`Not Started`"))
        defer { plan.cleanUp() }
        let original = try plan.read()
        let terminal = RecordingTerminal(steps: [
            .event(.key(.down)),
            .event(.key(.character(" "))),  // TODO 1.2 todo → done: Status becomes In Progress
            .waitFor("TODO 1.2 is now done"),
            .run { #expect((try? plan.read())?.contains("**Status**: `In Progress`") == true) },
            .event(.key(.character("u"))),
            .waitFor("Undone: TODO 1.2 is now to do"),
        ])
        try await plan.run(terminal)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(try plan.read() == original)
    }
}

/// Issue 10 point 18: a terminal that hangs up ends the loop at once, writing nothing.
@Suite struct HangUpLoopTests {
    @Test func aHangUpEndsTheLoopAndWritesNothing() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let terminal = RecordingTerminal(steps: [
            .waitFor("Create the folder"),
            .event(.hangUp),
            .event(.key(.character(" "))),  // never read: the loop has ended
        ])
        try await plan.run(terminal)  // returns: the loop ended (the 1 s bound is tmux e2e tui_hangup's)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(try plan.read() == AppHarness.plan, "a key after the hang-up was acted on")
    }
}
