/// A rectangle of the screen.
public struct Rect: Sendable, Equatable {
    public var row: Int, column: Int, width: Int, height: Int
    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// Where each part of the dashboard goes at a given size. Shared by `render` and by
/// `reduce` (which needs the visible row counts to scroll and page).
public struct Layout: Sendable, Equatable {
    public static let minimumWidth = 60
    public static let minimumHeight = 15

    public var tooSmall: Bool
    public var header: Rect
    public var phases: Rect
    public var items: Rect
    public var detail: Rect
    public var statusBar: Rect

    /// `itemRowsWanted`: the most rows a phase's tree can need; the tree takes no more
    /// than that (the detail pane gets the rest), so a short plan leaves room for evidence.
    public init(width: Int, height: Int, itemRowsWanted: Int = .max) {
        tooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        header = Rect(row: 0, column: 0, width: width, height: 2)
        statusBar = Rect(row: height - 1, column: 0, width: width, height: 1)
        let bodyTop = 3
        let bodyHeight = height - bodyTop - 1
        let phasesWidth = min(36, max(22, width / 4))
        phases = Rect(row: bodyTop, column: 0, width: phasesWidth, height: bodyHeight)
        let rightColumn = phasesWidth + 1
        let rightWidth = width - rightColumn
        let fewest = max(4, bodyHeight / 3)
        let most = bodyHeight - 1 - max(6, bodyHeight * 2 / 5)
        let itemsHeight = max(min(fewest, most), min(most, itemRowsWanted.addingReportingOverflow(1).partialValue))
        let detailHeight = bodyHeight - itemsHeight - 1
        items = Rect(row: bodyTop, column: rightColumn, width: rightWidth, height: itemsHeight)
        detail = Rect(row: bodyTop + itemsHeight + 1, column: rightColumn, width: rightWidth, height: detailHeight)
    }

    /// Rows of items the tree shows at once (its first row is the pane title).
    public var itemRows: Int { max(1, items.height - 1) }
    /// Phases the phase pane shows at once (two rows each, after the title).
    public var phaseSlots: Int { max(1, (phases.height - 1) / 2) }
    public var detailRows: Int { max(1, detail.height - 1) }
}
