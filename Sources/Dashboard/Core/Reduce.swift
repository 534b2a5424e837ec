import Foundation
import PlanKit

/// The dashboard's update function (bubbletea's Update): changes `state` for `action`
/// and returns the slow work the run loop must do. Pure: no I/O, no clock, no terminal.
public func reduce(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    let effects = dispatch(&state, action)
    state.keepDetailTexts()
    return effects
}

private func dispatch(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    switch action {
    case .started:
        return state.startProbe(quietly: true)
    case .key(let key):
        return state.handle(key)
    case .mouse(let event):
        if !state.layout.tooSmall { state.handle(event) }
        return []
    case .resize(let width, let height):
        state.width = width
        state.height = height
        state.keepSelectionVisible()
        return []
    case .tick(let now):
        return state.tick(now)
    case .planLoaded(let outline, let reason):
        state.replaceOutline(outline)
        let wasGone = state.planGone != nil
        state.planGone = nil
        switch reason {
        case .initial: break
        case .outsideEdit: state.say(wasGone ? "The plan is back on disk; reloaded." : "The plan changed on disk; reloaded.")
        case .editor: state.say("Reloaded after editing.")
        case .writtenBack: state.say("Wrote the copy in memory back to \(outline.path.isEmpty ? "the plan" : outline.path).")
        }
        // The items' words may claim something new (built-in claims, paths): judge again, quietly.
        return reason == .initial || state.live.status == nil ? [] : state.startProbe(quietly: true)
    case .planGone(let why):
        state.planGone = why
        if state.mode == .confirmWriteBack { state.mode = .normal }
        return []
    case .planLoadFailed(let message):
        state.say(message, kind: .error)
        return []
    case .markWritten(let outcome, let origin, let outline):
        state.replaceOutline(outline)
        state.record(outcome, origin: origin)
        return []
    case .writeFailed(let change, let origin, let message):
        switch origin {
        case .user: break
        case .undo: state.undoStack.append(change)
        case .redo: state.redoStack.append(change)
        }
        state.say(message, kind: .error)
        return []
    case .replayRefused(let change, let origin):
        let verb = origin == .redo ? "redone" : "undone"
        state.say("\(change.item.reference.capitalizedName) changed on disk; nothing was \(verb).", kind: .warning)
        return []
    case .probeFinished(let status):
        return state.probeFinished(status)
    case .matrixFinished(let matrix):
        state.matrixFinished(matrix)
        return []
    case .probeFailed(let problem, let at):
        state.probeFailed(problem, at: at)
        return []
    case .checkedFilesChanged:
        state.say("A checked file changed; judging again.")
        return state.startProbe(quietly: true)
    case .themeFailed(let message):
        state.say(message, kind: .error)
        return []
    case .historyLoaded(let history):
        state.historyLoaded(history)
        return []
    case .historyFailed(let reason):
        state.historyFailed(reason)
        return []
    }
}

extension DashboardState {
    mutating func say(_ text: String, kind: StatusMessage.Kind = .info, seconds: TimeInterval = 4) {
        message = StatusMessage(text: text, kind: kind, until: now.addingTimeInterval(seconds))
        log(text)
    }

    /// Takes a freshly read plan. The selection and the last probe's verdicts follow their
    /// items by identity (id, else text and position), not by line: lines move when
    /// another program inserts some above.
    mutating func replaceOutline(_ new: PlanOutline) {
        let finder = ItemFinder(new)
        let old = selected
        outline = new
        if let old, let item = finder.find(old.item) {
            selectedPhase = item.phase
            selectedItem = item.index
        } else {
            selectedPhase = min(selectedPhase, max(0, new.phases.count - 1))
            selectedItem = new.phases.indices.contains(selectedPhase) ? new.phases[selectedPhase].topItems.first : nil
        }
        if var status = live.status {
            status.verdicts = status.verdicts.compactMap { verdict in
                guard let item = finder.find(verdict.item) else { return nil }
                var moved = verdict
                moved.item = item.item
                return moved
            }
            live.status = status
        }
        searchMatches = searchMatches.filter { $0 < new.items.count }
        rebuildRows()
        keepSelectionVisible()
    }

    /// A write landed: its inverse (which restores the mark and both metadata values)
    /// goes on the stack its origin says.
    mutating func record(_ outcome: EditOutcome, origin: ChangeOrigin) {
        switch origin {
        case .user:
            undoStack.append(outcome.inverse)
            redoStack.removeAll()
        case .undo:
            redoStack.append(outcome.inverse)
        case .redo:
            undoStack.append(outcome.inverse)
        }
        let state = outcome.item.state.label  // "in progress", not the raw "progress"
        let verb = origin == .undo ? "Undone: " : origin == .redo ? "Redone: " : ""
        say("\(verb)\(outcome.item.reference.name) is now \(state); written to \(outline.path.isEmpty ? "the plan" : outline.path).")
    }

    /// Selects an item anywhere in the plan (a search found it): switches phase, unfolds
    /// its ancestors, and focuses the items pane, where the mark keys act on it.
    mutating func select(item index: Int) {
        guard outline.items.indices.contains(index) else { return }
        focus = .items
        let item = outline.items[index]
        selectedPhase = item.phase
        var parent = item.parent
        while let current = parent {
            collapsed.remove(outline.items[current].reference)
            parent = outline.items[current].parent
        }
        if !passesFilter(item) { filter = .all }
        selectedItem = index
        detailScroll = 0
        rebuildRows()
        keepSelectionVisible()
    }

    mutating func keepSelectionVisible() {
        let layout = self.layout
        if let row = selectedRow {
            if row < itemScroll { itemScroll = row }
            if row >= itemScroll + layout.itemRows { itemScroll = row - layout.itemRows + 1 }
        }
        itemScroll = max(0, min(itemScroll, rows.count - layout.itemRows))
        if selectedPhase < phaseScroll { phaseScroll = selectedPhase }
        if selectedPhase >= phaseScroll + layout.phaseSlots { phaseScroll = selectedPhase - layout.phaseSlots + 1 }
        phaseScroll = max(0, phaseScroll)
    }
}
