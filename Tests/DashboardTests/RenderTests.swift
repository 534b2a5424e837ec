import PlanKit
import Evidence

import Foundation
import Testing
@testable import Dashboard

@Suite struct RenderTests {
    @Test func belowSixtyByFifteenItSaysSoAndRecoversOnGrow() {
        var state = OutlineFixture.state(width: 40, height: 10)
        let small = render(state).text
        #expect(small.contains("Terminal too small"))
        #expect(small.contains("needs 60×15"))
        #expect(!small.contains("Phases"))
        _ = reduce(&state, .resize(width: 80, height: 24))
        let grown = render(state).text
        #expect(grown.contains("Phases"))
        #expect(!grown.contains("too small"))
    }

    @Test func boldAndCodeAreEmphasisNotAsterisksOrBackticks() {
        var state = OutlineFixture.state()
        state.select(item: 5)
        let screen = render(state)
        #expect(!screen.text.contains("**"))
        #expect(!screen.text.contains("`"))
        let row = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("2.5 Deploy all infra stacks") }
        let line = try! #require(row)
        let cells = (0..<screen.width).map { screen[line, $0] }
        let infra = cells.indices.filter { cells[$0].emphasis.contains(.code) }.map { cells[$0].grapheme }.joined()
        #expect(infra == "infra")
        let detail = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("TODO 2.5: Deploy") }
        let detailLine = try! #require(detail)
        #expect((0..<screen.width).contains { screen[detailLine, $0].emphasis.contains(.strong) })
    }

    @Test func controlCharactersFromThePlanAndAWSNeverReachTheScreen() {
        let hostile = "**TODO 1.1:** evil \u{1B}[2J\u{1B}]0;pwned\u{07} text\u{9B}31m \u{202E}gnp.exe"
        var outline = OutlineFixture.make([.init(phase: "P\u{1B}[31m", number: "1", items: [("1.1", " ", hostile, 0)])])
        outline.title = "Title\u{1B}[5m"
        var state = OutlineFixture.state(outline)
        _ = reduce(&state, .probeFinished(LiveFixture.status([
            LiveFixture.verdict(outline, id: "1.1", .drift, [
                EvidenceCheck(kind: .stack, name: "stack\u{1B}[0m", ok: false, detail: "output \u{1B}]52;c;Zm9v\u{07}",
                              source: "s"),
            ]),
        ])))
        let screen = render(state)
        for cell in screen.cells {
            #expect(!cell.grapheme.unicodeScalars.contains { TerminalText.isUnsafe($0) }, "cell \(cell.grapheme.debugDescription)")
        }
        // One policy (PlanKit's TerminalText): each unsafe scalar shows as U+FFFD, so nothing hidden reorders the text.
        #expect(screen.text.contains("evil \u{FFFD}[2J\u{FFFD}]0;pwned\u{FFFD} text\u{FFFD}31m \u{FFFD}gnp.exe"))
    }

    @Test func asciiMarksWhenTheLocaleIsNotUTF8() {
        var state = OutlineFixture.state()
        state.unicode = false
        let text = render(state).text
        #expect(text.contains("  x 1.1 Create infra folder."))
        #expect(text.contains("- o 1.2") == false)
        #expect(text.contains("- [ ]") == false)
        #expect(!text.unicodeScalars.contains { $0.value > 0x7E })
    }

    @Test func longTextWrapsInTheDetailPane() {
        let long = "**TODO 1.1:** " + Array(repeating: "word", count: 40).joined(separator: " ")
        var state = OutlineFixture.state(OutlineFixture.make([.init(phase: "P", number: "1", items: [("1.1", " ", long, 0)])]))
        state.focus = .detail
        let text = render(state).text
        let wrappedRows = text.split(separator: "\n").filter { $0.contains("word word") }
        #expect(wrappedRows.count >= 3)
    }

    @Test func tenThousandItemsRenderOnlyWhatIsVisible() {
        let many = (1...10_000).map { n in (id: Optional("1.\(n)"), mark: n % 3 == 0 ? "x" : " ", text: "**TODO 1.\(n):** item \(n)", depth: 0) }
        var state = OutlineFixture.state(OutlineFixture.make([.init(phase: "Big", number: "1", items: many)]), width: 120, height: 40)
        _ = reduce(&state, .key(.end))
        let started = Date()
        let screen = render(state)
        let elapsed = Date().timeIntervalSince(started)
        #expect(screen.text.contains("1.10000 item 10000"))
        #expect(screen.text.contains("3333/10000  row 10000 of 10000"))
        #expect(elapsed < 0.25, "render took \(elapsed) s")
    }

    @Test func wideCharactersTakeTwoCells() {
        var canvas = Canvas(width: 6, height: 1)
        let used = canvas.put("日本x", row: 0, column: 0, width: 6)
        #expect(used == 5)
        #expect(canvas.screen.text == "日本x \n")
        var narrow = Canvas(width: 3, height: 1)
        #expect(narrow.put("日本", row: 0, column: 0, width: 3) == 2)
    }
}

@Suite struct ItemsHeaderTests {
    /// Issue 10 point 9: the header's numbers mean what the sidebar's mean.
    @Test func theItemsHeaderShowsThePhasesProgressAndThePositionInWords() {
        var state = OutlineFixture.state(width: 100, height: 24)
        _ = reduce(&state, .key(.down))
        let header = render(state).text.split(separator: "\n").first { $0.contains("Phase 1: First") } ?? ""
        #expect(header.contains("2/4  row 2 of 4"), "\(header)")
    }
}
