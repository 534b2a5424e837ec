import Dashboard

/// What the run loop needs from a terminal; `CursesTerminal` is the real one, tests
/// use a recording fake. Kept as a protocol so the loop runs apart from ncurses.
public protocol DashboardTerminal: AnyObject {
    var columns: Int { get }
    var rows: Int { get }
    /// False when the locale cannot show ✓ ✗ •: ASCII marks instead.
    var unicode: Bool { get }
    /// Paints what changed since the frame the loop painted last (the whole frame when
    /// `changes.whole`); the loop keeps the last frame, the terminal keeps none.
    func draw(_ changes: ScreenChanges, theme: Theme)
    /// The next key, resize or click, or nil after `milliseconds` without one.
    func waitForEvent(milliseconds: Int) -> TerminalEvent?
    /// Runs a program (the editor) in the terminal's foreground, then takes the terminal
    /// back: its exit status, nil when it could not start.
    func runInForeground(_ arguments: [String]) -> Int32?
    func shutDown()
    /// Puts text on the system clipboard (OSC 52), where the terminal allows it.
    func copyToClipboard(_ text: String)
}

extension DashboardTerminal {
    public func copyToClipboard(_ text: String) {}
}
