import Evidence
import PlanKit

/// The stage matrix (`m`): a verdict column per stage at the right of each item row, the
/// stage names above them, the drift per stage in the header. Columns give way: glyph and
/// word where the pane has room for them beside a readable title, the glyph alone where not.
extension Painter {
    /// The room an item's title keeps beside the columns before they fall back to glyphs.
    static let matrixTitleRoom = 30

    /// Each stage's cell width in an items pane `paneWidth` wide.
    func matrixCellWidth(paneWidth: Int) -> Int {
        let stages = state.stages
        let wide = max(11, stages.map(DisplayWidth.of).max() ?? 0)  // "✗ unchecked"
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
                canvas.put(state.matrix.probing ? "…" : " ", row: row, column: x, width: cell, role: .dim)
            }
            x += cell
        }
    }

    /// The stage names above the columns, on the items pane's top border; a stale one ends in "*".
    mutating func paintMatrixHeadings(in rect: Rect) {
        let cell = matrixCellWidth(paneWidth: rect.width)
        var x = rect.column + rect.width - matrixWidth(paneWidth: rect.width)
        for (index, stage) in state.stages.enumerated() {
            x += 1
            let stale = state.matrix.isStale(stage, now: state.now, refresh: state.refresh)
            let name = DisplayWidth.truncated(stage, to: stale ? cell - 1 : cell) + (stale ? "*" : "")
            let role: StyleRole = index == state.stageIndex ? .header : (stale ? .stale : .dim)
            canvas.put(name, row: rect.row, column: x, width: cell, role: role)
            x += cell
        }
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
