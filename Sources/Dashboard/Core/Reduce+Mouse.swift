extension DashboardState {
    /// Click selects the phase or item under the pointer; the wheel scrolls the pane under it.
    mutating func handle(_ event: MouseEvent) {
        guard mouse else { return }
        switch mode {
        case .help, .view:  // over the help or a page: the wheel scrolls it, a click closes it
            handleOverlay(event.kind == .wheelUp ? .up : event.kind == .wheelDown ? .down : .escape)
            return
        case .confirmWriteBack:  // the question waits for y or another key, not a click
            return
        case .normal, .search:
            break
        }
        let layout = self.layout
        let pane: Pane
        if contains(layout.phases, event) { pane = .phases } else if contains(layout.items, event) { pane = .items }
        else if contains(layout.detail, event) { pane = .detail } else { return }
        switch event.kind {
        case .wheelUp, .wheelDown:
            let saved = focus
            focus = pane
            move(by: event.kind == .wheelUp ? -3 : 3)
            focus = saved
        case .press:
            focus = pane
            switch pane {
            case .phases:
                let slot = (event.row - layout.phases.row - 1) / 2 + phaseScroll
                if event.row > layout.phases.row, outline.phases.indices.contains(slot) { move(by: slot - selectedPhase) }
            case .items:
                let row = event.row - layout.items.row - 1 + itemScroll
                if event.row > layout.items.row, rows.indices.contains(row) {
                    selectedItem = rows[row].item
                    detailScroll = 0
                }
            case .detail:
                break
            }
        }
    }

    private func contains(_ rect: Rect, _ event: MouseEvent) -> Bool {
        event.row >= rect.row && event.row < rect.row + rect.height
            && event.column >= rect.column && event.column < rect.column + rect.width
    }
}
