import CNcursesw
import Glibc

/// Runs a program on the terminal while the dashboard steps aside ($EDITOR).
///
/// Not Foundation's `Process`: on Linux it starts the child in a process group of
/// its own, which is then a background group on the tty, so an editor reading the
/// keyboard is stopped (SIGTTIN) or gets EIO. `posix_spawn` without SETPGROUP keeps
/// the child in our foreground group. Ctrl-C and Ctrl-\ belong to the child while it
/// runs (we ignore them, as system(3) does; the child gets them back at their defaults).
enum ForegroundChild {
    /// The child's exit status (128+N when killed by signal N), nil when it could not start.
    static func run(_ arguments: [String]) -> Int32? {
        guard !arguments.isEmpty else { return nil }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // The run loop may be on a Swift concurrency thread, which blocks nearly every
        // signal; the child must not inherit that mask (a blocked SIGINT makes Ctrl-C dead).
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
        }

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, arguments[0], nil, &attributes, &argv, pt_environ()) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return nil }
        }
        let signalNumber = status & 0x7F
        return signalNumber == 0 ? (status >> 8) & 0xFF : 128 + signalNumber
    }
}
