import Evidence
import Foundation
import PlanKit
import Testing
@testable import Dashboard

/// Issue 10 points 16, 20-22: the help overlay, moving, searching, copying, reading.
@Suite struct HelpOverlayTests {
    private func lines(_ screen: Screen) -> [String] {
        screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func atSixtyByFifteenTheHelpIsBorderedOnAllSidesAndScrollsToItsLastRow() throws {
        var state = OutlineFixture.state(width: 60, height: 15)
        _ = reduce(&state, .key(.character("?")))
        var screen = render(state)
        let top = try #require(lines(screen).firstIndex { $0.contains("┌") && $0.contains("Keys") && $0.contains("┐") })
        let bottom = try #require(lines(screen).firstIndex { $0.contains("└") && $0.contains("┘") })
        let left = try #require(lines(screen)[top].firstIndex(of: "┌")).utf16Offset(in: lines(screen)[top])
        for row in (top + 1)..<bottom {
            #expect(screen[row, left].grapheme == "│", "left side of row \(row)")
            #expect((0..<screen.width).filter { screen[row, $0].grapheme == "│" }.count >= 2, "right side of row \(row)")
        }
        #expect(!screen.text.contains("scroll the pane under the pointer"))  // not all fits at 60×15
        for _ in 0..<40 { _ = reduce(&state, .key(.character("j"))) }
        #expect(state.mode == .help)
        screen = render(state)
        #expect(screen.text.contains("pointer (--mouse)"))
        #expect(screen.text.contains("mouse wheel"))
        _ = reduce(&state, .key(.pageUp))
        _ = reduce(&state, .key(.character("g")))
        #expect(render(state).text.contains("move"))
        _ = reduce(&state, .key(.character("x")))
        #expect(state.mode == .normal)
    }

    @Test func overTheHelpTheWheelScrollsItAndAClickClosesItWithoutSelecting() {
        var state = OutlineFixture.state(width: 60, height: 15)
        state.mouse = true
        _ = reduce(&state, .key(.character("?")))
        _ = reduce(&state, .mouse(MouseEvent(kind: .wheelDown, row: 5, column: 30)))
        #expect(state.overlayScroll == 1)
        #expect(state.mode == .help)
        _ = reduce(&state, .mouse(MouseEvent(kind: .press, row: state.layout.items.row + 2, column: 40)))
        #expect(state.mode == .normal)
        #expect(state.selected?.id == "1.1")
    }
}

@Suite struct MovingTests {
    @Test func pageDownAtAPhasesLastRowGoesOnIntoTheNextPhase() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.pageDown))
        #expect(state.selected?.id == "1.2.2")
        _ = reduce(&state, .key(.pageDown))
        #expect(state.selectedPhase == 1)
        #expect(state.selected?.id == "2.1")
    }

    @Test func eachPhaseRemembersItsSelection() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.down))  // 1.2
        _ = reduce(&state, .key(.down))  // 1.2.1
        _ = reduce(&state, .key(.tab)); _ = reduce(&state, .key(.tab))  // the phases pane
        _ = reduce(&state, .key(.down))
        #expect(state.selected?.id == "2.1")
        _ = reduce(&state, .key(.up))
        #expect(state.selected?.id == "1.2.1")
    }

    @Test func anItemTheFilterHidIsSelectedAgainWhenItShowsAgain() {
        var state = OutlineFixture.state()
        #expect(state.selected?.id == "1.1")  // done: the open filter hides it
        _ = reduce(&state, .key(.character("f")))
        #expect(state.filter == .open)
        #expect(state.selected?.id == "1.2")
        _ = reduce(&state, .key(.character("f")))  // drift
        _ = reduce(&state, .key(.character("f")))  // all
        #expect(state.filter == .all)
        #expect(state.selected?.id == "1.1")
    }

    @Test func controlDAndControlUMoveHalfAPage() {
        let many = OutlineFixture.make([.init(phase: "Long", number: "1",
                                              items: (1...60).map { ("1.\($0)", " ", "**TODO 1.\($0):** item \($0)", 0) })])
        var state = OutlineFixture.state(many)
        let half = (state.layout.itemRows - 1 + 1) / 2
        _ = reduce(&state, .key(.control("d")))
        #expect(state.selected?.id == "1.\(1 + half)")
        _ = reduce(&state, .key(.control("u")))
        #expect(state.selected?.id == "1.1")
    }

    @Test func controlLAsksForAWholeRepaint() {
        var state = OutlineFixture.state()
        #expect(reduce(&state, .key(.control("l"))) == [.repaint])
    }

    @Test func expandAllAndCollapseAll() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.down)); _ = reduce(&state, .key(.down))  // 1.2.1, a child
        _ = reduce(&state, .key(.character("-")))
        #expect(state.rows.count == 2)
        #expect(state.selected?.id == "1.2")  // the folded parent holds the selection
        _ = reduce(&state, .key(.character("+")))
        #expect(state.rows.count == 4)
    }
}

@Suite struct SearchFluencyTests {
    private func type(_ text: String, into state: inout DashboardState) {
        for character in text { _ = reduce(&state, .key(.character(character))) }
    }

    @Test func searchIsIncrementalAndMovesFocusToTheList() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.tab))  // detail
        _ = reduce(&state, .key(.character("/")))
        #expect(state.focus == .items)
        type("tab", into: &state)
        #expect(state.selected?.id == "2.1")  // before Enter
        _ = reduce(&state, .key(.escape))
        #expect(state.selected?.id == "1.1")  // Esc goes back
    }

    @Test func wordsMatchInAnyOrder() {
        var state = OutlineFixture.state()
        state.runSearch("SSM deploy")
        #expect(state.selected?.id == "2.5")
    }

    @Test func upInThePromptRecallsEarlierSearchesAndControlWDeletesAWord() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.character("/")))
        type("the table", into: &state)
        _ = reduce(&state, .key(.enter))
        _ = reduce(&state, .key(.character("/")))
        _ = reduce(&state, .key(.up))
        #expect(state.mode == .search("the table"))
        _ = reduce(&state, .key(.control("w")))
        #expect(state.mode == .search("the "))
        _ = reduce(&state, .key(.control("w")))
        #expect(state.mode == .search(""))
    }
}

@Suite struct CopyAndReadTests {
    @Test func yCopiesTheReferenceAndSaysWhatItCopied() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.down))
        #expect(reduce(&state, .key(.character("y"))) == [.copy("TODO 1.2")])
        #expect(state.message?.text.contains("Copied “TODO 1.2”") == true)
    }

    /// CONTRACT §9: an item without an id is cited by the plan's path as shown and its line.
    @Test func yCopiesPathAndLineForAnItemWithoutAnId() {
        let outline = OutlineFixture.make([
            OutlineFixture.Spec(phase: "First", number: "1", items: [(nil, " ", "Tidy the README.", 0)]),
        ], path: "docs/REFACTOR_PLAN.md")
        var state = OutlineFixture.state(outline)
        let line = outline.items[0].line
        #expect(reduce(&state, .key(.character("y"))) == [.copy("docs/REFACTOR_PLAN.md:\(line)")])
        #expect(state.message?.text.contains("Copied “docs/REFACTOR_PLAN.md:\(line)”") == true)
    }

    @Test func detailSaysInOneLineWhyTheVerdictIs() {
        let outline = OutlineFixture.with(OutlineFixture.small, id: "2.5", mark: "x")
        var state = OutlineFixture.state(outline, width: 120, height: 30)
        _ = reduce(&state, .probeFinished(LiveFixture.status([LiveFixture.verdict(outline, id: "2.5", .drift, [
            EvidenceCheck(kind: .stack, name: "listbackup-s3-dev", ok: false, detail: "missing", source: "s",
                          region: "us-west-2"),
        ])])))
        state.select(item: 5)
        #expect(render(state).text.contains("drift: marked done, but listbackup-s3-dev is missing in us-west-2"))
    }

    @Test func vShowsTheItemsNotesAndQuotesInAPager() {
        var outline = OutlineFixture.small
        outline.lines.insert("> Careful: **the table** must exist first.", at: outline.phases[1].endLine - 1)
        var state = OutlineFixture.state(outline, width: 100, height: 30)
        state.select(item: 5)
        _ = reduce(&state, .key(.character("v")))
        #expect(state.mode == .view(.pager))
        let text = render(state).text
        #expect(text.contains("TODO 2.5"))
        #expect(text.contains("│ Careful: the table must exist first."))
        _ = reduce(&state, .key(.character("q")))
        #expect(state.mode == .normal)
    }

    @Test func theMessageLogKeepsTheLastHundredMessages() {
        var state = OutlineFixture.state(width: 100, height: 30)
        for n in 1...120 { state.say("message \(n)") }
        #expect(state.messageLog.count == 100)
        #expect(state.messageLog.first == "message 21")
        _ = reduce(&state, .key(.character("L")))
        let text = render(state).text
        #expect(text.contains("message 120"))
        #expect(text.contains("Messages"))
    }
}

@Suite struct WordingTests {
    @Test func aMarkWrittenReadsInProgressNotTheRawState() {
        var state = OutlineFixture.state()
        let item = state.outline.items.first { $0.item.id == "1.2" }!.item
        let change = StateChange(item: ItemLocator(id: "1.2", line: item.line, text: item.text), mark: "/")
        _ = reduce(&state, .markWritten(OutlineFixture.outcome(of: change, in: state.outline), origin: .user,
                                        outline: OutlineFixture.small))
        #expect(state.message?.text.hasPrefix("TODO 1.2 is now in progress;") == true)
    }

    @Test func withNoColorTSaysItHasNoEffect() {
        var state = OutlineFixture.state()
        state.colorless = true
        #expect(reduce(&state, .key(.character("t"))).isEmpty)
        #expect(state.message?.text.contains("NO_COLOR") == true)
        #expect(state.theme == "default")
    }

    @Test func theHistoryViewSaysWhileGitIsRead() {
        var state = OutlineFixture.state(width: 100, height: 30)
        _ = reduce(&state, .key(.character("H")))
        #expect(state.mode == .view(.history))
        #expect(render(state).text.contains("being read from git"))
    }
}
