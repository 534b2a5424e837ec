/// What a terminal must paint to turn the frame on the glass into a new one:
/// ratatui's buffer diff, kept beside `Screen` so the run loop (which holds the last
/// frame) computes it and a backend only paints what it is given.
public struct ScreenChanges: Sendable {
    /// True when nothing on the glass may be kept (first frame, new size): clear, then paint.
    public var whole: Bool
    public var width: Int
    public var height: Int
    /// Cells to paint, row by row; continuation cells of wide graphemes are left out.
    public var cells: [CellChange]
    /// Where the cursor rests afterwards (nil: hidden).
    public var cursor: (row: Int, column: Int)?
}

public struct CellChange: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var cell: Cell
}

extension Screen {
    /// The cells that differ from `previous`; every cell when there is no previous frame
    /// or its size differs.
    public func changes(from previous: Screen?) -> ScreenChanges {
        let kept = previous.flatMap { $0.width == width && $0.height == height ? $0.cells : nil }
        var changed: [CellChange] = []
        for row in 0..<height {
            let rowStart = row * width
            for column in 0..<width {
                let cell = cells[rowStart + column]
                guard cell.width > 0 else { continue }
                if let kept, kept[rowStart + column] == cell { continue }
                changed.append(CellChange(row: row, column: column, cell: cell))
            }
        }
        return ScreenChanges(whole: kept == nil, width: width, height: height, cells: changed, cursor: cursor)
    }

    /// This frame with `changes` painted over it, as a terminal would show it; a whole
    /// repaint starts from blanks. Test backends use it to rebuild what is on the glass.
    public func applying(_ changes: ScreenChanges) -> Screen {
        var out = changes.whole || width != changes.width || height != changes.height
            ? Screen(width: changes.width, height: changes.height) : self
        for change in changes.cells where change.row < out.height && change.column < out.width {
            out[change.row, change.column] = change.cell
            for extra in 1..<max(1, Int(change.cell.width)) where change.column + extra < out.width {
                out[change.row, change.column + extra] = Cell(grapheme: "", width: 0, role: change.cell.role,
                                                           emphasis: change.cell.emphasis)
            }
        }
        out.cursor = changes.cursor
        return out
    }
}
