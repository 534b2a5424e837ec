import Dashboard
import DashboardLoop
import Foundation
import Testing

/// The run loop in process: a recording terminal, a real plan file in a temporary
/// folder, no tmux.
@Suite struct RunLoopTests {
    @Test func aWriteThatLostARaceWithAnOutsideEditWritesNothing() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let outside = AppHarness.plan.replacingOccurrences(of: "- [ ] **TODO 1.2:**", with: "- [x] **TODO 1.2:**")
            + "Appended by another program.\n"
        let terminal = RecordingTerminal(steps: [
            .event(.key(.down)),
            .run { try? plan.write(outside) },  // lands after the last look for edits
            .event(.key(.character(" "))),
            .waitFor("TODO 1.2 is already done on disk; nothing was written."),
        ])
        let app = try await plan.run(terminal)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(try plan.read() == outside)
        #expect(app.state.selected?.id == "1.2" && app.state.selected?.state == .done)
        #expect(terminal.text == render(app.state).text)
    }

    @Test func undoAfterAFailedWriteUndoesTheLastWriteThatLanded() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let terminal = RecordingTerminal(steps: [
            .event(.key(.character(" "))),  // TODO 1.1 done → todo: written
            .waitFor("TODO 1.1 is now to do"),
            .event(.key(.down)),
            .run { plan.edit("- [ ] **TODO 1.2:** Refactor services.\n", "") },
            .event(.key(.character(" "))),  // TODO 1.2 is gone on disk: fails
            .waitFor("1.2"),
            .event(.key(.character("u"))),
            .waitFor("Undone: TODO 1.1 is now done"),
        ])
        let app = try await plan.run(terminal)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        let text = try plan.read()
        #expect(text.contains("- [x] **TODO 1.1:**"))
        #expect(!text.contains("TODO 1.2"))
        #expect(app.state.undoStack.isEmpty && app.state.redoStack.count == 1)
    }

    @Test func thePlanIsReloadedAfterTheEditorCloses() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let terminal = RecordingTerminal(steps: [
            .event(.key(.down)),
            .event(.key(.character("e"))),
            .waitFor("Reloaded after editing."),
        ])
        terminal.foreground = { _ in
            plan.edit("- [ ] **TODO 1.2:**", "- [/] **TODO 1.2:**")
            return 0
        }
        let app = try await plan.run(terminal)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        let arguments = try #require(terminal.foregroundRuns.first)
        #expect(arguments.suffix(2) == ["+9", plan.path])
        #expect(app.state.selected?.id == "1.2" && app.state.selected?.state == .progress)
        #expect(terminal.wholePaints == 2, "the first frame, then the whole frame again after the editor")
        #expect(terminal.text == render(app.state).text)
    }

    @Test func thePlanDeletedWhileOpenKeepsTheLastVersionOnScreen() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let terminal = RecordingTerminal(columns: 240, steps: [
            .waitFor("Create the folder"),
            .run { plan.remove() },
            .waitFor("REFACTOR_PLAN.md was deleted"),
        ])
        let app = try await plan.run(terminal, pollInterval: 0)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(terminal.text.contains("Create the folder"))
        #expect(app.state.outline.items.count == 3)
    }

    @Test func aResizeWhileProbingPaintsTheAnswerAtTheNewSize() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let gate = Gate()
        let live = LiveStatusSource { _ in
            await gate.wait()
            return .probeFailed(.failed("the test's emulator said no"), at: Date())
        }
        let terminal = RecordingTerminal(columns: 100, rows: 24, steps: [
            .waitFor("probing dev"),
            .event(.resize(width: 70, height: 18)),
            .waitFor("Create the folder"),
            .run { gate.release() },
            .waitFor("probe failed: the test's"),
        ])
        let app = try await plan.run(terminal, live: live)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(terminal.glass.width == 70 && terminal.glass.height == 18)
        #expect(app.state.width == 70 && !app.state.live.probing)
        #expect(terminal.wholePaints == 2)
        #expect(terminal.text == render(app.state).text)
    }

    @Test func undoWritesNothingOverAnOutsideChangeToTheSameItem() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        var outside = ""
        let terminal = RecordingTerminal(steps: [
            .event(.key(.down)),
            .event(.key(.character(" "))),  // TODO 1.2 todo → done: written
            .waitFor("TODO 1.2 is now done"),
            .run {  // another program
                plan.edit("- [x] **TODO 1.2:**", "- [!] **TODO 1.2:**")
                outside = (try? plan.read()) ?? ""
            },
            .event(.key(.character("u"))),
            .waitFor("TODO 1.2 changed on disk; nothing was undone."),
        ])
        let app = try await plan.run(terminal)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(outside.contains("- [!] **TODO 1.2:**"))
        #expect(try plan.read() == outside, "undo wrote over the outside change")
        #expect(app.state.selected?.state == .aborted)
        #expect(app.state.undoStack.isEmpty && app.state.redoStack.isEmpty)
    }
}
