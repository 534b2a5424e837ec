import PlanKit
extension Painter {
    /// The phases, two rows each: number and title, then a progress bar with counts.
    mutating func paintPhases() {
        let rect = layout.phases
        let width = rect.width - 1
        paintTitle("Phases", in: Rect(row: rect.row, column: rect.column, width: width, height: 1), pane: .phases,
                   right: "\(state.outline.phases.count)")
        let phases = state.outline.phases
        guard !phases.isEmpty else {
            // Wrapped at words: a hint cut mid-word ("No task items in th…") reads as broken.
            let hint = "No task items in this plan. Add a line such as “- [ ] TODO 1.1: …” under a phase heading, then save."
            for (offset, line) in Wrap.lines([StyledRun(hint)], width: width - 1).prefix(rect.height - 1).enumerated() {
                canvas.put(line, row: rect.row + 1 + offset, column: 1, width: width - 1, role: .dim)
            }
            return
        }
        for slot in 0..<layout.phaseSlots {
            let index = state.phaseScroll + slot
            guard phases.indices.contains(index) else { break }
            let phase = phases[index]
            let row = rect.row + 1 + slot * 2
            let label = phase.number.map { "\($0) " } ?? ""
            let used = canvas.put(label, row: row, column: 1, width: width - 1, role: .itemId)
            canvas.put(InlineText.runs(phase.title), row: row, column: 1 + used, width: width - 1 - used, role: .text)
            let counts = state.outline.counts(of: phase.allItems)
            let numbers = " " + counts.settledOfTotal
            let drift = state.drifting(phase.allItems).count
            let driftLabel = drift > 0 ? " \(drift) drift" : ""
            let barWidth = max(3, width - 3 - DisplayWidth.of(numbers + driftLabel))
            paintBar(counts: counts, row: row + 1, column: 2, width: barWidth)
            let numbersWidth = canvas.put(numbers, row: row + 1, column: 2 + barWidth, width: width - 2 - barWidth, role: .dim)
            canvas.put(driftLabel, row: row + 1, column: 2 + barWidth + numbersWidth, width: width - 2 - barWidth - numbersWidth,
                       role: .verdictDrift)
            if index == state.selectedPhase {
                let role: StyleRole = state.focus == .phases ? .selection : .selectionInactive
                canvas.recolor(row: row, column: 0, width: width, role: role)
            }
        }
    }
}
