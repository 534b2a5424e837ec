import Foundation

extension DashboardState {
    /// Starts a probe unless one runs already (an overlapping refresh is dropped).
    mutating func startProbe(quietly: Bool) -> [Effect] {
        if live.probing {
            if !quietly { say("A probe is already running; this refresh was dropped.") }
            return []
        }
        live.probing = true
        live.probeStarted = now
        live.nextRefresh = nil
        return [.probe(stage: stage)]
    }

    mutating func probeFinished(_ status: LiveStatus) -> [Effect] {
        live.probing = false
        live.status = status
        live.lastProblem = nil
        live.lastProblemAt = nil
        live.consecutiveFailures = 0
        live.nextRefresh = refresh > 0 ? status.probedAt.addingTimeInterval(refresh) : nil
        if filter == .drift { rebuildRows(); keepSelectionVisible() }
        if let stage, status.stage != stage { return startProbe(quietly: true) }  // the stage changed meanwhile
        return []
    }

    mutating func probeFailed(_ problem: ProbeProblem, at date: Date) {
        live.probing = false
        live.lastProblem = problem
        live.lastProblemAt = date
        switch problem {
        case .offline:
            live.nextRefresh = nil  // calm: no retries until the user presses r
        case .failed:
            live.consecutiveFailures += 1
            live.nextRefresh = refresh > 0
                ? date.addingTimeInterval(LiveState.delay(refresh: refresh, failures: live.consecutiveFailures)) : nil
        }
    }

    mutating func tick(_ date: Date) -> [Effect] {
        now = date
        if let message, message.until <= date { self.message = nil }
        var effects = matrixTick(date)
        if let due = live.nextRefresh, due <= date, !live.probing {
            effects += startProbe(quietly: true)
        }
        return effects
    }
}
