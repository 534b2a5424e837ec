import PlanKit
import Foundation

extension Painter {
    /// Key hints or the last message on the left; the live-status age on the right.
    mutating func paintStatusBar() {
        let row = layout.statusBar.row
        canvas.fill(row: row, column: 0, width: state.width, role: .statusBar)
        // A question the user must answer takes the whole bar: cut, it hid the keys that answer it.
        let (liveText, liveRole) = state.mode == .confirmWriteBack ? ("", StyleRole.statusBar) : liveSummary()
        let liveWidth = min(DisplayWidth.of(liveText), max(state.width / 2, state.width - 32))
        let leftRoom = state.width - liveWidth - 3
        switch state.mode {
        case .search(let query):
            let used = canvas.put("/" + query, row: row, column: 1, width: leftRoom, role: .statusBar)
            canvas.screen.cursor = (row, min(state.width - 1, 1 + used))
        case .help, .view:
            canvas.put("j/k scroll; q closes.", row: row, column: 1, width: leftRoom, role: .statusBar)
        case .confirmWriteBack:
            canvas.put("Write the plan shown back to \(state.outline.path)? y writes, any other key does not.",
                       row: row, column: 1, width: leftRoom, role: .warning)
        case .normal:
            if let message = state.message {
                let role: StyleRole = message.kind == .error ? .error : message.kind == .warning ? .warning : .statusBar
                canvas.put(message.text, row: row, column: 1, width: leftRoom, role: role)
            } else {
                canvas.put(KeyTable.hints(fitting: leftRoom), row: row, column: 1, width: leftRoom, role: .hint)
            }
        }
        canvas.put(liveText, row: row, column: state.width - liveWidth - 1, width: liveWidth, role: liveRole)
    }

    /// "dev · probed 12 s ago", a spinner while probing, the failure in plain words.
    func liveSummary() -> (String, StyleRole) {
        let live = state.live
        let stage = state.stage.map { $0 + glyphs.separator } ?? ""
        if live.probing {
            let step = Int(state.now.timeIntervalSince(live.probeStarted ?? state.now) * 10)
            return (glyphs.spinner(step) + " probing " + (state.stage ?? "") + "…", .statusBar)
        }
        switch live.lastProblem {
        case .offline(let hint)?:
            return ("offline: " + hint, .statusBar)
        case .failed(let message)?:
            var text = stage + "probe failed: " + message
            if let next = live.nextRefresh { text += " (retry in \(max(0, Int(next.timeIntervalSince(state.now)))) s)" }
            return (text, .error)
        case nil:
            break
        }
        guard let status = live.status else { return (stage + "not probed; r probes", .statusBar) }
        var age = "probed " + Self.age(state.now.timeIntervalSince(status.probedAt))
        if let problem = status.problems.first { age += glyphs.separator + problem }  // e.g. no credentials: files only
        if stale { return (status.stage + glyphs.separator + age + " (stale)", .stale) }
        // What the probe says once though nothing failed (a denied listing answered name by name).
        if let note = status.problems.first { return (status.stage + glyphs.separator + age + glyphs.separator + note, .warning) }
        return (status.stage + glyphs.separator + age, .statusBar)
    }
}
