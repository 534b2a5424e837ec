import PlanKit

/// The plan's history as the dashboard shows it (issue 14 point 3): the burn-up by week
/// for the header's sparkline and the history view, and for each item the commit that
/// last closed it. Read from git in the background; nil until it arrives.
public struct DashboardHistory: Sendable {
    public var points: [HistoryPoint]
    public var weeks: [BurnUpBucket]
    /// The point that last closed each item, by its reference (`2.5`, `L48`).
    public var lastClosed: [String: HistoryPoint]

    public init(_ history: PlanHistory) {
        points = history.points
        weeks = BurnUp.buckets(history.points, by: .week)
        var closed: [String: HistoryPoint] = [:]
        for point in history.points {
            for reference in point.closed { closed[reference] = point }
            for reference in point.reopened { closed[reference] = nil }
        }
        lastClosed = closed
    }
}

extension DashboardState {
    mutating func historyLoaded(_ history: PlanHistory) {
        self.history = history.points.isEmpty ? nil : DashboardHistory(history)
    }

    /// No history (not a git repository, no git): the dashboard works without it; `H` says why.
    mutating func historyFailed(_ reason: String) {
        history = nil
        historyProblem = reason
    }
}
