import PlanKit

/// Writes text into a `Screen`, clipped to a width, one grapheme per cell (wide ones
/// take two). Every string passes PlanKit's `TerminalText` here: the one door to the screen.
struct Canvas {
    var screen: Screen
    /// False in a locale that is not UTF-8: punctuation is written in ASCII ("..." for "…").
    var unicode = true

    init(width: Int, height: Int) { screen = Screen(width: width, height: height) }

    /// Writes `text` at (row, column), at most `width` columns; returns the columns used.
    @discardableResult
    mutating func put(_ text: String, row: Int, column: Int, width: Int, role: StyleRole = .text,
                      emphasis: Emphasis = []) -> Int {
        draw(text, row: row, column: column, width: width, role: role, emphasis: emphasis).columns
    }

    /// `put`, also saying whether the whole text fitted.
    private mutating func draw(_ text: String, row: Int, column: Int, width: Int, role: StyleRole,
                               emphasis: Emphasis) -> (columns: Int, whole: Bool) {
        guard row >= 0, row < screen.height, column >= 0, width > 0 else { return (0, text.isEmpty) }
        let limit = min(column + width, screen.width)
        var x = column
        let safe = TerminalText.sanitized(text)
        for character in unicode ? safe : TerminalText.asciiPunctuation(safe) {
            let cells = DisplayWidth.of(character)
            if cells == 0 { continue }
            if x + cells > limit { return (x - column, false) }
            screen[row, x] = Cell(grapheme: String(character), width: UInt8(cells), role: role, emphasis: emphasis)
            if cells == 2 { screen[row, x + 1] = Cell(grapheme: "", width: 0, role: role, emphasis: emphasis) }
            x += cells
        }
        return (x - column, true)
    }

    /// Writes styled runs in a row; text that does not fit ends with "…" ("..." in ASCII) right
    /// after the last character that fits. Only as much of the runs is read as the row can show.
    @discardableResult
    mutating func put(_ runs: [StyledRun], row: Int, column: Int, width: Int, role: StyleRole) -> Int {
        let runs = unicode ? runs : runs.map { StyledRun(TerminalText.asciiPunctuation($0.text), $0.emphasis, role: $0.role) }
        let overflows = Self.wider(runs, than: width)
        let ellipsis = unicode ? "…" : "..."
        var used = 0
        let room = overflows ? max(0, width - DisplayWidth.of(ellipsis)) : width
        for run in runs where used < room {
            let drawn = draw(run.text, row: row, column: column + used, width: room - used,
                             role: run.role ?? role, emphasis: run.emphasis)
            used += drawn.columns
            // A wide character that did not fit ends the row: a later run never fills its gap.
            if !drawn.whole { break }
        }
        if overflows && width > 0 { used += put(ellipsis, row: row, column: column + used, width: width - used, role: role) }
        return used
    }

    /// Whether the runs take more than `width` columns, reading no further than that.
    static func wider(_ runs: [StyledRun], than width: Int) -> Bool {
        var total = 0
        for run in runs {
            total += DisplayWidth.of(run.text, upTo: width - total)
            if total > width { return true }
        }
        return false
    }

    /// Paints a span with a role (selection bars, the status bar's background).
    mutating func fill(row: Int, column: Int, width: Int, role: StyleRole) {
        guard row >= 0, row < screen.height else { return }
        for x in max(0, column)..<min(screen.width, column + max(0, width)) {
            screen[row, x] = Cell(grapheme: " ", role: role)
        }
    }

    /// Sets the role of cells already written (a selected row keeps its text, takes the selection role);
    /// a search match stays marked on the selected row too.
    mutating func recolor(row: Int, column: Int, width: Int, role: StyleRole) {
        guard row >= 0, row < screen.height else { return }
        for x in max(0, column)..<min(screen.width, column + max(0, width)) where screen[row, x].role != .searchMatch {
            screen[row, x].role = role
        }
    }
}
