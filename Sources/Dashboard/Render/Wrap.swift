import PlanKit

/// Word wrapping of styled runs to a width; words longer than a line are cut. One pass,
/// and only the lines asked for are built: a 200 KB unbroken token (a pasted certificate)
/// is ~2500 lines at 80 columns, of which Detail shows a screenful; the rest are counted.
enum Wrap {
    static func lines(_ runs: [StyledRun], width: Int) -> [[StyledRun]] {
        window(runs, width: width, keeping: 0..<Int.max).lines
    }

    /// The wrapped lines whose numbers (from 0) are in `keeping`, and how many lines there are.
    static func window(_ runs: [StyledRun], width: Int, keeping: Range<Int>) -> (lines: [[StyledRun]], count: Int) {
        guard width > 0 else { return ([], 0) }
        var wrapper = Wrapper(width: width, keeping: keeping)
        for run in runs { wrapper.add(run) }
        return wrapper.finish()
    }
}

/// The state of one wrapping pass: the line being filled and the columns it uses.
private struct Wrapper {
    let width: Int
    let keeping: Range<Int>
    var kept: [[StyledRun]] = []
    var line: [StyledRun] = []
    var number = 0
    var used = 0

    init(width: Int, keeping: Range<Int>) {
        self.width = width
        self.keeping = keeping
    }

    mutating func add(_ run: StyledRun) {
        // Words between single spaces; two spaces in a row leave an empty word between them.
        for (n, word) in run.text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if n > 0, used > 0, used < width {
                append(" ", run)
                used += 1
            }
            if !word.isEmpty { add(word: word, run) }
        }
    }

    mutating func add(word: Substring, _ style: StyledRun) {
        let wordWidth = DisplayWidth.of(word, upTo: width)
        if used + wordWidth > width && used > 0 { breakLine() }
        if wordWidth <= width {
            append(word, style)
            used += wordWidth
            return
        }
        // Longer than a line: cut it, one pass over its characters.
        var start = word.startIndex
        var pieceWidth = 0
        var index = start
        while index < word.endIndex {
            let cells = DisplayWidth.of(word[index])
            if pieceWidth + cells > width && pieceWidth > 0 {
                append(word[start..<index], style)
                endLine()
                start = index
                pieceWidth = 0
            }
            pieceWidth += cells
            index = word.index(after: index)
        }
        append(word[start...], style)
        used = pieceWidth
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

    mutating func finish() -> (lines: [[StyledRun]], count: Int) {
        if keeping.contains(number) { kept.append(line) }
        return (kept, number + 1)
    }
}
