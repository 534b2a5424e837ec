import PlanKit

/// The keys users of lazygit, k9s and tig reach for (issue 10 points 20-22): half pages,
/// moving across phases, expand / collapse all, copy, the pager, the message log.
extension DashboardState {
    static let messageLogLimit = 100

    mutating func runFluency(_ command: Command) -> [Effect] {
        switch command {
        case .halfPageDown: move(by: max(1, (page + 1) / 2))
        case .halfPageUp: move(by: -max(1, (page + 1) / 2))
        case .repaint: return [.repaint]
        case .expandAll: foldAll(false)
        case .collapseAll: foldAll(true)
        case .copyReference: return copyReference()
        case .pager:
            guard selected != nil else { say("Select an item first: Tab or → moves to the items.", kind: .warning); return [] }
            openView(.pager)
        case .messageLog: openView(.log)
        case .history: openView(.history)
        default: break
        }
        return []
    }

    /// Every message said, oldest first, the last 100 kept: `L` shows them.
    mutating func log(_ text: String) {
        messageLog.append(text)
        if messageLog.count > Self.messageLogLimit { messageLog.removeFirst(messageLog.count - Self.messageLogLimit) }
    }

    private mutating func openView(_ view: TextView) {
        mode = .view(view)
        // The log opens at its newest messages, a page at its top.
        overlayScroll = view == .log ? Int.max / 2 : 0
    }

    /// Keys inside the help or a page: they scroll it; any other key closes it (and does nothing else).
    mutating func handleOverlay(_ key: Key) {
        let step: Int?
        switch key {
        case .down, .character("j"), .enter: step = 1
        case .up, .character("k"): step = -1
        case .pageDown, .character(" "), .control("f"): step = OverlayBox.pageRows(height: height)
        case .pageUp, .control("b"): step = -OverlayBox.pageRows(height: height)
        case .control("d"): step = max(1, OverlayBox.pageRows(height: height) / 2)
        case .control("u"): step = -max(1, OverlayBox.pageRows(height: height) / 2)
        case .home, .character("g"): step = -Int.max / 2
        case .end, .character("G"): step = Int.max / 2
        default: step = nil
        }
        guard let step else {
            mode = .normal
            overlayScroll = 0
            return
        }
        overlayScroll = max(0, min(overlayScroll.addingReportingOverflow(step).partialValue, Int.max / 2))
    }

    /// `+` / `-`: every item with children in the plan unfolded / folded; the selection stays
    /// on its item, or on the folded ancestor that now holds it.
    private mutating func foldAll(_ fold: Bool) {
        let parents = outline.items.filter { !$0.children.isEmpty }.map(\.reference)
        if fold {
            collapsed.formUnion(parents)
            while let item = selected, let parent = item.parent { selectedItem = parent }
        } else {
            collapsed.removeAll()
        }
        rebuildRows()
        keepSelectionVisible()
        say(fold ? "Collapsed every item; + expands all." : "Expanded every item; - collapses all.")
    }

    /// `y`: the item's reference as CONTRACT §9 cites it, to the clipboard: `TODO 2.5`, or for an
    /// item without an id the plan's path as shown, a colon and the line (`REFACTOR_PLAN.md:48`),
    /// which editors and terminals open at that line.
    private mutating func copyReference() -> [Effect] {
        guard focus == .items, let item = selected else {
            say("Select an item first: Tab or → moves to the items.", kind: .warning)
            return []
        }
        let text = citation(item.reference)
        say("Copied “\(text)” to the clipboard.")
        return [.copy(text)]
    }

    private func citation(_ reference: ItemReference) -> String {
        switch reference {
        case .id: reference.name
        case .line(let line): outline.path.isEmpty ? reference.name : "\(outline.path):\(line)"
        }
    }

    /// `j` past the phase's last row goes on into the next phase; `k` above its first row
    /// into the previous one. True when it moved.
    mutating func crossesPhase(from row: Int, by delta: Int) -> Bool {
        guard abs(delta) < Int.max / 4 else { return false }  // g / G stay in the phase
        let forward = delta > 0
        guard forward ? row == rows.count - 1 : row == 0 else { return false }
        var phase = selectedPhase + (forward ? 1 : -1)
        while outline.phases.indices.contains(phase) {
            if outline.phases[phase].allItems.isEmpty { phase += forward ? 1 : -1; continue }
            enterPhase(phase, at: forward ? .first : .last)
            return true
        }
        return false
    }

    enum Entry { case remembered, first, last }

    /// Makes `phase` the selected one; the item selected there before comes back.
    mutating func enterPhase(_ phase: Int, at entry: Entry = .remembered) {
        if let item = selectedItem { selectionByPhase[selectedPhase] = item }
        selectedPhase = phase
        itemScroll = 0
        detailScroll = 0
        rebuildRows()
        switch entry {
        case .remembered:
            let remembered = selectionByPhase[phase].flatMap { item in rows.contains { $0.item == item } ? item : nil }
            selectedItem = remembered ?? rows.first?.item
        case .first: selectedItem = rows.first?.item
        case .last: selectedItem = rows.last?.item
        }
        keepSelectionVisible()
    }

    /// After `f`: the selected item stays selected while it is shown; one a filter hid comes
    /// back when a later filter shows it again, unless the user has moved on since.
    mutating func keepSelectionThroughFilter() {
        if let memory = hiddenByFilter, memory.shown == selectedItem, rows.contains(where: { $0.item == memory.hidden }) {
            selectedItem = memory.hidden
            hiddenByFilter = nil
        } else if selectedRow == nil, let hidden = selectedItem {
            let after = rows.first { $0.item > hidden } ?? rows.last
            let original = hiddenByFilter.flatMap { $0.shown == hidden ? $0.hidden : nil } ?? hidden
            selectedItem = after?.item
            hiddenByFilter = HiddenSelection(hidden: original, shown: selectedItem)
        } else if selectedRow == nil {
            selectedItem = rows.first?.item
        }
        keepSelectionVisible()
    }
}

/// The item a filter hid, and the one selected in its place.
public struct HiddenSelection: Sendable, Equatable {
    public var hidden: Int
    public var shown: Int?
}

/// Where the help and the pages sit: centred, bordered on all four sides, one row of
/// border above and below the lines they scroll.
public struct OverlayBox: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(screenWidth: Int, screenHeight: Int, contentWidth: Int, lines: Int) {
        width = max(10, min(screenWidth - 2, contentWidth + 4))
        height = max(3, min(screenHeight - 2, lines + 2))
        row = max(0, (screenHeight - 1 - height) / 2)
        column = max(0, (screenWidth - width) / 2)
    }

    /// Lines shown at once between the borders.
    public var bodyRows: Int { height - 2 }

    /// A page for PgDn inside an overlay on a screen `height` rows high.
    static func pageRows(height: Int) -> Int { max(1, height - 5) }
}
