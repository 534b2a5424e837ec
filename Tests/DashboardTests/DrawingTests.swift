import Foundation
import PlanKit
import Testing
@testable import Dashboard

/// Issue 10 point 15: what the canvas draws — search matches, grapheme clusters, the C locale, hints.
@Suite struct DrawingTests {
    private func row(_ screen: Screen, containing text: String) throws -> Int {
        try #require(screen.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) })
    }

    private func text(of screen: Screen, row: Int, role: StyleRole) -> String {
        (0..<screen.width).map { screen[row, $0] }.filter { $0.role == role && $0.width > 0 }.map(\.grapheme).joined()
    }

    @Test func wordsFoundBySearchAreDrawnInTheSearchMatchRoleInAnyOrder() throws {
        var state = OutlineFixture.state()
        _ = reduce(&state, .key(.character("/")))
        for character in "stacks deploy" { _ = reduce(&state, .key(.character(character))) }
        _ = reduce(&state, .key(.enter))
        #expect(state.selected?.id == "2.5")
        let screen = render(state)
        let line = try row(screen, containing: "2.5 Deploy all")
        #expect(text(of: screen, row: line, role: .searchMatch) == "Deploystacks")
    }

    @Test func anIdSearchMarksTheId() throws {
        var state = OutlineFixture.state()
        state.runSearch("2.1")
        let screen = render(state)
        let line = try row(screen, containing: "2.1 Create the table")
        #expect(text(of: screen, row: line, role: .searchMatch) == "2.1")
    }

    @Test func flagsJoinedEmojiAndAZeroWidthSpaceTakeTheColumnsATerminalGivesThem() throws {
        let outline = OutlineFixture.make([.init(phase: "P", number: "1", items: [
            ("1.1", " ", "**TODO 1.1:** ship 🇺🇸 to 👨\u{200D}👩\u{200D}👧 and 👍🏽 zero\u{200B}width END", 0),
        ])])
        let screen = render(OutlineFixture.state(outline, width: 120))
        let line = try row(screen, containing: "ship")
        let cells = (0..<screen.width).map { screen[line, $0] }
        #expect(cells.contains { $0.grapheme == "🇺🇸" && $0.width == 2 })
        #expect(cells.contains { $0.grapheme == "👨\u{200D}👩\u{200D}👧" && $0.width == 2 })
        #expect(cells.contains { $0.grapheme == "👍🏽" && $0.width == 2 })
        #expect(!cells.contains { $0.grapheme.contains("\u{200B}") || $0.grapheme == "\u{FFFD}" })
        // Each cluster counted as the terminal counts it: the text after them is where it belongs.
        let start = try #require(cells.indices.first { cells[$0].grapheme == "s" && cells[$0 + 1].grapheme == "h" })
        let drawn = cells[start...].filter { $0.width > 0 }.map(\.grapheme).joined()
        #expect(drawn.hasPrefix("ship 🇺🇸 to 👨\u{200D}👩\u{200D}👧 and 👍🏽 zerowidth END"))
        let end = try #require((0..<screen.width).first { screen[line, $0].grapheme == "E" && screen[line, $0 + 1].grapheme == "N" })
        #expect(end - start == DisplayWidth.of("ship 🇺🇸 to 👨\u{200D}👩\u{200D}👧 and 👍🏽 zerowidth "))
        #expect(DisplayWidth.of("ship 🇺🇸 to 👨\u{200D}👩\u{200D}👧 and 👍🏽 zerowidth ") == 31)
    }

    @Test func theCLocaleCutsWithThreeDotsNotAnEllipsisItCannotShow() {
        let outline = OutlineFixture.make([.init(phase: "P", number: "1", items: [
            ("1.1", " ", "**TODO 1.1:** " + String(repeating: "a very long item text ", count: 8), 0),
        ])])
        var state = OutlineFixture.state(outline, width: 60, height: 15)
        state.unicode = false
        let screen = render(state)
        #expect(screen.text.contains("..."))
        #expect(!screen.text.unicodeScalars.contains { !$0.isASCII })
    }

    @Test func anEmptyPlansHintWrapsAtWordsAndIsNeverCutMidWord() {
        let state = OutlineFixture.state(OutlineFixture.make([]), width: 60, height: 15)
        let screen = render(state)
        let pane = state.layout.phases
        let words = (pane.row + 1..<pane.row + pane.height).map { y in
            (1..<pane.width - 1).map { screen[y, $0] }.filter { $0.width > 0 }.map(\.grapheme).joined()
        }.joined(separator: " ").split(separator: " ").map(String.init)
        let hint = "No task items in this plan. Add a line such as “- [ ] TODO 1.1: …” under a phase heading, then save."
            .split(separator: " ").map(String.init)
        #expect(words.count >= 6)
        #expect(Array(hint.prefix(words.count)) == words)
    }
}
