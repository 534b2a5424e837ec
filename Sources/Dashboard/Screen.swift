/// A frame of the dashboard: a grid of cells, each a grapheme with its width and a
/// semantic style. `render` produces it, the terminal backend paints it (diffing
/// against the last frame), and golden tests read it as plain text.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should rest (nil: hidden).
    public var cursor: (row: Int, column: Int)? {
        get { cursorRow.map { ($0, cursorColumn) } }
        set { cursorRow = newValue?.row; cursorColumn = newValue?.column ?? 0 }
    }
    private var cursorRow: Int?
    private var cursorColumn = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell.blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// The screen as text, one line per row, trailing blanks kept: what golden tests compare.
    public var text: String {
        var out = ""
        for row in 0..<height {
            for column in 0..<width {
                let cell = self[row, column]
                if cell.width > 0 { out += cell.grapheme }
            }
            out += "\n"
        }
        return out
    }

    public static func == (a: Screen, b: Screen) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
            && a.cursorRow == b.cursorRow && a.cursorColumn == b.cursorColumn
    }
}

/// One terminal cell. A wide grapheme occupies its cell (width 2) and the next one
/// (width 0, a continuation that paints nothing).
public struct Cell: Sendable, Equatable {
    public var grapheme: String
    public var width: UInt8
    public var role: StyleRole
    public var emphasis: Emphasis

    public init(grapheme: String, width: UInt8 = 1, role: StyleRole = .text, emphasis: Emphasis = []) {
        self.grapheme = grapheme
        self.width = width
        self.role = role
        self.emphasis = emphasis
    }

    public static let blank = Cell(grapheme: " ")
}

/// Inline emphasis drawn on top of a cell's role: `code` and **strong** from the plan's text.
public struct Emphasis: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let strong = Emphasis(rawValue: 1)
    public static let code = Emphasis(rawValue: 2)
    public static let underline = Emphasis(rawValue: 4)
}

/// The semantic roles a theme colours. Themes name these keys (themes/*.yml).
public enum StyleRole: String, Sendable, CaseIterable, Hashable {
    case text, dim, border, title, header, statusBar, hint, error, warning
    case selection, selectionInactive, searchMatch
    case progressFilled, progressEmpty
    case stateTodo, stateDone, stateProgress, stateAborted, stateCancelled, stateOther
    case verdictVerified, verdictDrift, verdictReady, verdictPending, verdictSkipped, verdictUnchecked
    case stackLive, stackInProgress, stackFailed, stackMissing
    case code, strong, itemId, stale
}
