import Testing
@testable import Dashboard

@Suite struct ScreenChangesTests {
    @Test func aFirstFrameIsPaintedWholeAndAnEqualFrameNotAtAll() {
        var frame = Screen(width: 4, height: 2)
        frame[0, 0] = Cell(grapheme: "a")
        let first = frame.changes(from: nil)
        #expect(first.whole && first.cells.count == 8)
        #expect(frame.changes(from: frame).cells.isEmpty)
        #expect(!frame.changes(from: frame).whole)
    }

    @Test func onlyChangedCellsArePaintedAndTheGlassMatches() {
        var old = Screen(width: 5, height: 2)
        old[1, 1] = Cell(grapheme: "x")
        var new = old
        new[0, 2] = Cell(grapheme: "界", width: 2)
        new[0, 3] = Cell(grapheme: "", width: 0)
        new[1, 1] = Cell(grapheme: "y", role: .error)
        let changes = new.changes(from: old)
        #expect(changes.cells.map { [$0.row, $0.column] } == [[0, 2], [1, 1]])
        #expect(old.applying(changes) == new)
    }

    @Test func aNewSizeIsPaintedWhole() {
        let old = Screen(width: 3, height: 3)
        let new = Screen(width: 4, height: 3)
        #expect(new.changes(from: old).whole)
    }
}
