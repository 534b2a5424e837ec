import PlanKit
import Foundation

/// The dashboard's view function (bubbletea's View): the whole frame as a `Screen`.
/// Pure: the same state always gives the same screen, so golden tests can pin it.
/// Colours are not decided here; cells carry semantic roles a theme maps to colours.
public func render(_ state: DashboardState) -> Screen {
    var painter = Painter(state: state)
    painter.paint()
    return painter.canvas.screen
}

/// Renders at an explicit size (the state's own size is what the reducer last saw).
public func render(_ state: DashboardState, width: Int, height: Int) -> Screen {
    var sized = state
    sized.width = width
    sized.height = height
    sized.keepSelectionVisible()
    return render(sized)
}

struct Painter {
    let state: DashboardState
    let layout: Layout
    let glyphs: Glyphs
    var canvas: Canvas

    init(state: DashboardState) {
        self.state = state
        layout = state.layout
        glyphs = Glyphs(unicode: state.unicode)
        canvas = Canvas(width: state.width, height: state.height)
        canvas.unicode = state.unicode
    }

    mutating func paint() {
        guard state.width > 0, state.height > 0 else { return }
        if layout.tooSmall { return paintTooSmall() }
        paintHeader()
        if state.matrix.shown { paintMatrixDrift() }
        paintFrame()
        paintPhases()
        paintItems()
        paintDetail()
        paintStatusBar()
        paintPlanGone()
        if state.mode == .help { paintHelp() }
        if case .view(let view) = state.mode { paintView(view) }
    }

    /// Below 60×15 the dashboard cannot lay out; it says so and recovers on grow.
    mutating func paintTooSmall() {
        let lines = [
            "Terminal too small",
            "(\(state.width)×\(state.height); needs 60×15).",
            "Enlarge it, or q to quit.",
        ]
        let top = max(0, (state.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let wrapped = Wrap.lines([StyledRun(line)], width: state.width)
            for (extra, piece) in wrapped.prefix(1).enumerated() {
                let text = piece.map(\.text).joined()
                let column = max(0, (state.width - DisplayWidth.of(text)) / 2)
                canvas.put(text, row: top + offset + extra, column: column, width: state.width,
                           role: offset == 0 ? .warning : .text)
            }
        }
    }

    /// The lasting banner over the frame's top line while the plan file is gone.
    mutating func paintPlanGone() {
        guard let why = state.planGone else { return }
        let row = layout.header.height
        canvas.fill(row: row, column: 0, width: state.width, role: .error)
        canvas.put(why + ": showing the last version read; W writes it back.", row: row, column: 1,
                   width: state.width - 2, role: .error)
    }

    mutating func paintFrame() {
        let row = layout.header.height
        for x in 0..<state.width {
            canvas.put(x == layout.phases.width ? glyphs.teeDown : glyphs.horizontal, row: row, column: x, width: 1, role: .border)
        }
        for y in layout.phases.row..<(layout.phases.row + layout.phases.height) {
            let isDetailTop = y == layout.detail.row - 1
            canvas.put(isDetailTop ? glyphs.teeRight : glyphs.vertical, row: y, column: layout.phases.width, width: 1, role: .border)
        }
        let separator = layout.detail.row - 1
        for x in layout.detail.column..<state.width {
            canvas.put(glyphs.horizontal, row: separator, column: x, width: 1, role: .border)
        }
    }

    /// A pane's title row: bright when it has the focus.
    mutating func paintTitle(_ text: String, in rect: Rect, pane: Pane, right: String = "") {
        let role: StyleRole = state.focus == pane ? .title : .dim
        let rightWidth = DisplayWidth.of(right)
        let used = canvas.put(text, row: rect.row, column: rect.column + 1, width: max(0, rect.width - rightWidth - 3), role: role,
                              emphasis: state.focus == pane ? .strong : [])
        if !right.isEmpty, rect.width - rightWidth - 1 > used + 1 {
            canvas.put(right, row: rect.row, column: rect.column + rect.width - rightWidth - 1, width: rightWidth, role: .dim)
        }
    }

    /// An age in words, "3 min ago", or (`short`) in a few columns for a matrix heading, "3m".
    static func age(_ seconds: TimeInterval, short: Bool = false) -> String {
        let s = max(0, Int(seconds))
        let (value, unit, shortUnit) = s < 60 ? (s, "s", "s") : s < 3600 ? (s / 60, "min", "m")
            : s < 86400 ? (s / 3600, "h", "h") : (s / 86400, "d", "d")
        return short ? "\(value)\(shortUnit)" : "\(value) \(unit) ago"
    }
}
