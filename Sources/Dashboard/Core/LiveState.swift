import Foundation

/// The live-status side of the dashboard: the last result, whether a probe runs, and
/// when the next automatic refresh is due (k9s: backoff, no overlap, stale shown as stale).
public struct LiveState: Sendable, Equatable {
    public var status: LiveStatus?
    public var probing = false
    public var probeStarted: Date?
    public var lastProblem: ProbeProblem?
    public var lastProblemAt: Date?
    public var consecutiveFailures = 0
    public var nextRefresh: Date?

    public init() {}

    /// Auto-refresh interval stretched after failures: 2^failures times, at most 10 minutes.
    public static func delay(refresh: TimeInterval, failures: Int) -> TimeInterval {
        guard failures > 0 else { return refresh }
        let factor = pow(2.0, Double(min(failures, 10)))
        return min(refresh * factor, max(refresh, 600))
    }

    /// Data older than twice the refresh interval (or five minutes when refresh is off) is stale.
    public func isStale(now: Date, refresh: TimeInterval) -> Bool {
        guard let status else { return false }
        let limit = refresh > 0 ? 2 * refresh : 300
        return now.timeIntervalSince(status.probedAt) > limit
    }
}
