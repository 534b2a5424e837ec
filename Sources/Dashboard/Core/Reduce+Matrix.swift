import Evidence
import Foundation
import PlanKit

extension DashboardState {
    /// `m`: shows or hides the stage matrix; showing it asks every stage, each on its own.
    mutating func toggleMatrix() -> [Effect] {
        if matrix.shown {
            matrix.shown = false
            say("Matrix off; \(stage ?? "the stage") alone.")
            return []
        }
        guard !stages.isEmpty else {
            say("No stages: in .plantrack.yml; the matrix needs at least one.")
            return []
        }
        matrix.shown = true
        say("Matrix: \(stages.joined(separator: ", ")); s picks the stage Detail shows.")
        return startMatrixProbes(stages)
    }

    /// Asks each of `stages` that is not being asked already (an overlapping refresh is dropped):
    /// one effect per stage, so a slow stage's answer holds back no other's.
    mutating func startMatrixProbes(_ stages: [String]) -> [Effect] {
        stages.filter { !matrix.isProbing($0) }.map { stage in
            matrix.started(stage, at: now)
            return .probeColumn(stage: stage)
        }
    }

    /// `r` with the matrix shown: every column not being asked already is asked again.
    mutating func refreshMatrix() -> [Effect] {
        let effects = startMatrixProbes(stages)
        if effects.isEmpty { say("Every stage is being asked already; this refresh was dropped.") }
        return effects
    }

    /// Columns answered; a column that just turned stale says why once (the log keeps it).
    mutating func matrixFinished(_ fresh: StageMatrix) {
        let wasStale = Set(fresh.stages.filter { matrix.refreshes[$0]?.staleReason != nil })
        matrix.merge(fresh, now: now, refresh: refresh)
        for stage in fresh.stages where matrix.shown && !wasStale.contains(stage) {
            guard let reason = matrix.refreshes[stage]?.staleReason else { continue }
            say("\(stage) could not be refreshed (\(reason)); its column keeps its last answer, marked stale.",
                kind: .warning)
        }
        if filter == .drift { rebuildRows(); keepSelectionVisible() }
    }

    /// Each column's own auto-refresh, due with the clock while the matrix is shown.
    mutating func matrixTick(_ date: Date) -> [Effect] {
        guard matrix.shown else { return [] }
        return startMatrixProbes(matrix.due(stages, at: date))
    }

    /// Each stage's verdict on `item` in the matrix, in stage order (nil: that stage not asked yet),
    /// re-judged under the item's current mark as the one-stage view does.
    public func matrixVerdicts(for item: OutlineItem) -> [(stage: String, verdict: ItemVerdict?)] {
        stages.map { ($0, matrixVerdict(for: item, stage: $0)) }
    }

    /// One stage's verdict on `item` in the matrix; nil when that stage has not answered.
    public func matrixVerdict(for item: OutlineItem, stage: String) -> ItemVerdict? {
        matrix.column(stage).flatMap { column in
            LiveStatus(stage: stage, probedAt: column.probedAt ?? now, verdicts: column.verdicts)
                .verdict(for: item.reference, line: item.line)?
                .rejudged(as: item.state, setAsideBy: outline.setAsideAncestor(of: item))
        }
    }

    /// What Detail shows evidence from: the selected stage's matrix column while the matrix is
    /// shown and that stage has answered, else the one-stage live status.
    public var shownStatus: LiveStatus? {
        if matrix.shown, let stage, let column = matrix.column(stage) {
            return LiveStatus(stage: stage, probedAt: column.probedAt ?? now, verdicts: column.verdicts)
        }
        return live.status
    }

    /// "not asked: <why>" when the matrix is shown and the selected stage could not be asked.
    public var matrixNotAskedReason: String? {
        guard matrix.shown, let stage, let column = matrix.column(stage) else { return nil }
        return column.notAskedReason
    }

    /// The items, in plan order, that drift in any stage of the matrix: what `]` and `[` step
    /// through while the matrix is shown.
    public var matrixDriftItems: [Int] {
        outline.items.indices.filter { index in
            matrixVerdicts(for: outline.items[index]).contains { $0.verdict?.verdict == .drift }
        }
    }

    /// Drift per stage, as the header shows it; nil for a stage not asked yet.
    public var matrixDrift: [(stage: String, drift: Int?)] {
        stages.map { stage in
            guard let column = matrix.column(stage), !column.notAsked else { return (stage, nil) }
            return (stage, outline.items.filter { matrixVerdict(for: $0, stage: stage)?.verdict == .drift }.count)
        }
    }
}

extension Action {
    /// The matrix's answer when no stage could be asked at all: every column "not asked: <reason>".
    public static func matrixNotAsked(_ stages: [String], reason: String) -> Action {
        .matrixFinished(StageMatrix(columns: stages.map { StageMatrix.Column.notAsked(stage: $0, reason: reason) }))
    }
}
