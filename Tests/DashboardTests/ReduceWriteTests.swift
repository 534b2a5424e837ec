import Testing
@testable import Dashboard

@Suite struct ReduceWriteTests {
    @Test func spaceTogglesTodoAndDone() {
        var state = OutlineFixture.state()
        #expect(reduce(&state, .key(.character(" "))) == [.writeMark(
            MarkChange(itemID: "1.1", line: state.selected!.line, text: state.selected!.text, from: "x", to: " "),
            origin: .user)])
        _ = reduce(&state, .key(.down))
        let effects = reduce(&state, .key(.character(" ")))
        guard case .writeMark(let change, .user)? = effects.first else { Issue.record("no write"); return }
        #expect(change.itemID == "1.2" && change.from == " " && change.to == "x")
    }

    @Test func eachStateKeyWritesItsMark() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.down))
        let marks = ["!", "p", "c"].map { key -> String? in
            guard case .writeMark(let change, _)? = reduce(&state, .key(.character(Character(key)))).first else { return nil }
            return change.to
        }
        #expect(marks == ["!", "/", "-"])
    }

    @Test func aMarkTheItemAlreadyHasWritesNothing() {
        var state = OutlineFixture.state(OutlineFixture.with(OutlineFixture.small, id: "1.1", mark: "!"))
        #expect(reduce(&state, .key(.character("!"))).isEmpty)
        #expect(state.message?.text == "TODO 1.1 is already aborted.")
    }

    @Test func undoAndRedoReplayTheWrittenChanges() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.down))
        guard case .writeMark(let change, .user)? = reduce(&state, .key(.character(" "))).first else {
            Issue.record("no write"); return
        }
        let written = OutlineFixture.with(state.outline, id: "1.2", mark: "x")
        _ = reduce(&state, .markWritten(change, origin: .user, outline: written))
        #expect(state.selected?.state == .done)
        #expect(state.undoStack == [change])

        let undo = reduce(&state, .key(.character("u")))
        #expect(undo == [.writeMark(change.inverse, origin: .undo)])
        _ = reduce(&state, .markWritten(change.inverse, origin: .undo, outline: OutlineFixture.small))
        #expect(state.undoStack.isEmpty)
        #expect(state.redoStack == [change])
        #expect(state.message?.text.hasPrefix("Undone: TODO 1.2 is now to do") == true)

        let redo = reduce(&state, .key(.control("r")))
        #expect(redo == [.writeMark(change, origin: .redo)])
        _ = reduce(&state, .markWritten(change, origin: .redo, outline: written))
        #expect(state.undoStack == [change])
        #expect(state.redoStack.isEmpty)
        #expect(reduce(&state, .key(.control("r"))).isEmpty)
    }

    @Test func aFailedUndoStaysUndoable() {
        var state = OutlineFixture.state()
        let change = MarkChange(itemID: "1.1", line: 6, text: "t", from: " ", to: "x")
        state.undoStack = [change]
        _ = reduce(&state, .key(.character("u")))
        _ = reduce(&state, .writeFailed(change.inverse, origin: .undo, message: "PLAN.md: TODO 1.1 is gone."))
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
