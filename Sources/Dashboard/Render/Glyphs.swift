import Evidence
import PlanKit
/// The marks, arrows and bar pieces, in Unicode or — where the locale cannot show
/// them — plain ASCII.
struct Glyphs {
    let unicode: Bool

    func mark(_ state: ItemState, raw: String) -> String {
        switch (state, unicode) {
        case (.todo, true): "○"
        case (.todo, false): " "
        case (.done, true): "✓"
        case (.done, false): "x"
        case (.progress, true): "◐"
        case (.progress, false): "/"
        case (.aborted, true): "✗"
        case (.aborted, false): "!"
        case (.cancelled, true): "–"
        case (.cancelled, false): "-"
        case (.other, _): raw.isEmpty ? "?" : raw
        }
    }

    func fold(expanded: Bool) -> String { unicode ? (expanded ? "▾" : "▸") : (expanded ? "-" : "+") }
    var barFull: String { unicode ? "█" : "#" }
    var barEmpty: String { unicode ? "░" : "." }
    var bullet: String { unicode ? "•" : "*" }
    var vertical: String { unicode ? "│" : "|" }
    var horizontal: String { unicode ? "─" : "-" }
    var cross: String { unicode ? "┼" : "+" }
    var teeDown: String { unicode ? "┬" : "+" }
    var teeRight: String { unicode ? "├" : "+" }
    var cornerTopLeft: String { unicode ? "┌" : "+" }
    var cornerTopRight: String { unicode ? "┐" : "+" }
    var cornerBottomLeft: String { unicode ? "└" : "+" }
    var cornerBottomRight: String { unicode ? "┘" : "+" }
    var separator: String { unicode ? " · " : " | " }
    var ok: String { unicode ? "✓" : "ok" }
    var bad: String { unicode ? "✗" : "!!" }

    func spinner(_ step: Int) -> String {
        let frames = unicode ? ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] : ["|", "/", "-", "\\"]
        return frames[((step % frames.count) + frames.count) % frames.count]
    }

    func bar(filled fraction: Double, width: Int) -> (full: String, empty: String) {
        let cells = max(0, width)
        let full = Int((fraction * Double(cells)).rounded(.down))
        return (String(repeating: barFull, count: min(cells, full)), String(repeating: barEmpty, count: max(0, cells - full)))
    }
}

extension ItemState {
    var role: StyleRole {
        switch self {
        case .todo: .stateTodo
        case .done: .stateDone
        case .progress: .stateProgress
        case .aborted: .stateAborted
        case .cancelled: .stateCancelled
        case .other: .stateOther
        }
    }

    var label: String {
        switch self {
        case .todo: "to do"
        case .done: "done"
        case .progress: "in progress"
        case .aborted: "aborted"
        case .cancelled: "cancelled"
        case .other: "other"
        }
    }
}

extension Verdict {
    var role: StyleRole {
        switch self {
        case .verified: .verdictVerified
        case .drift: .verdictDrift
        case .ready: .verdictReady
        case .pending: .verdictPending
        case .skipped: .verdictSkipped
        case .unchecked: .verdictUnchecked
        }
    }
}
