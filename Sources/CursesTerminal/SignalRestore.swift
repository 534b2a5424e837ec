import CNcursesw
import Glibc

/// Puts the terminal back when the process is told to stop (SIGINT, SIGTERM, SIGHUP), when
/// it crashes (a trap, a bad access, an abort), or exits by any path that skips
/// `restore()` (an `exit()` deep in a command): the shell must never be left in raw
/// mode on the alternate screen.
enum SignalRestore {
    nonisolated(unsafe) private static var previousInterrupt: sighandler_t?
    nonisolated(unsafe) private static var previousTerminate: sighandler_t?
    nonisolated(unsafe) private static var previousHangUp: sighandler_t?
    nonisolated(unsafe) private static var previousCrash: [Int32: sigaction] = [:]
    nonisolated(unsafe) private static var exitHookInstalled = false

    /// Signals that mean the process is crashing: Swift's traps are SIGILL/SIGTRAP.
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]

    static func install() {
        previousInterrupt = signal(SIGINT) { signal in
            SignalRestore.endCurses()
            _exit(128 + signal)  // 130 for SIGINT, 143 for SIGTERM, as shells report them
        }
        previousTerminate = signal(SIGTERM) { signal in
            SignalRestore.endCurses()
            _exit(128 + signal)
        }
        // The terminal closed (or someone sent HUP): end at once, 129. endwin on a
        // hung-up tty fails quickly (EIO); there is nothing else to restore. Under
        // nohup (HUP ignored) the loop sees the closed terminal itself (`inputHungUp`).
        if !hangUpIgnored() {
            previousHangUp = signal(SIGHUP) { signal in
                SignalRestore.endCurses()
                _exit(128 + signal)
            }
        }
        for crash in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                // Give the terminal back, then put the previous handler (Swift's
                // backtracer, or the default) in place and return: the faulting
                // instruction runs again and that handler reports the crash on a sane tty.
                SignalRestore.endCurses()
                SignalRestore.reinstateCrashHandler(signal)
                if signal == SIGABRT { raise(SIGABRT) }  // abort() does not fault again by itself
            }
            var previous = sigaction()
            sigaction(crash, &action, &previous)
            previousCrash[crash] = previous
        }
        if !exitHookInstalled {
            exitHookInstalled = true
            atexit { SignalRestore.endCurses() }
        }
    }

    /// True when the process was started with SIGHUP ignored (nohup): keep it so.
    private static func hangUpIgnored() -> Bool {
        var current = sigaction()
        sigaction(SIGHUP, nil, &current)
        return unsafeBitCast(current.__sigaction_handler, to: Int.self) == 1  // SIG_IGN
    }

    static func uninstall() {
        if let previousInterrupt { signal(SIGINT, previousInterrupt) }
        if let previousTerminate { signal(SIGTERM, previousTerminate) }
        if let previousHangUp { signal(SIGHUP, previousHangUp) }
        previousInterrupt = nil
        previousTerminate = nil
        previousHangUp = nil
        for crash in crashSignals { reinstateCrashHandler(crash) }
    }

    private static func reinstateCrashHandler(_ signal: Int32) {
        guard var previous = previousCrash[signal] else { return }
        sigaction(signal, &previous, nil)
    }

    /// endwin() unless curses is already ended (or was never started).
    static func endCurses() {
        if CursesTerminal.isActive && !isendwin() {
            endwin()
        }
    }
}
