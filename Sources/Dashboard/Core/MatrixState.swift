import Evidence
import Foundation

/// The stage matrix view (`m`, issue 11): every stage's verdicts side by side, refreshed
/// together; a column whose last refresh could not ask AWS keeps its previous answer,
/// drawn as stale, with the reason.
public struct MatrixState: Sendable, Equatable {
    public var shown = false
    /// The last answer per stage, in the order of the dashboard's stages.
    public var matrix: StageMatrix?
    /// Stages whose latest refresh failed while an older answer is kept: stage → why.
    public var staleReasons: [String: String] = [:]
    public var probing = false
    public var nextRefresh: Date?

    public init() {}

    /// The column of `stage`, if it has been asked.
    public func column(_ stage: String) -> StageMatrix.Column? {
        matrix?.columns.first { $0.stage == stage }
    }

    /// A fresh answer merged in: a stage that could not be asked keeps its earlier answer, marked stale.
    mutating func merge(_ fresh: StageMatrix) {
        var columns: [StageMatrix.Column] = []
        for column in fresh.columns {
            if column.notAsked, let kept = self.column(column.stage), !kept.notAsked {
                columns.append(kept)
                staleReasons[column.stage] = column.notAskedReason
            } else {
                columns.append(column)
                staleReasons[column.stage] = nil
            }
        }
        matrix = StageMatrix(columns: columns)
    }

    /// A column is stale when its refresh failed, or its answer is older than twice the
    /// refresh interval (five minutes when refresh is off), as the one-stage view judges it.
    public func isStale(_ stage: String, now: Date, refresh: TimeInterval) -> Bool {
        if staleReasons[stage] != nil { return true }
        guard let probedAt = column(stage)?.probedAt else { return false }
        return now.timeIntervalSince(probedAt) > (refresh > 0 ? 2 * refresh : 300)
    }
}
