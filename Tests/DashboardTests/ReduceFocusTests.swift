import Testing
@testable import Dashboard

/// Keys act only where the user is looking (issue 10, points 7 and 8).
@Suite struct ReduceFocusTests {
    @Test func behindTheTooSmallScreenOnlyQuitAndResizeAct() {
        var state = OutlineFixture.state(width: 20, height: 5)
        #expect(state.layout.tooSmall)
        let before = state.selected?.id
        for key: Key in [.character(" "), .character("!"), .character("u"), .down, .character("e"), .character("/"),
                         .tab, .character("f")] {
            #expect(reduce(&state, .key(key)).isEmpty, "\(key.name)")
        }
        #expect(state.selected?.id == before && state.mode == .normal && state.focus == .items)
        #expect(reduce(&state, .key(.control("c"))) == [.quit])
        #expect(reduce(&state, .key(.character("q"))) == [.quit])
        _ = reduce(&state, .resize(width: 80, height: 24))
        #expect(!reduce(&state, .key(.character(" "))).isEmpty)
    }

    @Test func spaceOnThePhasesPaneOpensThePhaseAndWritesNothing() {
        var state = OutlineFixture.state()
        state.focus = .phases
        #expect(reduce(&state, .key(.character(" "))).isEmpty)
        #expect(state.focus == .items)
    }

    @Test func markKeysOutsideTheItemsPaneSaySelectAnItemFirst() {
        for pane in [Pane.phases, .detail] {
            for key in ["!", "p", "c"] {
                var state = OutlineFixture.state()
                state.focus = pane
                #expect(reduce(&state, .key(.character(Character(key)))).isEmpty, "\(pane) \(key)")
                #expect(state.message?.text.hasPrefix("Select an item first") == true)
            }
        }
    }
}

@Suite struct SearchFocusTests {
    @Test func aSearchFromThePhasesPaneMovesFocusToTheItemsItFound() {
        var state = OutlineFixture.state()
        state.focus = .phases
        _ = reduce(&state, .key(.character("/")))
        for character in "2.5" { _ = reduce(&state, .key(.character(character))) }
        _ = reduce(&state, .key(.enter))
        #expect(state.focus == .items && state.selected?.id == "2.5")
        guard case .writeMark(let change, _)? = reduce(&state, .key(.character(" "))).first else {
            Issue.record("space after the search wrote nothing"); return
        }
        #expect(change.item.id == "2.5")
    }
}
