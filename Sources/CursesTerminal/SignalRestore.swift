import CNcursesw
import Glibc

/// Puts the terminal back when the process is told to stop (SIGINT, SIGTERM) or
/// exits by any path that skips `restore()` (an `exit()` deep in a command):
/// the shell must never be left in raw mode on the alternate screen.
enum SignalRestore {
    nonisolated(unsafe) private static var previousInterrupt: sighandler_t?
    nonisolated(unsafe) private static var previousTerminate: sighandler_t?
    nonisolated(unsafe) private static var exitHookInstalled = false

    static func install() {
        previousInterrupt = signal(SIGINT) { signal in
            SignalRestore.endCurses()
            _exit(128 + signal)  // 130 for SIGINT, 143 for SIGTERM, as shells report them
        }
        previousTerminate = signal(SIGTERM) { signal in
            SignalRestore.endCurses()
            _exit(128 + signal)
        }
        if !exitHookInstalled {
            exitHookInstalled = true
            atexit { SignalRestore.endCurses() }
        }
    }

    static func uninstall() {
        if let previousInterrupt { signal(SIGINT, previousInterrupt) }
        if let previousTerminate { signal(SIGTERM, previousTerminate) }
        previousInterrupt = nil
        previousTerminate = nil
    }

    /// endwin() unless curses is already ended (or was never started).
    static func endCurses() {
        if CursesTerminal.isActive && !isendwin() {
            endwin()
        }
    }
}
