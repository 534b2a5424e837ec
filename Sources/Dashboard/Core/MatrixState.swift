import Evidence
import Foundation

/// The stage matrix view (`m`, issue 11): every stage's verdicts side by side. Each column is
/// asked and refreshed on its own (a slow or failing stage holds no other back); a column
/// whose refresh could not ask AWS keeps its previous answer, drawn as stale, with the reason.
public struct MatrixState: Sendable, Equatable {
    public var shown = false
    /// The last answer per stage.
    public var matrix: StageMatrix?
    /// Each stage's refresh: whether it is being asked, when next, how it last went.
    public var refreshes: [String: ColumnRefresh] = [:]

    public init() {}

    /// One column's own auto-refresh (k9s: backoff after failures, no overlap, stale shown as stale).
    public struct ColumnRefresh: Sendable, Equatable {
        public var probing = false
        public var probeStarted: Date?
        public var nextRefresh: Date?
        public var consecutiveFailures = 0
        /// Why the latest refresh could not ask AWS while an earlier answer is kept; nil once one lands.
        public var staleReason: String?
    }

    /// The column of `stage`, if it has been asked.
    public func column(_ stage: String) -> StageMatrix.Column? {
        matrix?.columns.first { $0.stage == stage }
    }

    /// Whether `stage`'s column is being asked now.
    public func isProbing(_ stage: String) -> Bool { refreshes[stage]?.probing ?? false }

    /// Whether any column is being asked now.
    public var probing: Bool { refreshes.values.contains { $0.probing } }

    /// Marks `stage` as being asked from `date`.
    mutating func started(_ stage: String, at date: Date) {
        refreshes[stage, default: ColumnRefresh()].probing = true
        refreshes[stage, default: ColumnRefresh()].probeStarted = date
        refreshes[stage, default: ColumnRefresh()].nextRefresh = nil
    }

    /// Fresh columns merged in, each setting its own next refresh: an answer `refresh` seconds
    /// after it was taken; a stage that could not be asked keeps its earlier answer, marked
    /// stale, and retries later each time it fails again (`LiveState.delay`).
    mutating func merge(_ fresh: StageMatrix, now: Date, refresh: TimeInterval) {
        var columns = matrix?.columns ?? []
        for column in fresh.columns {
            var state = refreshes[column.stage] ?? ColumnRefresh()
            state.probing = false
            state.probeStarted = nil
            let kept = columns.firstIndex { $0.stage == column.stage }
            if column.notAsked {
                state.consecutiveFailures += 1
                state.nextRefresh = refresh > 0
                    ? now.addingTimeInterval(LiveState.delay(refresh: refresh, failures: state.consecutiveFailures)) : nil
                if let kept, !columns[kept].notAsked {
                    state.staleReason = column.notAskedReason
                } else if let kept {
                    columns[kept] = column
                } else {
                    columns.append(column)
                }
            } else {
                state.consecutiveFailures = 0
                state.staleReason = nil
                state.nextRefresh = refresh > 0 ? max(column.probedAt ?? now, now).addingTimeInterval(refresh) : nil
                if let kept { columns[kept] = column } else { columns.append(column) }
            }
            refreshes[column.stage] = state
        }
        matrix = StageMatrix(columns: columns)
    }

    /// The stages whose refresh is due at `date` and not running.
    func due(_ stages: [String], at date: Date) -> [String] {
        stages.filter { stage in
            guard let state = refreshes[stage], !state.probing, let next = state.nextRefresh else { return false }
            return next <= date
        }
    }

    /// How old `stage`'s answer is when it is stale; nil when it is fresh (or there is none).
    /// Stale: its last refresh failed after an earlier answer, or the answer is older than the
    /// refresh interval (five minutes when refresh is off) with no refresh of it under way —
    /// a refresh that has run longer than the interval itself does not count as under way.
    public func staleAge(_ stage: String, now: Date, refresh: TimeInterval) -> TimeInterval? {
        guard let column = column(stage), !column.notAsked else { return nil }
        let age = column.probedAt.map { max(0, now.timeIntervalSince($0)) }
        let state = refreshes[stage] ?? ColumnRefresh()
        if state.staleReason != nil { return age ?? 0 }
        guard let age else { return nil }
        let limit = refresh > 0 ? refresh : 300
        guard age > limit else { return nil }
        if state.probing, let started = state.probeStarted, now.timeIntervalSince(started) <= limit { return nil }
        return age
    }

    public func isStale(_ stage: String, now: Date, refresh: TimeInterval) -> Bool {
        staleAge(stage, now: now, refresh: refresh) != nil
    }
}
