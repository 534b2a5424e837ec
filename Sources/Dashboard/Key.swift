/// A keypress as the dashboard understands it; the terminal backend decodes
/// ncurses' codes into these, so the reducer never sees a curses constant.
public enum Key: Sendable, Hashable {
    case character(Character)
    case control(Character)        // Ctrl-R is .control("r")
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)
}

/// What the terminal hands the run loop.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
    /// The terminal is gone (end of input, an I/O error, a hang-up): nothing more can be
    /// read or shown, so the program ends.
    case hangUp
}

public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var row: Int
    public var column: Int

    public init(kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}
