import PlanKit

/// Why the dashboard cannot take over the terminal. The CLI exits 2 on these
/// (CONTRACT §2); each message points at `plantrack status`, which needs no terminal.
public enum TerminalError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    public var exitCode: Int32 { 2 }
    public var sentence: String { description }

    case notATerminal(stream: String)
    case dumbTerminal(term: String?)
    case unknownTerminal(term: String)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            "The dashboard needs a terminal, but \(stream) is not one; run `plantrack status` for the plan's progress as text."
        case .dumbTerminal(nil):
            "The dashboard needs a terminal type, but TERM is not set; set TERM (e.g. xterm-256color) or run `plantrack status`."
        case .dumbTerminal(let term?):
            "The dashboard cannot draw on TERM=\(term); use a full terminal (e.g. TERM=xterm-256color) or run `plantrack status`."
        case .unknownTerminal(let term):
            "The terminal type TERM=\(term) has no terminfo entry; set TERM to a known type (e.g. xterm-256color) or run `plantrack status`."
        }
    }
}
