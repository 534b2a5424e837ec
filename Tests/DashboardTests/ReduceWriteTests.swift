import Testing
@testable import Dashboard
import PlanKit

@Suite struct ReduceWriteTests {
    @Test func spaceTogglesTodoAndDone() {
        var state = OutlineFixture.state()
        #expect(reduce(&state, .key(.character(" "))) == [.writeMark(
            StateChange(item: ItemLocator(id: "1.1", line: state.selected!.line, text: state.selected!.text), mark: " "),
            origin: .user)])
        _ = reduce(&state, .key(.down))
        let effects = reduce(&state, .key(.character(" ")))
        guard case .writeMark(let change, .user)? = effects.first else { Issue.record("no write"); return }
        #expect(change.item.id == "1.2" && change.mark == "x" && change.restoring == nil)
    }

    @Test func eachStateKeyWritesItsMark() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.down))
        let marks = ["!", "p", "c"].map { key -> String? in
            guard case .writeMark(let change, _)? = reduce(&state, .key(.character(Character(key)))).first else { return nil }
            return change.mark
        }
        #expect(marks == ["!", "/", "-"])
    }

    @Test func aMarkTheItemAlreadyHasWritesNothing() {
        var state = OutlineFixture.state(OutlineFixture.with(OutlineFixture.small, id: "1.1", mark: "!"))
        #expect(reduce(&state, .key(.character("!"))).isEmpty)
        #expect(state.message?.text == "TODO 1.1 is already aborted.")
    }

    @Test func undoAndRedoWriteTheInverseOfWhatLanded() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.down))
        guard case .writeMark(let change, .user)? = reduce(&state, .key(.character(" "))).first else {
            Issue.record("no write"); return
        }
        let written = OutlineFixture.with(state.outline, id: "1.2", mark: "x")
        let outcome = OutlineFixture.outcome(of: change, in: state.outline)
        _ = reduce(&state, .markWritten(outcome, origin: .user, outline: written))
        #expect(state.selected?.state == .done)
        #expect(state.undoStack == [outcome.inverse])

        // Undo restores the mark and both metadata values, and only over what was written.
        let undo = reduce(&state, .key(.character("u")))
        #expect(undo == [.writeMark(outcome.inverse, origin: .undo)])
        #expect(outcome.inverse.restoring == outcome.before && outcome.inverse.expected == outcome.after)
        let undone = OutlineFixture.outcome(of: outcome.inverse, in: written)
        _ = reduce(&state, .markWritten(undone, origin: .undo, outline: OutlineFixture.small))
        #expect(state.undoStack.isEmpty)
        #expect(state.redoStack == [undone.inverse])
        #expect(state.message?.text.hasPrefix("Undone: TODO 1.2 is now to do") == true)

        let redo = reduce(&state, .key(.control("r")))
        #expect(redo == [.writeMark(undone.inverse, origin: .redo)])
        let redone = OutlineFixture.outcome(of: undone.inverse, in: OutlineFixture.small)
        _ = reduce(&state, .markWritten(redone, origin: .redo, outline: written))
        #expect(state.undoStack == [redone.inverse])
        #expect(state.redoStack.isEmpty)
        #expect(reduce(&state, .key(.control("r"))).isEmpty)
    }

    @Test func aFailedUndoStaysUndoable() {
        var state = OutlineFixture.state()
        let before = MarkedState(mark: " ", lastUpdated: "a", status: "Not Started")
        let after = MarkedState(mark: "x", lastUpdated: "b", status: "In Progress")
        let change = StateChange.reverting(ItemLocator(id: "1.1", line: 6, text: "t"), from: after, to: before)
        state.undoStack = [change]
        _ = reduce(&state, .key(.character("u")))
        _ = reduce(&state, .writeFailed(change, origin: .undo, message: "PLAN.md: TODO 1.1 is gone."))
        #expect(state.undoStack == [change])
        #expect(state.message?.kind == .error)
    }

    @Test func anOutsideEditKeepsTheSelectionOnTheSameItem() {
        var state = OutlineFixture.state()
        state.select(item: 5)  // 2.5
        var edited = OutlineFixture.make([
            .init(phase: "Zero", number: "0", items: [("0.1", " ", "**TODO 0.1:** new", 0)]),
            .init(phase: "First", number: "1", items: [("1.1", "x", "a", 0)]),
            .init(phase: "Second", number: "2", items: [("2.5", "x", "**TODO 2.5:** b", 0)]),
        ])
        edited.path = "PLAN.md"
        _ = reduce(&state, .planLoaded(edited, reason: .outsideEdit))
        #expect(state.selected?.id == "2.5")
        #expect(state.selected?.state == .done)
        #expect(state.selectedPhase == 2)
        #expect(state.message?.text == "The plan changed on disk; reloaded.")
    }

    @Test func editOpensTheEditorAtTheItemsLine() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.down))
        #expect(reduce(&state, .key(.character("e"))) == [.openEditor(line: state.selected!.line)])
    }

    @Test func themeKeyCyclesThemes() {
        var state = OutlineFixture.state()
        #expect(reduce(&state, .key(.character("t"))) == [.applyTheme("light")])
        #expect(reduce(&state, .key(.character("t"))) == [.applyTheme("mono")])
        #expect(reduce(&state, .key(.character("t"))) == [.applyTheme("default")])
    }
}
