import Testing
@testable import Dashboard

@Suite struct ReduceNavigationTests {
    @Test func downMovesThroughTheTreeOnIntoTheNextPhaseAndStopsAtThePlansEnd() {
        var state = OutlineFixture.state()
        #expect(state.selected?.id == "1.1")
        for _ in 0..<10 { _ = reduce(&state, .key(.character("j"))) }
        #expect(state.selected?.id == "2.5")
        #expect(state.selectedPhase == 1)
        _ = reduce(&state, .key(.up))
        _ = reduce(&state, .key(.up))
        #expect(state.selected?.id == "1.2.2")  // k above the first row: the previous phase's last
        _ = reduce(&state, .key(.character("g")))
        #expect(state.selected?.id == "1.1")
        _ = reduce(&state, .key(.character("G")))
        #expect(state.selected?.id == "1.2.2")  // g / G stay in the phase
    }

    @Test func leftFoldsThenGoesToTheParentAndEnterUnfolds() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.down))            // 1.2
        _ = reduce(&state, .key(.down))            // 1.2.1
        _ = reduce(&state, .key(.character("h")))  // to the parent
        #expect(state.selected?.id == "1.2")
        _ = reduce(&state, .key(.left))            // fold
        #expect(state.rows.map(\.item) == [0, 1])
        _ = reduce(&state, .key(.enter))           // unfold
        #expect(state.rows.count == 4)
        _ = reduce(&state, .key(.left))
        _ = reduce(&state, .key(.left))            // a top-level item: focus moves to the phases
        #expect(state.focus == .phases)
    }

    @Test func phasesPaneSwitchesThePhaseAndTabCyclesPanes() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.tab))
        #expect(state.focus == .detail)
        _ = reduce(&state, .key(.tab))
        #expect(state.focus == .phases)
        _ = reduce(&state, .key(.down))
        #expect(state.selectedPhase == 1)
        #expect(state.selected?.id == "2.1")
        #expect(state.rows.map { state.outline.items[$0.item].id } == ["2.1", "2.5"])
        _ = reduce(&state, .key(.right))
        #expect(state.focus == .items)
    }

    @Test func searchingAnIdSelectsItInItsPhase() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.character("/")))
        for character in "2.5" { _ = reduce(&state, .key(.character(character))) }
        #expect(state.mode == .search("2.5"))
        _ = reduce(&state, .key(.enter))
        #expect(state.mode == .normal)
        #expect(state.selected?.id == "2.5")
        #expect(state.selectedPhase == 1)
    }

    @Test func searchByWordsCyclesWithNAndShiftN() {
        var state = OutlineFixture.state()
        state.runSearch("create")
        #expect(state.searchMatches.map { state.outline.items[$0].id } == ["1.1", "2.1"])
        #expect(state.selected?.id == "1.1")
        _ = reduce(&state, .key(.character("n")))
        #expect(state.selected?.id == "2.1")
        _ = reduce(&state, .key(.character("N")))
        #expect(state.selected?.id == "1.1")
    }

    @Test func searchIntoAFoldedParentUnfoldsIt() {
        var state = OutlineFixture.state()
        state.collapsed.insert(.id("1.2"))
        state.rebuildRows()
        state.runSearch("TODO 1.2.2")
        #expect(state.selected?.id == "1.2.2")
        #expect(state.selectedRow != nil)
    }

    @Test func openFilterHidesClosedItemsButKeepsTheirOpenChildrensParents() {
        var state = OutlineFixture.state(OutlineFixture.with(OutlineFixture.small, id: "1.2", mark: "x"))
        _ = reduce(&state, .key(.character("f")))
        #expect(state.filter == .open)
        #expect(state.rows.map { state.outline.items[$0.item].id } == ["1.2", "1.2.1"])
        _ = reduce(&state, .key(.character("f")))
        #expect(state.filter == .drift)
        #expect(state.rows.isEmpty)
        _ = reduce(&state, .key(.character("f")))
        #expect(state.rows.count == 4)
    }

    @Test func pagingOnALongPlanKeepsTheSelectionInView() {
        let many = (1...500).map { n in (id: Optional("1.\(n)"), mark: " ", text: "**TODO 1.\(n):** item \(n)", depth: 0) }
        var state = OutlineFixture.state(OutlineFixture.make([.init(phase: "Long", number: "1", items: many)]))
        _ = reduce(&state, .key(.pageDown))
        _ = reduce(&state, .key(.pageDown))
        let rows = state.layout.itemRows
        let selected = try! #require(state.selectedRow)
        #expect(selected > rows)
        #expect(selected >= state.itemScroll && selected < state.itemScroll + rows)
        _ = reduce(&state, .key(.end))
        #expect(state.selected?.id == "1.500")
        #expect(state.itemScroll == 500 - rows)
    }

    @Test func questionMarkOpensHelpAndAnyKeyClosesIt() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.character("?")))
        #expect(state.mode == .help)
        #expect(render(state).text.contains("filter: all, open, drift"))
        let effects = reduce(&state, .key(.character("q")))
        #expect(effects.isEmpty)
        #expect(state.mode == .normal)
        #expect(reduce(&state, .key(.character("q"))) == [.quit])
    }

    @Test func mouseClicksSelectOnlyWhenMouseIsOn() {
        var state = OutlineFixture.state()
        let itemsTop = state.layout.items.row
        _ = reduce(&state, .mouse(MouseEvent(kind: .press, row: itemsTop + 2, column: 40)))
        #expect(state.selected?.id == "1.1")
        state.mouse = true
        _ = reduce(&state, .mouse(MouseEvent(kind: .press, row: itemsTop + 2, column: 40)))
        #expect(state.selected?.id == "1.2")
    }
}

@Suite struct SearchPrecisionTests {
    @Test func anExactIdDoesNotAlsoMatchTextsThatContainIt() {
        var state = OutlineFixture.state(OutlineFixture.make([
            .init(phase: "P", number: "2", items: [("2.5", " ", "**TODO 2.5:** deploy", 0)]),
            .init(phase: "Q", number: "3", items: [("3.2.5", " ", "**TODO 3.2.5:** attach", 0)]),
        ]))
        state.runSearch("2.5")
        #expect(state.searchMatches == [0])
        state.runSearch("attach")
        #expect(state.searchMatches == [1])
        state.runSearch("L7")
        #expect(state.selected?.id == "2.5")
    }

    /// PlanKit's ItemReference reads the query: `l48` and `TODO 3.2.5` work as in `mark`.
    @Test func searchTakesEveryReferenceFormMarkTakes() {
        var state = OutlineFixture.state(OutlineFixture.make([
            .init(phase: "P", number: "2", items: [("2.5", " ", "**TODO 2.5:** deploy", 0), (nil, " ", "no id", 0)]),
            .init(phase: "Q", number: "3", items: [("3.2.5", " ", "**TODO 3.2.5:** attach", 0)]),
        ]))
        state.runSearch("l8")
        #expect(state.selected?.text == "no id")
        state.runSearch("TODO 3.2.5")
        #expect(state.selected?.id == "3.2.5")
        #expect(state.outline.items(matching: "l7").map(\.id) == ["2.5"])
    }
}
