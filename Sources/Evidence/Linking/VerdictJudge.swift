import AWSKit
import Foundation
import PlanKit

/// Holds each item's expectations against what the probe and the file system
/// found. A pure function of its inputs, so the dashboard and `verify` agree.
public enum VerdictJudge {
    /// - Parameters:
    ///   - probe: the live answer; nil when no AWS evidence was asked for.
    ///   - pathExists: whether a path relative to the project exists.
    public static func judge(_ items: [ItemExpectations], probe: ProbeResult?,
                             pathExists: (String) -> Bool) -> [ItemVerdict] {
        let stacks = Dictionary((probe?.stacks ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let parameters = Dictionary((probe?.parameters ?? []).map { ($0.name, $0) },
                                    uniquingKeysWith: { first, _ in first })
        let failure = probe?.failures.first.map { "not probed: \($0.code)" } ?? "not probed"
        return items.map { entry in
            let evidence = entry.expectations.map { expectation -> EvidenceCheck in
                switch expectation.kind {
                case .file:
                    let ok = pathExists(expectation.name)
                    return check(expectation, ok: ok, detail: ok ? "exists" : "missing")
                case .stack:
                    guard let observed = stacks[expectation.name] else {
                        return check(expectation, ok: false, detail: failure)
                    }
                    return stackCheck(expectation, observed)
                case .parameter:
                    guard let observed = parameters[expectation.name] else {
                        return check(expectation, ok: false, detail: failure)
                    }
                    return parameterCheck(expectation, observed)
                }
            }
            return ItemVerdict(item: entry.item, verdict: verdict(entry.item.state, evidence),
                               evidence: evidence, unresolved: entry.unresolved)
        }
    }

    /// The one verdict table (CONTRACT §5): the item's mark against its evidence.
    public static func verdict(_ state: ItemState, _ evidence: [EvidenceCheck]) -> Verdict {
        switch state {
        case .aborted, .cancelled: return .skipped
        case .done, .todo, .progress, .other: break
        }
        if evidence.isEmpty { return .unchecked }
        let holds = evidence.allSatisfy(\.ok)
        return state == .done ? (holds ? .verified : .drift) : (holds ? .ready : .pending)
    }

    static func stackCheck(_ expectation: ExpectedEvidence, _ observed: StackObservation) -> EvidenceCheck {
        if expectation.name.contains("*") {
            let count = observed.matches.count
            return check(expectation, ok: count > 0, detail: count > 0 ? "\(count) match" : "none match")
        }
        guard let status = observed.status else { return check(expectation, ok: false, detail: "missing") }
        var result = check(expectation, ok: observed.deployed,
                           detail: status == "DELETE_COMPLETE" ? "deleted"
                               : observed.deployed ? status : "\(status) (not live)")
        result.status = status
        result.live = observed.deployed
        result.changed = observed.lastUpdated
        return result
    }

    static func parameterCheck(_ expectation: ExpectedEvidence, _ observed: ParameterObservation) -> EvidenceCheck {
        if expectation.name.contains("*") {
            let count = observed.matches.count
            return check(expectation, ok: count > 0, detail: count > 0 ? "\(count) match" : "none match")
        }
        guard observed.exists else { return check(expectation, ok: false, detail: "missing") }
        var result = check(expectation, ok: true, detail: observed.version.map { "version \($0)" } ?? "exists")
        result.changed = observed.lastModified
        return result
    }

    private static func check(_ expectation: ExpectedEvidence, ok: Bool, detail: String) -> EvidenceCheck {
        EvidenceCheck(kind: expectation.kind, name: expectation.name, ok: ok, detail: detail, source: expectation.source)
    }
}
