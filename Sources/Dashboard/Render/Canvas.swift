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
        guard row >= 0, row < screen.height, column >= 0, width > 0 else { return 0 }
        let limit = min(column + width, screen.width)
        var x = column
        let safe = TerminalText.sanitized(text)
        for character in unicode ? safe : TerminalText.asciiPunctuation(safe) {
            let cells = DisplayWidth.of(character)
            if cells == 0 { continue }
            if x + cells > limit { break }
            screen[row, x] = Cell(grapheme: String(character), width: UInt8(cells), role: role, emphasis: emphasis)
            if cells == 2 { screen[row, x + 1] = Cell(grapheme: "", width: 0, role: role, emphasis: emphasis) }
            x += cells
        }
        return x - column
    }

    /// Writes styled runs in a row; text that does not fit ends with "…" ("..." in ASCII).
    @discardableResult
    mutating func put(_ runs: [StyledRun], row: Int, column: Int, width: Int, role: StyleRole) -> Int {
        let runs = unicode ? runs : runs.map { StyledRun(TerminalText.asciiPunctuation($0.text), $0.emphasis, role: $0.role) }
        let total = runs.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let ellipsis = unicode ? "…" : "..."
        var used = 0
        let room = total > width ? max(0, width - DisplayWidth.of(ellipsis)) : width
        for run in runs where used < room {
            used += put(run.text, row: row, column: column + used, width: room - used,
                        role: run.role ?? role, emphasis: run.emphasis)
        }
        if total > width && width > 0 { used += put(ellipsis, row: row, column: column + used, width: width - used, role: role) }
        return used
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

/// Word wrapping of styled runs to a width; words longer than a line are cut. Linear in
/// the text: a 200 KB unbroken token (a pasted certificate) is cut in one pass.
enum Wrap {
    static func lines(_ runs: [StyledRun], width: Int) -> [[StyledRun]] {
        guard width > 0 else { return [] }
        var lines: [[StyledRun]] = [[]]
        var used = 0
        func append(_ piece: String, _ style: StyledRun) {
            if var last = lines[lines.count - 1].last, last.emphasis == style.emphasis, last.role == style.role {
                last.text += piece
                lines[lines.count - 1][lines[lines.count - 1].count - 1] = last
            } else {
                lines[lines.count - 1].append(StyledRun(piece, style.emphasis, role: style.role))
            }
        }
        func breakLine() {
            if let last = lines[lines.count - 1].last, last.text.hasSuffix(" ") {
                lines[lines.count - 1][lines[lines.count - 1].count - 1].text.removeLast()
            }
            lines.append([])
            used = 0
        }
        for run in runs {
            for token in tokens(run.text) {
                if token == " " {
                    if used > 0 && used < width { append(" ", run); used += 1 }
                    continue
                }
                let tokenWidth = DisplayWidth.of(token)
                if used + tokenWidth > width && used > 0 { breakLine() }
                if tokenWidth <= width {
                    append(token, run)
                    used += tokenWidth
                    continue
                }
                // Longer than a line: cut it, one pass over its characters.
                var piece = ""
                var pieceWidth = 0
                for character in token {
                    let cells = DisplayWidth.of(character)
                    if pieceWidth + cells > width && pieceWidth > 0 {
                        append(piece, run)
                        lines.append([])
                        piece = ""
                        pieceWidth = 0
                    }
                    piece.append(character)
                    pieceWidth += cells
                }
                append(piece, run)
                used = pieceWidth
            }
        }
        return lines
    }

    private static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var word = ""
        for character in text {
            if character == " " {
                if !word.isEmpty { out.append(word); word = "" }
                out.append(" ")
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }
}
