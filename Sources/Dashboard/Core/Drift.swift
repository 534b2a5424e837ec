import Evidence

/// Drift over the whole plan, not only the phase on screen (issue 10 point 11): the
/// header and each phase count it, and `]` / `[` walk it across phases.
extension DashboardState {
    /// The items among `indices` (indices into `outline.items`, in any order: a phase,
    /// the tree's rows, a matrix column) whose verdict, under their current mark, is drift.
    public func drifting(_ indices: [Int]) -> [Int] {
        guard let status = live.status, !status.verdicts.isEmpty else { return [] }  // no probe: no drift, no pass
        return indices.filter { evidence(for: outline.items[$0])?.verdict == .drift }
    }

    /// Every drifting item of the plan, in plan order.
    public var driftItems: [Int] { drifting(Array(outline.items.indices)) }

    /// Selects the next (or previous) drifting item after the selection, across phases,
    /// wrapping at the end of the plan; with the matrix shown, drift in any stage counts.
    mutating func jumpToDrift(forward: Bool) {
        let drift = matrix.shown ? matrixDriftItems : driftItems
        guard !drift.isEmpty else {
            if matrix.shown { say("No item drifts in any stage.") } else {
                say(live.status == nil ? "No verdicts yet: r probes." : "No item drifts in the plan.")
            }
            return
        }
        let current = selectedItem ?? (forward ? -1 : outline.items.count)
        let target = forward ? drift.first { $0 > current } ?? drift[0] : drift.last { $0 < current } ?? drift[drift.count - 1]
        select(item: target)
        let position = (drift.firstIndex(of: target) ?? 0) + 1
        say("Drift \(position) of \(drift.count): \(outline.items[target].reference.name).")
    }

    /// A filter that leaves this phase empty moves to the next phase it shows something in.
    mutating func showPhaseWithMatches() {
        guard filter != .all, rows.isEmpty, !outline.phases.isEmpty else { return }
        let count = outline.phases.count
        for step in 1..<max(count, 1) {
            let phase = (selectedPhase + step) % count
            guard outline.phases[phase].allItems.contains(where: { passesFilter(outline.items[$0]) }) else { continue }
            selectedPhase = phase
            itemScroll = 0
            rebuildRows()
            selectedItem = rows.first?.item
            return
        }
    }
}
