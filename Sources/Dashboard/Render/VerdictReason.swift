import Evidence
import PlanKit

/// One line on why a verdict is what it is ("drift: marked done, but listbackup-s3-dev is
/// missing in us-west-2"), read from the verdict and its checks as the judge left them:
/// nothing is judged again here.
enum VerdictReason {
    static func sentence(_ verdict: ItemVerdict) -> String {
        let failing = verdict.evidence.filter { $0.ok == false }
        let unknown = verdict.evidence.filter { $0.ok == nil }
        let holding = verdict.evidence.filter { $0.ok == true }
        let mark = "marked " + verdict.item.state.label
        switch verdict.verdict {
        case .drift: return "drift: \(mark), but " + failures(failing)
        case .pending: return "pending: \(mark), and " + failures(failing)
        case .verified: return "verified: \(mark), and " + holds(holding)
        case .ready: return "ready: \(mark), but " + holds(holding) + ": it can be marked done"
        case .skipped:
            return "skipped: \(verdict.setAsideBy == nil ? mark : verdict.setAsideReason), so its evidence is not judged"
        case .unchecked:
            guard let first = unknown.first else { return "unchecked: no evidence names this item" }
            return "unchecked: \(first.name) — \(first.detail)" + more(unknown.count - 1)
        }
    }

    private static func failures(_ checks: [EvidenceCheck]) -> String {
        guard let first = checks.first else { return "nothing fails" }
        return "\(first.name) is \(first.detail)" + (first.region.map { " in \($0)" } ?? "") + more(checks.count - 1)
    }

    private static func holds(_ checks: [EvidenceCheck]) -> String {
        checks.count == 1 ? "\(checks[0].name) is \(checks[0].detail)" : "all \(checks.count) pieces of evidence hold"
    }

    private static func more(_ count: Int) -> String { count > 0 ? " (and \(count) more)" : "" }
}
