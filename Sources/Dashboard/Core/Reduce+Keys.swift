import PlanKit

import Foundation

extension DashboardState {
    mutating func handle(_ key: Key) -> [Effect] {
        // Behind "Terminal too small" nothing can be seen, so nothing may change (CONTRACT §9).
        if layout.tooSmall { return key == .character("q") || key.lowercasedControl == .control("c") ? [.quit] : [] }
        switch mode {
        case .help, .view:
            handleOverlay(key)
            return []
        case .confirmWriteBack:
            mode = .normal
            guard key == .character("y") || key == .character("Y"), planGone != nil else {
                say("Nothing written.")
                return []
            }
            return [.writeBack]
        case .search(let query):
            handleSearch(key, query: query)
            return []
        case .normal:
            return handleNormal(key)
        }
    }

    private mutating func handleNormal(_ key: Key) -> [Effect] {
        guard let command = KeyTable.command(for: key) else { return [] }
        return run(command)
    }

    /// Carries out one command of the key table.
    private mutating func run(_ command: Command) -> [Effect] {
        switch command {
        case .quit: return [.quit]
        case .help: mode = .help; overlayScroll = 0
        case .nextPane: focus = focus.next
        case .previousPane: focus = focus.next.next
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: move(by: -page)
        case .pageDown: move(by: page)
        case .first: move(by: -Int.max / 2)
        case .last: move(by: Int.max / 2)
        case .left: goLeft()
        case .right: goRight()
        case .expandOrCollapse:
            if focus == .phases { focus = .items } else { toggleFold() }
        case .toggleDone:
            guard focus == .items else { focus = .items; return [] }  // space opens the phase
            guard let item = selected else { return nothingSelected() }
            return change(item, to: item.state == .done ? .todo : .done)
        case .mark(let state):
            // Mark keys act only where the user is looking: the items pane's selection.
            guard focus == .items, let item = selected else { return nothingSelected() }
            return change(item, to: state)
        case .undo:
            guard let last = undoStack.popLast() else { say("Nothing to undo."); return [] }
            return [.writeMark(last, origin: .undo)]
        case .redo:
            guard let last = redoStack.popLast() else { say("Nothing to redo."); return [] }
            return [.writeMark(last, origin: .redo)]
        case .search:
            openSearch()
        case .nextMatch: stepSearch(by: 1)
        case .previousMatch: stepSearch(by: -1)
        case .filter:
            filter = filter.next
            rebuildRows()
            showPhaseWithMatches()
            keepSelectionThroughFilter()
            say(filter == .all ? "Showing all items." : filter == .open ? "Showing open items."
                : "Showing items that drift: \(driftItems.count) in the plan; ] and [ jump between them.")
        case .writeBack:
            guard planGone != nil else { say("The plan is on disk; there is nothing to write back."); return [] }
            mode = .confirmWriteBack
        case .nextDrift: jumpToDrift(forward: true)
        case .previousDrift: jumpToDrift(forward: false)
        case .refresh: return matrix.shown ? refreshMatrix() : startProbe(quietly: false)
        case .nextStage: return nextStage()
        case .matrix: return toggleMatrix()
        case .nextTheme:
            guard !colorless else { say("NO_COLOR is set, so themes have no effect: unset it to use t."); return [] }
            themeIndex = (themeIndex + 1) % themes.count
            say("Theme: \(theme).")
            return [.applyTheme(theme)]
        case .edit:
            let line = selected?.line ?? outline.phases[safe: selectedPhase]?.line ?? 1
            return [.openEditor(line: line)]
        case .dismissMessage:
            message = nil
        case .halfPageDown, .halfPageUp, .repaint, .expandAll, .collapseAll, .copyReference, .pager, .messageLog, .history:
            return runFluency(command)
        }
        return []
    }

    var page: Int { max(1, focus == .phases ? layout.phaseSlots : focus == .detail ? layout.detailRows : layout.itemRows) - 1 }

    private mutating func nothingSelected() -> [Effect] {
        say("Select an item first: Tab or → moves to the items.", kind: .warning)
        return []
    }

    /// A new mark for one item; a mark it already has writes nothing (CONTRACT §4).
    private mutating func change(_ item: OutlineItem, to state: ItemState) -> [Effect] {
        guard let mark = state.canonicalMark, item.mark != mark else {
            say("\(item.reference.capitalizedName) is already \(item.state.rawValue).")
            return []
        }
        return [.writeMark(StateChange(item: ItemLocator(id: item.id, line: item.line, text: item.text), mark: mark),
                           origin: .user)]
    }

    mutating func move(by delta: Int) {
        switch focus {
        case .phases:
            guard !outline.phases.isEmpty else { return }
            let target = clamp(selectedPhase.addingReportingOverflow(delta).partialValue, 0, outline.phases.count - 1)
            guard target != selectedPhase else { return }
            enterPhase(target)
        case .items:
            guard !rows.isEmpty else { return }
            let current = selectedRow ?? 0
            if crossesPhase(from: current, by: delta) { return }
            let target = clamp(current.addingReportingOverflow(delta).partialValue, 0, rows.count - 1)
            if target != current || selectedRow == nil {
                selectedItem = rows[target].item
                detailScroll = 0
            }
            keepSelectionVisible()
        case .detail:
            detailScroll = max(0, detailScroll.addingReportingOverflow(delta).partialValue)
            detailScroll = min(detailScroll, 10_000)
        }
    }

    private mutating func goLeft() {
        switch focus {
        case .phases: break
        case .detail: focus = .items
        case .items:
            guard let item = selected else { focus = .phases; return }
            if !item.children.isEmpty && !collapsed.contains(item.reference) {
                toggleFold()
            } else if let parent = item.parent {
                selectedItem = parent
                keepSelectionVisible()
            } else {
                focus = .phases
            }
        }
    }

    private mutating func goRight() {
        switch focus {
        case .phases: focus = .items
        case .detail: break
        case .items:
            guard let item = selected else { return }
            if !item.children.isEmpty && collapsed.contains(item.reference) { toggleFold() } else { focus = .detail }
        }
    }

    mutating func toggleFold() {
        guard let item = selected, !item.children.isEmpty else { return }
        if collapsed.contains(item.reference) { collapsed.remove(item.reference) } else { collapsed.insert(item.reference) }
        rebuildRows()
        keepSelectionVisible()
    }

    private mutating func nextStage() -> [Effect] {
        guard stages.count > 1 else {
            say("Only one stage to show; list more under stages: in .plantrack.yml.")
            return []
        }
        stageIndex = (stageIndex + 1) % stages.count
        say("Stage: \(stages[stageIndex]).")
        if live.probing { return [] }  // the running probe's answer will be for the old stage: re-probed then
        return startProbe(quietly: true)
    }
}

func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), high) }

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
