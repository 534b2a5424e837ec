import Foundation
import PlanKit

/// What the last probe said about each item, filled by the run loop from the evidence
/// layer's verdicts. Optional input: without it the dashboard works fully offline.
public struct LiveStatus: Sendable, Equatable {
    public var stage: String
    public var probedAt: Date
    /// By `ItemReference.description` (id, else "L<line>").
    public var items: [String: ItemEvidence]
    /// Failures that did not stop the probe, in plain words.
    public var problems: [String]

    public init(stage: String, probedAt: Date, items: [String: ItemEvidence], problems: [String] = []) {
        self.stage = stage
        self.probedAt = probedAt
        self.items = items
        self.problems = problems
    }
}

public struct ItemEvidence: Sendable, Equatable {
    public var verdict: LiveVerdict
    public var facts: [EvidenceFact]

    public init(verdict: LiveVerdict, facts: [EvidenceFact]) {
        self.verdict = verdict
        self.facts = facts
    }
}

/// One piece of evidence: a stack, a parameter or a file, whether it holds and how it looks.
public struct EvidenceFact: Sendable, Equatable {
    public enum Kind: String, Sendable { case stack, parameter, file }
    public var kind: Kind
    public var name: String
    public var ok: Bool
    /// "CREATE_COMPLETE, updated 3 h ago", "missing", "present".
    public var detail: String
    /// A stack's CloudFormation status, to colour it.
    public var stackStatus: String?
    /// When the stack or parameter last changed, shown as an age ("updated 3 h ago").
    public var changed: Date?

    public init(kind: Kind, name: String, ok: Bool, detail: String, stackStatus: String? = nil, changed: Date? = nil) {
        self.kind = kind
        self.name = name
        self.ok = ok
        self.detail = detail
        self.stackStatus = stackStatus
        self.changed = changed
    }
}

/// CONTRACT §5's verdicts, as the dashboard shows them (the evidence layer's `Verdict` maps onto these).
public enum LiveVerdict: String, Sendable, CaseIterable {
    case verified, drift, ready, pending, skipped, unchecked
}

/// Why a probe gave nothing: no credentials is a calm offline state, anything else a failure.
public enum ProbeProblem: Sendable, Equatable {
    case offline(hint: String)
    case failed(String)
}

extension LiveVerdict {
    /// An item's verdict from its mark and its evidence, as the evidence layer judges it
    /// (CONTRACT §5). The dashboard re-judges with the item's current mark, so toggling
    /// an item shows its new verdict at once, before the next probe.
    public static func judge(_ state: ItemState, facts: [EvidenceFact]) -> LiveVerdict {
        if state == .aborted || state == .cancelled { return .skipped }
        if facts.isEmpty { return .unchecked }
        let holds = facts.allSatisfy(\.ok)
        if state == .done { return holds ? .verified : .drift }
        return holds ? .ready : .pending
    }
}
