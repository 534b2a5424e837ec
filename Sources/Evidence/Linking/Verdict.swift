/// An item's claim held against its evidence (CONTRACT §5).
public enum Verdict: String, Sendable, Equatable, CaseIterable {
    /// Done, and all evidence holds.
    case verified
    /// Done, but some evidence fails: the plan says more than is true.
    case drift
    /// Not done, yet all evidence holds: it could be ticked.
    case ready
    /// Not done, and some evidence fails: as expected.
    case pending
    /// Aborted or cancelled.
    case skipped
    /// No evidence to hold the claim against.
    case unchecked
}

/// One piece of evidence and whether it holds.
public struct EvidenceCheck: Sendable, Equatable {
    public var kind: EvidenceKind
    public var name: String
    public var ok: Bool
    /// "CREATE_COMPLETE", "missing", "deleted", "version 3", "exists", "2 match", "not probed: …".
    public var detail: String
    public var source: String

    public init(kind: EvidenceKind, name: String, ok: Bool, detail: String, source: String) {
        self.kind = kind
        self.name = name
        self.ok = ok
        self.detail = detail
        self.source = source
    }
}

/// The verdict on one item.
public struct ItemVerdict: Sendable, Equatable {
    public var item: PlanItemFacts
    public var verdict: Verdict
    public var evidence: [EvidenceCheck]
    public var unresolved: [DiscoveredName]

    public init(item: PlanItemFacts, verdict: Verdict, evidence: [EvidenceCheck], unresolved: [DiscoveredName] = []) {
        self.item = item
        self.verdict = verdict
        self.evidence = evidence
        self.unresolved = unresolved
    }
}
