/// Every key the dashboard knows, as `?` lists them.
public enum KeyHelp {
    public static let entries: [(keys: String, action: String)] = [
        ("↑ ↓  k j", "move"),
        ("← →  h l", "collapse / expand, change pane"),
        ("Enter", "expand or collapse"),
        ("Tab", "next pane"),
        ("PgUp PgDn  g G", "page, first, last"),
        ("space", "toggle to do ↔ done"),
        ("!  p  c", "aborted, in progress, cancelled"),
        ("u  Ctrl-R", "undo, redo"),
        ("/  n N", "search (an id like 2.5, or words), next, previous"),
        ("f", "filter: all, open, drift"),
        ("r", "refresh live status"),
        ("s", "next stage"),
        ("t", "next theme"),
        ("e", "edit at the item's line ($VISUAL, $EDITOR)"),
        ("?", "this help"),
        ("q", "quit"),
    ]

    /// The short list the status bar shows.
    public static let hints = ["? help", "/ search", "space toggle", "u undo", "e edit", "q quit"]

    /// As many whole hints as fit in `width` columns ("? help" always leads).
    public static func hints(fitting width: Int) -> String {
        var out = ""
        for hint in hints {
            let next = out.isEmpty ? hint : out + "  " + hint
            if next.count > width { break }
            out = next
        }
        return out
    }
}
