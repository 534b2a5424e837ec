import PlanKit
extension Painter {
    /// The selected phase's item tree; only the rows in view are drawn.
    mutating func paintItems() {
        let rect = layout.items
        let phase = state.outline.phases[safe: state.selectedPhase]
        var title = "Items"
        if let phase { title = (phase.number.map { "Phase \($0): " } ?? "") + InlineMarkdown.plain(phase.title) }
        // One meaning per number: the phase's progress, as the sidebar shows it; the position in words.
        var right = phase.map { state.outline.counts(of: $0.allItems).settledOfTotal } ?? ""
        if state.filter != .all { right = "filter: \(state.filter.rawValue)  " + right }
        if let row = state.selectedRow {
            let position = "  row \(row + 1) of \(state.rows.count)"
            // Shown only where it fits: the phase's title comes first.
            if DisplayWidth.of(title + right + position) + 4 <= rect.width { right += position }
        }
        // In the matrix the stage names head the columns on this row: the title stops short of them.
        if state.matrix.shown { right = String(repeating: " ", count: matrixWidth(paneWidth: rect.width)) }
        paintTitle(title, in: rect, pane: .items, right: right)
        if state.matrix.shown { paintMatrixHeadings(in: rect) }
        guard !state.rows.isEmpty else {
            var why = state.filter == .all ? "No items." : "No \(state.filter.rawValue) items in this phase; f shows all."
            if state.filter == .drift, !state.driftItems.isEmpty { why = "No drift in this phase; ] jumps to the next." }
            canvas.put(why, row: rect.row + 1, column: rect.column + 1, width: rect.width - 1, role: .dim)
            return
        }
        let matches = Set(state.searchMatches)
        let byID = !matches.isEmpty && state.searchIsByID
        for offset in 0..<layout.itemRows {
            let index = state.itemScroll + offset
            guard state.rows.indices.contains(index) else { break }
            let row = state.rows[index]
            let item = state.outline.items[row.item]
            let y = rect.row + 1 + offset
            var x = rect.column + 1 + min(row.depth * 2, rect.width / 3)
            let end = rect.column + rect.width
            x += canvas.put(row.hasChildren ? glyphs.fold(expanded: row.expanded) : " ", row: y, column: x, width: end - x, role: .dim)
            x += canvas.put(" ", row: y, column: x, width: end - x)
            x += canvas.put(glyphs.mark(item.state, raw: item.mark), row: y, column: x, width: end - x, role: item.state.role)
            x += canvas.put(" ", row: y, column: x, width: end - x)
            if let id = item.id {
                x += canvas.put(id, row: y, column: x, width: end - x, role: matches.contains(item.index) && byID ? .searchMatch : .itemId)
                x += canvas.put(" ", row: y, column: x, width: end - x)
            }
            var badge = ""
            if let verdict = state.evidence(for: item)?.verdict, verdict != .unchecked { badge = verdict.rawValue }
            if state.matrix.shown { badge = "" }
            let badgeWidth = state.matrix.shown ? matrixWidth(paneWidth: rect.width)
                : badge.isEmpty ? 0 : DisplayWidth.of(badge) + 1
            let titleWidth = end - x - badgeWidth - 1
            // A match may run past the part of a long text a row reads: a match is looked for in the whole.
            let title = matches.contains(item.index) && !byID
                ? SearchQuery(state.searchQuery).highlighted(InlineText.title(item.text))
                : InlineText.title(item.text, columns: titleWidth)
            canvas.put(title, row: y, column: x, width: titleWidth,
                       role: item.state.isSettled && item.state != .done ? .dim : .text)
            if state.matrix.shown {
                paintMatrixCells(item, row: y, end: end - 1, paneWidth: rect.width)
            } else if let verdict = state.evidence(for: item)?.verdict, !badge.isEmpty {
                canvas.put(badge, row: y, column: end - badgeWidth, width: badgeWidth,
                           role: stale ? .stale : verdict.role)
            }
            if row.item == state.selectedItem {
                canvas.recolor(row: y, column: rect.column, width: rect.width,
                               role: state.focus == .items ? .selection : .selectionInactive)
            }
        }
    }

    /// Live data older than the stale limit, or for another stage, is drawn as stale.
    var stale: Bool {
        if state.matrix.shown, let stage = state.stage, state.matrix.column(stage) != nil {
            return state.matrix.isStale(stage, now: state.now, refresh: state.refresh)
        }
        guard let status = state.live.status else { return false }
        return state.live.isStale(now: state.now, refresh: state.refresh) || (state.stage != nil && status.stage != state.stage)
    }
}
