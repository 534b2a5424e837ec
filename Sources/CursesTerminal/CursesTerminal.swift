import CNcursesw
import Foundation
import Dashboard
import Glibc

/// The dashboard's terminal, on libncursesw: the only code that calls curses.
/// It paints the changes it is given (`Screen.changes(from:)`), reads
/// keys, resizes and mouse events, and always gives the terminal back: on
/// `restore()`, on deinit, on SIGINT/SIGTERM and at process exit.
///
/// Use it from one thread (the run loop's).
public final class CursesTerminal {
    /// True while some CursesTerminal owns the tty; read by the signal and exit hooks.
    nonisolated(unsafe) static var isActive = false

    public let options: TerminalOptions
    /// The colour mode in use after detection and NO_COLOR.
    public let colorMode: ColorMode
    /// True when the locale is UTF-8: render may use ✓ ✗ • and box drawing; else ASCII.
    public let isUTF8: Bool
    /// Cells written by the last `paint` (the diff's size; for tests and benchmarks).
    public private(set) var lastPaintedCellCount = 0
    /// How long the last `paint` took, refresh included (for the benchmark and terminal-check).
    public private(set) var lastPaintDuration: Duration = .zero

    private let screen: OpaquePointer
    private var pairs: ColorPairs
    private var lastTheme: Theme?
    private var styleCache: [StyleKey: (attr_t, Int32)] = [:]
    private var ended = false

    public init(options: TerminalOptions = TerminalOptions()) throws(TerminalError) {
        self.options = options
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: "standard input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: "standard output") }
        let term = options.environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else { throw .dumbTerminal(term: term.isEmpty ? nil : term) }

        setlocale(LC_ALL, "")
        isUTF8 = pt_locale_is_utf8() != 0
        SignalRestore.install()
        guard let screen = pt_newterm() else {
            SignalRestore.uninstall()
            throw .unknownTerminal(term: term)
        }
        self.screen = screen
        Self.isActive = true
        set_term(screen)
        set_escdelay(25)  // Esc answers at once, not after curses' default second
        cbreak()
        noecho()
        nonl()
        intrflush(pt_stdscr(), false)
        keypad(pt_stdscr(), true)
        curs_set(0)

        var mode = ColorMode.none
        if has_colors() {
            start_color()
            use_default_colors()
            mode = ColorMode.detect(colors: Int(pt_colors()), environment: options.environment)
        }
        if ColorMode.noColorRequested(options.environment) {
            mode = .none
        } else if let forced = options.colorMode, has_colors() {
            mode = forced
        }
        colorMode = mode
        pairs = ColorPairs(mode: mode, limit: Int(pt_color_pairs()))

        if options.mouse {
            mousemask(pt_mouse_button1_pressed() | pt_mouse_wheel_up() | pt_mouse_wheel_down(), nil)
            mouseinterval(0)  // report presses at once, never wait to build a click
            // SGR reports (1006) carry any column; X10's stop at 223. Read by sgrMouse below
            // when the terminal description leaves them to the program.
            putp("\u{1B}[?1006h")
        }
    }

    deinit {
        restore()
        delscreen(screen)
    }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(pt_stdscr())), Int(getmaxy(pt_stdscr())))
    }

    /// Gives the terminal back (normal screen, echo, cooked mode). Safe to call twice.
    public func restore() {
        guard !ended else { return }
        ended = true
        if options.mouse {
            mousemask(0, nil)
            putp("\u{1B}[?1006l")
        }
        if !isendwin() { endwin() }
        Self.isActive = false
        SignalRestore.uninstall()
    }

    /// Leaves curses for a child program ($EDITOR) that needs the terminal as it was.
    public func suspend() {
        def_prog_mode()
        endwin()
    }

    /// Takes the terminal back after `suspend()`; the caller repaints the whole frame.
    public func resume() {
        reset_prog_mode()
        clearok(pt_curscr(), true)
        wrefresh(pt_stdscr())
    }

    /// Steps aside for `arguments` (e.g. `["/bin/sh", "-c", "$EDITOR \"$@\"", …]`): the
    /// child gets the plain terminal in the foreground, then the dashboard comes back and
    /// repaints whole. The child's exit status, or nil when it could not start.
    public func runInForeground(_ arguments: [String]) -> Int32? {
        suspend()
        defer { resume() }
        return ForegroundChild.run(arguments)
    }

    /// Waits up to `milliseconds` (negative: forever) for a key, a resize or a mouse
    /// event; nil on timeout or on input that means nothing (an unknown key).
    public func nextEvent(timeout milliseconds: Int) -> TerminalEvent? {
        guard !ended else { return nil }
        // Waits in short slices: SIGWINCH lands on whichever thread does not block it
        // (under Swift concurrency, rarely the one reading keys), so it cannot be relied
        // on to interrupt the read; curses notices the pending resize at its next call.
        let deadline = ContinuousClock.now + .milliseconds(max(0, milliseconds))
        while true {
            let remaining = milliseconds < 0 ? Self.resizeSlice
                : max(0, Int((deadline - ContinuousClock.now) / .milliseconds(1)))
            wtimeout(pt_stdscr(), Int32(min(remaining, Self.resizeSlice)))
            var code: wint_t = 0
            let kind = wget_wch(pt_stdscr(), &code)
            if kind == ERR {
                // A closed terminal answers every read at once with ERR (EOF, EIO): without
                // this look the loop would spin forever (started through `su`, issue 10).
                if Self.inputHungUp() { return .hangUp }
                if milliseconds >= 0 && remaining <= Self.resizeSlice { return nil }
                continue
            }
            return decode(kind: kind, code: code)
        }
    }

    /// True when standard input has hung up or failed (the terminal closed): poll says
    /// so without reading, so a live terminal's pending keys are left for curses.
    static func inputHungUp() -> Bool {
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) >= 0 else { return false }
        return input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// The longest wait between looks for a resize, in milliseconds.
    static let resizeSlice = 40

    private func decode(kind: Int32, code: wint_t) -> TerminalEvent? {
        switch kind {
        case KEY_CODE_YES:
            let key = Int32(bitPattern: code)
            if key == KEY_RESIZE {
                let now = size
                return .resize(width: now.width, height: now.height)
            }
            if key == KEY_MOUSE { return mouseEvent() }
            return KeyDecoder.functionKey(key).map(TerminalEvent.key)
        case OK:
            if code == 27, options.mouse, let report = sgrMouseReport() { return report }
            return KeyDecoder.character(code).map(TerminalEvent.key)
        default:
            return nil
        }
    }

    /// After an Esc: an SGR mouse report `[<b;x;yM` already waiting in the input, read
    /// whole; nil (the characters put back) when what follows is something else.
    private func sgrMouseReport() -> TerminalEvent?? {
        let window = pt_stdscr()
        wtimeout(window, 0)
        var taken: [wint_t] = []
        func next() -> wint_t? {
            var code: wint_t = 0
            guard wget_wch(window, &code) == OK else { return nil }
            taken.append(code)
            return code
        }
        func putBack() -> TerminalEvent?? {
            for code in taken.reversed() { unget_wch(wchar_t(bitPattern: code)) }
            return nil
        }
        guard next() == 0x5B, next() == 0x3C else { return putBack() }  // "[<"
        var body = ""
        while taken.count < 24, let code = next(), let scalar = Unicode.Scalar(code) {
            if scalar == "M" || scalar == "m" {
                return .some(KeyDecoder.sgrMouse(body, final: Character(scalar)).map(TerminalEvent.mouse))
            }
            guard scalar.properties.numericType != nil || scalar == ";" else { break }
            body.unicodeScalars.append(scalar)
        }
        return putBack()
    }

    private func mouseEvent() -> TerminalEvent? {
        guard options.mouse else { return nil }
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let kind: MouseEvent.Kind
        if event.bstate & pt_mouse_wheel_up() != 0 {
            kind = .wheelUp
        } else if event.bstate & pt_mouse_wheel_down() != 0 {
            kind = .wheelDown
        } else if event.bstate & pt_mouse_button1_pressed() != 0 {
            kind = .press
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind: kind, row: Int(event.y), column: Int(event.x)))
    }

    /// Paints `changes` (the run loop diffed them against the frame it painted last),
    /// clearing first when they are a whole frame, then one refresh.
    public func paint(_ changes: ScreenChanges, theme: Theme) {
        guard !ended else { return }  // a refresh after endwin would take the terminal again
        let started = ContinuousClock.now
        defer { lastPaintDuration = ContinuousClock.now - started }
        let window = pt_stdscr()
        let (width, height) = size
        if lastTheme != theme { styleCache = [:] }
        if changes.whole {
            werase(window)
            clearok(pt_curscr(), true)  // the glass may hold anything (Ctrl-L): clear it, not only the diff
        }
        for change in changes.cells where change.row < height && change.column < width {
            let (row, column, cell) = (change.row, change.column, change.cell)
            let (attributes, pair) = cursesStyle(role: cell.role, emphasis: cell.emphasis, theme: theme)
            if let ascii = CellText.printableASCII(cell) {  // most cells: no arrays, no wcwidth
                pt_put_char(window, Int32(row), Int32(column), ascii, attributes, pair)
                continue
            }
            // A wide glyph that would hang off the right edge is painted as a blank.
            let shown = Int(cell.width) > 1 && column + Int(cell.width) > width ? Cell(grapheme: " ", role: cell.role) : cell
            for (offset, piece) in CellText.pieces(for: shown, utf8: isUTF8).enumerated() {
                piece.withUnsafeBufferPointer { text in
                    _ = pt_put_cell(window, Int32(row), Int32(column + offset), text.baseAddress, attributes, pair)
                }
            }
        }
        if let cursor = changes.cursor, cursor.row < height, cursor.column < width {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        lastTheme = theme
        lastPaintedCellCount = changes.cells.count
    }

    /// Sets the system clipboard through the terminal (OSC 52), which works over ssh and,
    /// with `set-clipboard`, in tmux. Written after the last refresh, between frames.
    public func copyToClipboard(_ text: String) {
        guard !ended else { return }
        let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        FileHandle.standardOutput.write(Data(sequence.utf8))
    }

    /// Curses attributes and colour pair for a role with emphasis, resolved once per theme.
    private func cursesStyle(role: StyleRole, emphasis: Emphasis, theme: Theme) -> (attr_t, Int32) {
        let key = StyleKey(role: role, emphasis: emphasis)
        if let known = styleCache[key] { return known }
        let style = theme.terminalStyle(for: role, emphasis: emphasis, mode: colorMode)
        let resolved = (ColorPairs.attributes(style.attributes), pairs.pair(for: style))
        styleCache[key] = resolved
        return resolved
    }

    private struct StyleKey: Hashable {
        var role: StyleRole
        var emphasis: Emphasis
    }
}
