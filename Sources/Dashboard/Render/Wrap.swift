import PlanKit

/// Word wrapping of styled runs to a width; words longer than a line are cut. One pass,
/// and only the lines asked for are built: a 200 KB unbroken token (a pasted certificate)
/// is ~2500 lines at 80 columns, of which Detail shows a screenful.
enum Wrap {
    static func lines(_ runs: [StyledRun], width: Int) -> [[StyledRun]] {
        window(runs, width: width, keeping: 0..<Int.max).lines
    }

    /// The wrapped lines whose numbers (from 0) are in `keeping`, and how many lines there
    /// are. Given `lineCount` (known from an earlier pass), the pass stops after the last
    /// line kept instead of counting the rest.
    static func window(_ runs: [StyledRun], width: Int, keeping: Range<Int>,
                       lineCount: Int? = nil) -> (lines: [[StyledRun]], count: Int) {
        guard width > 0 else { return ([], 0) }
        var wrapper = Wrapper(width: width, keeping: keeping, stopsEarly: lineCount != nil)
        for run in runs where !wrapper.finished { wrapper.add(run) }
        let lines = wrapper.finish()
        return (lines.kept, lineCount ?? lines.count)
    }
}

/// The state of one wrapping pass: the line being filled and the columns it uses.
private struct Wrapper {
    let width: Int
    let keeping: Range<Int>
    let stopsEarly: Bool
    var kept: [[StyledRun]] = []
    var line: [StyledRun] = []
    var number = 0
    var used = 0

    init(width: Int, keeping: Range<Int>, stopsEarly: Bool) {
        self.width = width
        self.keeping = keeping
        self.stopsEarly = stopsEarly
    }

    var finished: Bool { stopsEarly && number >= keeping.upperBound }

    /// Words and the single spaces between them; a space that would end a line is dropped.
    mutating func add(_ run: StyledRun) {
        let text = run.text
        var index = text.startIndex
        while index < text.endIndex, !finished {
            if text[index] == " " {
                if used > 0 && used < width {
                    append(" ", run)
                    used += 1
                }
                index = text.index(after: index)
            } else {
                index = addWord(text, from: index, run)
            }
        }
    }

    /// The word at `start` (up to the next space); returns where it ends. Its width is read
    /// only as far as the line's width: a longer word is cut as it is read.
    mutating func addWord(_ text: String, from start: String.Index, _ style: StyledRun) -> String.Index {
        var end = start
        var wordWidth = 0
        while end < text.endIndex, wordWidth <= width, text[end] != " " {
            wordWidth += DisplayWidth.of(text[end])
            end = text.index(after: end)
        }
        if used + wordWidth > width && used > 0 { breakLine() }
        if wordWidth <= width {
            append(text[start..<end], style)
            used += wordWidth
            return end
        }
        // Longer than a line: cut it, one pass over its characters.
        var pieceStart = start
        var pieceWidth = 0
        var index = start
        while index < text.endIndex, !finished, text[index] != " " {
            let cells = DisplayWidth.of(text[index])
            if pieceWidth + cells > width && pieceWidth > 0 {
                append(text[pieceStart..<index], style)
                endLine()
                pieceStart = index
                pieceWidth = 0
            }
            pieceWidth += cells
            index = text.index(after: index)
        }
        append(text[pieceStart..<index], style)
        used = pieceWidth
        return index
    }

    /// Adds to the line being filled, joined to its last run when the style is the same;
    /// a line outside `keeping` is only counted.
    mutating func append(_ piece: Substring, _ style: StyledRun) {
        guard keeping.contains(number) else { return }
        if let last = line.last, last.emphasis == style.emphasis, last.role == style.role {
            line[line.count - 1].text += piece
        } else {
            line.append(StyledRun(String(piece), style.emphasis, role: style.role))
        }
    }

    /// A line ended between words: the space before the break is not kept.
    mutating func breakLine() {
        if let last = line.last, last.text.hasSuffix(" ") { line[line.count - 1].text.removeLast() }
        endLine()
        used = 0
    }

    mutating func endLine() {
        if keeping.contains(number) { kept.append(line) }
        line = []
        number += 1
    }

    mutating func finish() -> (kept: [[StyledRun]], count: Int) {
        if keeping.contains(number) { kept.append(line) }
        return (kept, number + 1)
    }
}
