import Evidence
import Foundation
import PlanKit

/// Everything the dashboard shows, as one value. `reduce` changes it; `render` draws it.
public struct DashboardState: Sendable {
    public var outline: PlanOutline
    public var width: Int
    public var height: Int
    public var focus: Pane = .items
    public var selectedPhase = 0
    /// Index into `outline.items`.
    public var selectedItem: Int?
    /// Items folded by the user.
    public var collapsed: Set<ItemReference> = []
    public var filter: ItemFilter = .all
    public var mode: InputMode = .normal
    public var searchQuery = ""
    public var searchMatches: [Int] = []
    public var searchPosition = 0
    /// The search prompt's history and where it was opened.
    public var search = SearchSession()
    /// Fluency (issue 10 points 20-22): how far the help or a page is scrolled, the item
    /// last selected in each phase, the item a filter hid, and the last 100 messages.
    public var overlayScroll = 0
    public var selectionByPhase: [Int: Int] = [:]
    public var hiddenByFilter: HiddenSelection?
    public var messageLog: [String] = []
    /// The plan's history from git (issue 14), read in the background; why there is none.
    public var history: DashboardHistory?
    public var historyProblem: String?
    /// NO_COLOR is set: themes change nothing, so `t` says so instead.
    public var colorless = false
    public var phaseScroll = 0
    public var itemScroll = 0
    public var detailScroll = 0
    /// The selected item's long texts, parsed and counted for Detail once (`keepDetailTexts`).
    public var detailCache = DetailCache()
    /// What `u` writes next: the inverses of the writes that landed, last on top.
    public var undoStack: [StateChange] = []
    /// What Ctrl-R writes next: the inverses of the undos.
    public var redoStack: [StateChange] = []
    public var message: StatusMessage?
    /// Why the plan file is not there (deleted, a folder in its place): a banner that lasts
    /// until the file is back; the screen shows the last version read.
    public var planGone: String?
    public var live = LiveState()
    /// The stage matrix (`m`): every stage's verdicts side by side.
    public var matrix = MatrixState()
    /// Seconds between automatic probes; 0 turns them off.
    public var refresh: TimeInterval
    public var stages: [String]
    public var stageIndex = 0
    public var themes: [String]
    public var themeIndex = 0
    public var now: Date
    /// False when the terminal cannot draw ✓ ✗ • (not a UTF-8 locale): ASCII marks instead.
    public var unicode: Bool
    public var mouse: Bool
    /// The tree's visible rows for the selected phase, kept in step by `reduce`.
    public private(set) var rows: [TreeRow] = []

    public init(outline: PlanOutline, width: Int, height: Int, now: Date,
                refresh: TimeInterval = 0, stages: [String] = [], stage: String? = nil,
                themes: [String] = ["default"], theme: String? = nil,
                unicode: Bool = true, mouse: Bool = false) {
        self.outline = outline
        self.width = width
        self.height = height
        self.now = now
        self.refresh = refresh
        self.stages = stages
        if let stage {
            if let index = stages.firstIndex(of: stage) { stageIndex = index } else {
                self.stages.insert(stage, at: 0)
            }
        }
        self.themes = themes.isEmpty ? ["default"] : themes
        if let theme {
            if let index = self.themes.firstIndex(of: theme) { themeIndex = index } else {
                self.themes.insert(theme, at: 0)
            }
        }
        self.unicode = unicode
        self.mouse = mouse
        selectedItem = outline.phases.first?.topItems.first
        rebuildRows()
    }

    public var layout: Layout {
        Layout(width: width, height: height, itemRowsWanted: outline.phases.map(\.allItems.count).max() ?? 0)
    }
    public var stage: String? { stages.isEmpty ? nil : stages[stageIndex] }
    public var theme: String { themes[themeIndex] }

    public var selected: OutlineItem? { selectedItem.map { outline.items[$0] } }
    public var selectedRow: Int? { selectedItem.flatMap { item in rows.firstIndex { $0.item == item } } }

    /// The item's evidence from the last probe, its verdict judged with its current mark.
    public func evidence(for item: OutlineItem) -> ItemVerdict? {
        // In the matrix, Detail and the filter follow the selected stage's column.
        if matrix.shown, let stage, matrix.column(stage) != nil { return matrixVerdict(for: item, stage: stage) }
        return live.status?.verdict(for: item.reference, line: item.line)?
            .rejudged(as: item.state, setAsideBy: outline.setAsideAncestor(of: item))
    }

    /// Recomputes the visible rows: the selected phase's items, folded and filtered.
    public mutating func rebuildRows() {
        rows = []
        guard outline.phases.indices.contains(selectedPhase) else { return }
        var shown: [Bool] = []
        if filter != .all {
            shown = Array(repeating: false, count: outline.items.count)
            for index in outline.phases[selectedPhase].allItems.reversed() where passesFilter(outline.items[index]) {
                var cursor: Int? = index
                while let current = cursor, !shown[current] {
                    shown[current] = true
                    cursor = outline.items[current].parent
                }
            }
        }
        func visit(_ index: Int) {
            if !shown.isEmpty && !shown[index] { return }
            let item = outline.items[index]
            let expanded = !collapsed.contains(item.reference)
            rows.append(TreeRow(item: index, depth: item.depth, hasChildren: !item.children.isEmpty, expanded: expanded))
            if expanded { item.children.forEach(visit) }
        }
        outline.phases[selectedPhase].topItems.forEach(visit)
    }

    func passesFilter(_ item: OutlineItem) -> Bool {
        switch filter {
        case .all: true
        case .open: !item.state.isSettled
        case .drift: evidence(for: item)?.verdict == .drift
        }
    }
}
