import Evidence
import PlanKit

/// The stage matrix (`m`): a verdict column per stage at the right of each item row, the
/// stage names above them, the drift per stage in the header. Columns give way: glyph and
/// word where the pane has room for them beside a readable title, the glyph alone where not.
extension Painter {
    /// The room an item's title keeps beside the columns before they fall back to glyphs.
    static let matrixTitleRoom = 30

    /// What a stale heading adds to the stage's name where the columns are wide: " stale 59m".
    static let staleSuffixRoom = 10

    /// Each stage's cell width in an items pane `paneWidth` wide: room for "✗ unchecked" and
    /// for "prod stale 3m" above it, else (below a readable title) the glyph alone.
    func matrixCellWidth(paneWidth: Int) -> Int {
        let stages = state.stages
        let wide = max(11, (stages.map(DisplayWidth.of).max() ?? 0) + Self.staleSuffixRoom)
        if paneWidth - stages.count * (wide + 1) >= Self.matrixTitleRoom { return wide }
        return 4
    }

    /// Columns the matrix takes at the right of an item row.
    func matrixWidth(paneWidth: Int) -> Int {
        state.stages.count * (matrixCellWidth(paneWidth: paneWidth) + 1)
    }

    /// One item's cells, ending at `end`.
    mutating func paintMatrixCells(_ item: OutlineItem, row: Int, end: Int, paneWidth: Int) {
        let cell = matrixCellWidth(paneWidth: paneWidth)
        var x = end - matrixWidth(paneWidth: paneWidth)
        for (stage, verdict) in state.matrixVerdicts(for: item) {
            x += 1
            let stale = state.matrix.isStale(stage, now: state.now, refresh: state.refresh)
            if let column = state.matrix.column(stage), column.notAsked {
                canvas.put(cell > 4 ? "- not asked" : "-", row: row, column: x, width: cell, role: .dim)
            } else if let verdict {
                let glyph = verdict.verdict.glyph(unicode: glyphs.unicode)
                let text = cell > 4 ? glyph + " " + verdict.verdict.rawValue : glyph
                canvas.put(text, row: row, column: x, width: cell, role: stale ? .stale : verdict.verdict.role)
            } else {
                canvas.put(state.matrix.isProbing(stage) ? "…" : " ", row: row, column: x, width: cell, role: .dim)
            }
            x += cell
        }
    }

    /// The stage names above the columns, on the items pane's top border. A stale column's
    /// name is dimmed and says how old its answer is ("prod stale 3m") where the columns are
    /// wide, and ends in "*" where they are glyphs.
    mutating func paintMatrixHeadings(in rect: Rect) {
        let cell = matrixCellWidth(paneWidth: rect.width)
        var x = rect.column + rect.width - matrixWidth(paneWidth: rect.width)
        for (index, stage) in state.stages.enumerated() {
            x += 1
            let age = state.matrix.staleAge(stage, now: state.now, refresh: state.refresh)
            let name: String
            switch (age, cell > 4) {
            case (nil, _): name = DisplayWidth.truncated(stage, to: cell)
            case (let age?, true): name = stage + " stale " + Self.age(age, short: true)
            case (_, false): name = Self.clipped(stage, to: cell - 1) + "*"
            }
            let role: StyleRole = age != nil ? .stale : index == state.stageIndex ? .header : .dim
            canvas.put(name, row: rect.row, column: x, width: cell, role: role)
            x += cell
        }
    }

    /// The first characters of `text` that fit in `width` columns, with no ellipsis: the "*"
    /// of a stale heading follows them ("pro*", not "pr…*").
    static func clipped(_ text: String, to width: Int) -> String {
        var out = "", used = 0
        for character in text {
            used += DisplayWidth.of(character)
            if used > width { break }
            out.append(character)
        }
        return out
    }

    /// "drift dev 0 · prod 1" at the right of the header's second row ("?" for a stage not asked).
    mutating func paintMatrixDrift() {
        let parts = state.matrixDrift.map { stage, drift in
            "\(stage) \(drift.map(String.init) ?? "?")" + (state.matrix.isStale(stage, now: state.now, refresh: state.refresh) ? "*" : "")
        }
        let text = "drift " + parts.joined(separator: glyphs.separator)
        let width = min(DisplayWidth.of(text), max(0, state.width / 2))
        guard width > 8 else { return }
        let column = state.width - width - 1
        canvas.put(String(repeating: " ", count: width + 1), row: 1, column: column - 1, width: width + 1)
        canvas.put(DisplayWidth.truncated(text, to: width), row: 1, column: column, width: width,
                   role: state.matrixDrift.contains { ($0.drift ?? 0) > 0 } ? .verdictDrift : .dim)
    }
}
