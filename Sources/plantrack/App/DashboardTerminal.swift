import Dashboard

/// What the run loop needs from a terminal; `CursesTerminal` is the real one. Kept as
/// a protocol so the loop reads as the bubbletea shape it is, apart from ncurses.
protocol DashboardTerminal: AnyObject {
    var columns: Int { get }
    var rows: Int { get }
    /// False when the locale cannot show ✓ ✗ •: ASCII marks instead.
    var unicode: Bool { get }
    func draw(_ screen: Screen, theme: Theme)
    /// The next key, resize or click, or nil after `milliseconds` without one.
    func waitForEvent(milliseconds: Int) -> TerminalEvent?
    /// Runs a program (the editor) in the terminal's foreground, then takes the terminal
    /// back: its exit status, nil when it could not start.
    func runInForeground(_ arguments: [String]) -> Int32?
    func shutDown()
}
