import Dashboard
import DashboardLoop
import Foundation

/// A terminal without a tty for the run loop: it plays a script of steps (events, work
/// done "outside" such as editing the plan, waits for the screen to show something)
/// and rebuilds the glass from the changes it is asked to paint, the way a real
/// terminal would, so tests read exactly what a user would see.
final class RecordingTerminal: DashboardTerminal {
    enum Step {
        /// A key, resize or click, handed to the loop.
        case event(TerminalEvent)
        /// Work done between two events (an outside edit, a file deleted).
        case run(() -> Void)
        /// Lets the loop run (events answer "nothing yet") until the glass shows `text`.
        case waitFor(String)
        /// Lets the loop run until `condition` holds (something off the glass: a source's calls).
        case waitUntil(String, @Sendable () -> Bool)
    }

    private(set) var columns: Int
    private(set) var rows: Int
    let unicode = true
    /// What is on the glass now.
    private(set) var glass: Screen
    /// How many paints asked for the whole frame (first frame, resize, after the editor).
    private(set) var wholePaints = 0
    private(set) var paints = 0
    private(set) var foregroundRuns: [[String]] = []
    /// Stands in for the editor: called with the arguments `runInForeground` got.
    var foreground: ([String]) -> Int32? = { _ in 0 }
    private var steps: [Step]
    private var waitStarted: Date?
    /// Set when a `waitFor` step gave up: what the glass showed instead.
    private(set) var timedOut: String?

    init(columns: Int = 100, rows: Int = 24, steps: [Step]) {
        self.columns = columns
        self.rows = rows
        self.steps = steps
        glass = Screen(width: columns, height: rows)
    }

    var text: String { glass.text }

    func draw(_ changes: ScreenChanges, theme: Theme) {
        paints += 1
        if changes.whole { wholePaints += 1 }
        glass = glass.applying(changes)
    }

    func waitForEvent(milliseconds: Int) -> TerminalEvent? {
        while let step = steps.first {
            switch step {
            case .event(let event):
                steps.removeFirst()
                if case .resize(let width, let height) = event { columns = width; rows = height }
                return event
            case .run(let work):
                steps.removeFirst()
                work()
            case .waitFor, .waitUntil:
                let (wanted, met): (String, Bool) = switch step {
                case .waitUntil(let what, let condition): (what, condition())
                case .waitFor(let text): ("\"\(text)\"", glass.text.contains(text))
                default: ("", true)
                }
                if met {
                    steps.removeFirst()
                    waitStarted = nil
                    continue
                }
                let started = waitStarted ?? Date()
                waitStarted = started
                if Date().timeIntervalSince(started) > 120 {  // generous: probes share a pool other suites may hold for a minute
                    timedOut = "waited for \(wanted); the screen showed:\n" + glass.text
                    steps = []
                    return .key(.character("q"))
                }
                if milliseconds > 0 { Thread.sleep(forTimeInterval: 0.005) }
                return nil
            }
        }
        return .key(.character("q"))  // the script is over: quit
    }

    func runInForeground(_ arguments: [String]) -> Int32? {
        foregroundRuns.append(arguments)
        return foreground(arguments)
    }

    func shutDown() {}
}
