import PlanKit

/// What a key asks the dashboard to do in its normal mode.
public enum Command: Sendable, Hashable {
    case up, down, left, right, expandOrCollapse, nextPane, previousPane
    case pageUp, pageDown, first, last
    case toggleDone
    /// Set the item's mark to the state's canonical mark.
    case mark(ItemState)
    case undo, redo
    case search, nextMatch, previousMatch
    case filter, refresh, nextStage, nextTheme, edit
    /// The next / previous item that drifts, across phases.
    case nextDrift, previousDrift
    /// After the plan file was deleted: write the copy in memory back, once confirmed.
    case writeBack
    /// Show or hide the stage matrix: a verdict column per stage.
    case matrix
    case dismissMessage, help, quit
    // Fluency (issue 10 points 20-22).
    case halfPageDown, halfPageUp, repaint
    case expandAll, collapseAll
    case copyReference, pager, messageLog, history
}

/// One row of the key table: the keys, what they do (as `?` and README say it), and
/// the command each key runs.
public struct KeyBinding: Sendable {
    public var keys: [(key: Key, command: Command)]
    public var help: String
    /// The word the status bar shows after the first key ("? help"); nil: not hinted.
    public var hint: String?

    init(_ keys: [(Key, Command)], _ help: String, hint: String? = nil) {
        self.keys = keys.map { (key: $0.0, command: $0.1) }
        self.help = help
        self.hint = hint
    }

    init(_ key: Key, _ command: Command, _ help: String, hint: String? = nil) {
        self.init([(key, command)], help, hint: hint)
    }

    /// The keys as help and README write them: "↑ ↓ k j".
    public var label: String { keys.map(\.key.name).joined(separator: " ") }
}

/// The dashboard's keys, once: dispatch, the `?` help, the status-bar hints and the
/// README's key list are all read from here (a test holds README to it).
public enum KeyTable {
    public static let bindings: [KeyBinding] = [
        KeyBinding([(.up, .up), (.down, .down), (.character("k"), .up), (.character("j"), .down)], "move"),
        KeyBinding([(.left, .left), (.right, .right), (.character("h"), .left), (.character("l"), .right)],
                   "collapse / expand, change pane"),
        KeyBinding(.enter, .expandOrCollapse, "expand or collapse; in Phases, open it"),
        KeyBinding([(.tab, .nextPane), (.backTab, .previousPane)], "next pane, previous pane"),
        KeyBinding([(.pageUp, .pageUp), (.pageDown, .pageDown), (.home, .first), (.end, .last),
                    (.character("g"), .first), (.character("G"), .last)], "page, first, last"),
        KeyBinding([(.control("d"), .halfPageDown), (.control("u"), .halfPageUp)], "half a page down, up"),
        KeyBinding([(.character("+"), .expandAll), (.character("-"), .collapseAll)], "expand all, collapse all"),
        KeyBinding(.character(" "), .toggleDone, "toggle to do ↔ done", hint: "toggle"),
        KeyBinding([(.character("!"), .mark(.aborted)), (.character("p"), .mark(.progress)),
                    (.character("c"), .mark(.cancelled))], "aborted, in progress, cancelled"),
        KeyBinding([(.character("u"), .undo), (.control("r"), .redo)], "undo, redo", hint: "undo"),
        KeyBinding([(.character("/"), .search), (.character("n"), .nextMatch), (.character("N"), .previousMatch)],
                   "search: an id (2.5) or words; next, previous", hint: "search"),
        KeyBinding(.character("f"), .filter, "filter: all, open, drift (over the whole plan)"),
        KeyBinding([(.character("]"), .nextDrift), (.character("["), .previousDrift)],
                   "next, previous item that drifts (across phases)"),
        KeyBinding(.character("r"), .refresh, "refresh live status"),
        KeyBinding(.character("s"), .nextStage, "next stage"),
        KeyBinding(.character("m"), .matrix, "the stage matrix: a verdict column per stage"),
        KeyBinding(.character("t"), .nextTheme, "next theme"),
        KeyBinding(.character("W"), .writeBack, "write the plan shown back, after its file was deleted (asks first)"),
        KeyBinding(.character("e"), .edit, "edit at the item's line ($VISUAL, $EDITOR)", hint: "edit"),
        KeyBinding(.character("y"), .copyReference, "copy the item's reference (TODO 2.5 or plan.md:48)"),
        KeyBinding(.character("v"), .pager, "read the item's text, notes and quotes in a pager"),
        KeyBinding(.character("L"), .messageLog, "the message log (the last 100 messages)"),
        KeyBinding(.character("H"), .history, "the plan's history from git: burn-up, forecast, last changes"),
        KeyBinding(.control("l"), .repaint, "repaint the screen"),
        KeyBinding(.escape, .dismissMessage, "dismiss the message"),
        KeyBinding(.character("?"), .help, "this help", hint: "help"),
        KeyBinding(.character("q"), .quit, "quit", hint: "quit"),
    ]

    /// What the mouse does with `--mouse`: help and README list it beside the keys.
    public static let mouse: [(label: String, help: String)] = [
        ("click", "select the phase or item under the pointer, focus its pane"),
        ("wheel", "scroll the pane under the pointer"),
    ]

    /// The help overlay's rows: every binding, then the mouse.
    public static var helpRows: [(label: String, help: String)] {
        bindings.map { ($0.label, $0.help) } + mouse.map { ("mouse " + $0.label, $0.help + " (--mouse)") }
    }

    /// The status bar's hints, in the order they are worth the room ("? help" leads).
    static let hinted: [Command] = [.help, .search, .toggleDone, .undo, .edit, .quit]

    /// What `key` does in normal mode; nil: nothing.
    public static func command(for key: Key) -> Command? {
        for binding in bindings {
            if let match = binding.keys.first(where: { $0.key == key || $0.key == key.lowercasedControl }) {
                return match.command
            }
        }
        return nil
    }

    /// "? help", "/ search", …: each hinted command's first key and its hint word.
    public static var hints: [String] {
        hinted.compactMap { command in
            guard let binding = bindings.first(where: { $0.keys.contains { $0.command == command } }),
                  let word = binding.hint,
                  let key = binding.keys.first(where: { $0.command == command })?.key else { return nil }
            return key.name + " " + word
        }
    }

    /// As many whole hints as fit in `width` columns ("? help" always leads).
    public static func hints(fitting width: Int) -> String {
        var out = ""
        for hint in hints {
            let next = out.isEmpty ? hint : out + "  " + hint
            if DisplayWidth.of(next) > width { break }
            out = next
        }
        return out
    }
}

extension Key {
    /// How help and README name the key: `↑`, `PgDn`, `space`, `Ctrl-R`, `q`.
    public var name: String {
        switch self {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-" + character.uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .function(let number): "F\(number)"
        }
    }

    /// Ctrl-R and Ctrl-r are one key to a terminal.
    var lowercasedControl: Key {
        if case .control(let character) = self { return .control(Character(character.lowercased())) }
        return self
    }
}
