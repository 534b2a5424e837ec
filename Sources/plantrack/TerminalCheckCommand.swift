import ArgumentParser
import CursesTerminal
import Dashboard
import Foundation

/// `plantrack terminal-check` (hidden): paints a test screen through the real
/// terminal backend and echoes each key, resize and click, so the end-to-end tests
/// (Tests/e2e/terminal_*.sh) can check curses without the dashboard. `q` quits.
struct TerminalCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal-check",
        abstract: "Paint a test screen and echo keys (a check of the terminal backend).",
        shouldDisplay: false
    )

    @Option(name: .long, help: "Theme name or .yml file.")
    var theme = "default"

    @Flag(name: .long, help: "Report mouse clicks and the wheel.")
    var mouse = false

    @Option(name: .long, help: "The plan file; themes/ next to it is searched first.")
    var plan: String?

    func run() throws {
        let directory = plan.map { ($0 as NSString).deletingLastPathComponent } ?? "."
        let catalog = ThemeCatalog.standard(planDirectory: directory.isEmpty ? "." : directory,
                                            environment: ProcessInfo.processInfo.environment)
        let chosen = try catalog.load(theme)
        let terminal = try CursesTerminal(options: TerminalOptions(mouse: mouse))
        var lastEvent = "none"
        var firstPaint = "-"
        var previous: Screen?  // nil: the glass must be painted whole (first frame, resize, after a child)
        while true {
            let size = terminal.size
            let frame = TerminalCheckScreen(width: size.width, height: size.height, lastEvent: lastEvent,
                                            colorMode: terminal.colorMode, utf8: terminal.isUTF8,
                                            previousPaint: terminal.lastPaintedCellCount,
                                            previousPaintMicroseconds: Self.microseconds(terminal.lastPaintDuration),
                                            firstPaint: firstPaint).frame
            terminal.paint(frame.changes(from: previous), theme: chosen)
            previous = frame
            if firstPaint == "-" {
                firstPaint = "\(terminal.lastPaintedCellCount) cells in \(Self.microseconds(terminal.lastPaintDuration)) µs"
            }
            switch terminal.nextEvent(timeout: 1000) {
            case nil: continue
            case .key(.character("q")):
                terminal.restore()
                return
            case .key(.character("e")):
                // What the dashboard's `e` does around $EDITOR: leave curses, run a child on
                // the plain terminal, take the screen back and repaint it whole.
                let status = terminal.runInForeground(["/bin/sh", "-c",
                    "stty -a | grep -o -w -e icanon -e -icanon | sed 's/^/child tty: /'; printf 'child: press Enter\\n'; read line"])
                previous = nil
                lastEvent = "resumed after child exit \(status.map(String.init) ?? "none")"
            case .key(.character("Z")):
                fatalError("terminal-check: crash requested with Z")  // the crash path must restore too
            case .key(let key): lastEvent = "\(key)"
            case let .resize(width, height):
                previous = nil
                lastEvent = "resize \(width)x\(height)"
            case .mouse(let event): lastEvent = "mouse \(event.kind) \(event.row),\(event.column)"
            case .hangUp:
                terminal.restore()
                return
            }
        }
    }

    private static func microseconds(_ duration: Duration) -> Int {
        Int(duration / .microseconds(1))
    }
}
