import Foundation
import PlanKit

extension Painter {
    /// The `?` overlay: every key of the one key table and the mouse, in a box bordered on
    /// all four sides, scrolled with j / k / PgDn when it is taller than the screen.
    mutating func paintHelp() {
        let rows = KeyTable.helpRows
        let keyWidth = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
        let contentWidth = keyWidth + 2 + (rows.map { DisplayWidth.of($0.help) }.max() ?? 0)
        // A narrow screen wraps what a key does under itself, never cuts it.
        let box = OverlayBox(screenWidth: state.width, screenHeight: state.height, contentWidth: contentWidth, lines: 0)
        let helpWidth = max(8, box.width - 4 - keyWidth - 2)
        let lines = rows.flatMap { row in
            Wrap.lines([StyledRun(row.help)], width: helpWidth).enumerated().map { n, help in
                [StyledRun((n == 0 ? row.label : "").padded(to: keyWidth + 2), role: .itemId)] + help
            }
        }
        paintBox(title: "Keys", lines: lines, contentWidth: contentWidth)
    }

    /// `L` and `v`: the message log or the item's text, notes and quotes in a page.
    mutating func paintView(_ view: TextView) {
        let width = max(10, state.width - 6)
        switch view {
        case .log:
            let lines = state.messageLog.isEmpty ? [[StyledRun("No messages yet.", role: .dim)]]
                : state.messageLog.flatMap { Wrap.lines([StyledRun($0)], width: width) }
            paintBox(title: "Messages", lines: lines, contentWidth: width)
        case .pager:
            guard let item = state.selected else { return }
            paintBox(title: item.reference.name, lines: pagerLines(item, width: width), contentWidth: width)
        case .history:
            paintBox(title: "History", lines: historyLines(width: min(width, 80)), contentWidth: min(width, 80))
        }
    }

    /// The item's own text in full, the notes and quotes after it, and its phase's notes.
    func pagerLines(_ item: OutlineItem, width: Int) -> [[StyledRun]] {
        var lines = Wrap.lines(InlineText.runs(item.text), width: width)
        for text in state.ownLines(item) { lines += Wrap.lines(InlineText.runs(text), width: width) }
        let notes = state.notesNear(item)
        if !notes.isEmpty { lines.append([]); lines += quoted(notes, width: width) }
        if let phase = state.outline.phases[safe: item.phase] {
            let phaseNotes = self.phaseNotes(phase)
            if !phaseNotes.isEmpty {
                lines.append([])
                lines.append([StyledRun("Notes of " + InlineMarkdown.plain(phase.title), .strong)])
                lines += quoted(phaseNotes, width: width)
            }
        }
        return lines
    }

    /// Lines of a phase that belong to no item: its introduction, notes and block quotes.
    func phaseNotes(_ phase: OutlinePhase) -> [String] {
        let blocks = phase.allItems.map { state.outline.items[$0] }.map { $0.line...$0.endLine }
        guard let heading = phase.line, heading < phase.endLine else { return [] }
        return ((heading + 1)...phase.endLine).compactMap { n in
            guard !blocks.contains(where: { $0.contains(n) }), let line = state.outline.lines[safe: n - 1] else { return nil }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : trimmed
        }
    }

    private func quoted(_ notes: [String], width: Int) -> [[StyledRun]] {
        notes.flatMap { note -> [[StyledRun]] in
            let isQuote = note.hasPrefix(">")
            let body = isQuote ? String(note.drop { $0 == ">" || $0 == " " }) : note
            let prefix = StyledRun(isQuote ? glyphs.vertical + " " : "", role: .dim)
            return Wrap.lines(InlineText.runs(body), width: width - 2).map { [prefix] + $0 }
        }
    }

    /// A box over the panes: corners and sides drawn, the title in the top border, the
    /// lines in view between, and "3–13 of 28" in the bottom border when it scrolls.
    mutating func paintBox(title: String, lines: [[StyledRun]], contentWidth: Int) {
        let box = OverlayBox(screenWidth: state.width, screenHeight: state.height, contentWidth: contentWidth,
                             lines: lines.count)
        let scroll = min(state.overlayScroll, max(0, lines.count - box.bodyRows))
        let right = box.column + box.width - 1
        let bottom = box.row + box.height - 1
        for y in box.row...bottom { canvas.fill(row: y, column: box.column, width: box.width, role: .text) }
        let inner = String(repeating: glyphs.horizontal, count: box.width - 2)
        canvas.put(glyphs.cornerTopLeft + inner + glyphs.cornerTopRight, row: box.row, column: box.column,
                   width: box.width, role: .border)
        canvas.put(glyphs.cornerBottomLeft + inner + glyphs.cornerBottomRight, row: bottom, column: box.column,
                   width: box.width, role: .border)
        for y in (box.row + 1)..<bottom {
            canvas.put(glyphs.vertical, row: y, column: box.column, width: 1, role: .border)
            canvas.put(glyphs.vertical, row: y, column: right, width: 1, role: .border)
        }
        canvas.put(" \(title) ", row: box.row, column: box.column + 2, width: box.width - 4, role: .title, emphasis: .strong)
        for offset in 0..<box.bodyRows {
            guard let line = lines[safe: scroll + offset] else { break }
            canvas.put(line, row: box.row + 1 + offset, column: box.column + 2, width: box.width - 4, role: .text)
        }
        if lines.count > box.bodyRows {
            let position = " \(scroll + 1)–\(min(lines.count, scroll + box.bodyRows)) of \(lines.count) "
            let width = DisplayWidth.of(position)
            canvas.put(position, row: bottom, column: right - width - 1, width: width, role: .dim)
        }
    }
}

extension String {
    /// The text followed by spaces up to `width` columns.
    func padded(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - DisplayWidth.of(self))) }
}
