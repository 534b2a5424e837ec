import Dashboard

/// The test frame `terminal-check` paints: text in several roles, emphasis, wide
/// characters and a cell holding an escape character that must not reach the tty.
struct TerminalCheckScreen {
    var width: Int
    var height: Int
    var lastEvent: String
    var colorMode: ColorMode
    var utf8: Bool
    /// Cells the previous paint wrote: small after a keypress shows the frame diff at work.
    var previousPaint: Int
    var previousPaintMicroseconds: Int
    /// The first (full) paint's figures, kept: what a benchmark of the backend reads.
    var firstPaint: String

    var frame: Screen {
        var screen = Screen(width: width, height: height)
        put(&screen, row: 0, [("PlanTrack terminal check", .title, [])])
        put(&screen, row: 1, [("size \(width)x\(height)  colours \(colorMode.rawValue)  utf8 \(utf8 ? "yes" : "no")", .header, [])])
        put(&screen, row: 2, [("key: \(lastEvent)", .text, [])])
        put(&screen, row: 3, [("roles: ", .text, []), ("done", .stateDone, []), (" ", .text, []),
                              ("drift", .verdictDrift, []), (" ", .text, []), ("error", .error, []), (" ", .text, []),
                              ("code", .text, .code), (" ", .text, []), ("strong", .text, .strong)])
        put(&screen, row: 4, [(utf8 ? "wide: 漢字 ✓ ✗ •|" : "wide: (ascii) v x *|", .text, [])])
        put(&screen, row: 5, [("sanitised: ", .text, []), ("\u{1B}", .error, []), ("[31mRED", .text, [])])
        put(&screen, row: 7, [("previous paint: \(previousPaint) cells in \(previousPaintMicroseconds) µs", .dim, [])])
        put(&screen, row: 8, [("first paint: \(firstPaint)", .dim, [])])
        put(&screen, row: 6, [(String(repeating: " ", count: width), .selection, [])])
        put(&screen, row: 6, [(" selected row", .selection, [])])
        put(&screen, row: height - 1, [(" q quits; keys are echoed above" + String(repeating: " ", count: width), .statusBar, [])])
        return screen
    }

    private func put(_ screen: inout Screen, row: Int, _ runs: [(String, StyleRole, Emphasis)]) {
        guard row >= 0, row < height else { return }
        var column = 0
        for (text, role, emphasis) in runs {
            for character in text {
                let cellWidth = Self.isWide(character) ? 2 : 1
                guard column + cellWidth <= width else { return }
                screen[row, column] = Cell(grapheme: String(character), width: UInt8(cellWidth), role: role, emphasis: emphasis)
                if cellWidth == 2 { screen[row, column + 1] = Cell(grapheme: "", width: 0, role: role, emphasis: emphasis) }
                column += cellWidth
            }
        }
    }

    /// East Asian wide ranges, enough for this test screen (the dashboard measures properly).
    private static func isWide(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0x1F300...0x1FAFF).contains(value)
    }
}
