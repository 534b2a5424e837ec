import CursesTerminal
import Dashboard
import DashboardLoop

/// The real terminal: the terminal engineer's CursesTerminal behind the run loop's protocol.
final class CursesDashboardTerminal: DashboardTerminal {
    private let curses: CursesTerminal

    init(mouse: Bool, environment: [String: String]) throws(TerminalError) {
        curses = try CursesTerminal(options: TerminalOptions(mouse: mouse, environment: environment))
    }

    var columns: Int { curses.size.width }
    var rows: Int { curses.size.height }
    var unicode: Bool { curses.isUTF8 }
    func draw(_ changes: ScreenChanges, theme: Theme) { curses.paint(changes, theme: theme) }
    func waitForEvent(milliseconds: Int) -> TerminalEvent? { curses.nextEvent(timeout: milliseconds) }
    func runInForeground(_ arguments: [String]) -> Int32? { curses.runInForeground(arguments) }
    func shutDown() { curses.restore() }
    func copyToClipboard(_ text: String) { curses.copyToClipboard(text) }
}
