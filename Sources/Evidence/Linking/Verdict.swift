import Foundation
import PlanKit

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
    /// Aborted or cancelled, or a step under a task that is: not going to be done.
    case skipped
    /// No evidence to hold the claim against.
    case unchecked
}

/// One piece of evidence and whether it holds: what `verify` prints and the dashboard shows.
public struct EvidenceCheck: Sendable, Equatable {
    public var kind: EvidenceKind
    public var name: String
    /// true: holds; false: fails; nil: unknown — the name could not be worked out or AWS
    /// could not be asked. Unknown never counts as holding (CONTRACT §5).
    public var ok: Bool?
    /// "CREATE_COMPLETE", "missing", "deleted", "version 3", "exists", "2 match"; for unknown
    /// evidence why and how to fix it ("not asked: no credentials; set AWS_PROFILE …").
    public var detail: String
    public var source: String
    /// The region a stack or parameter was asked in.
    public var region: String?
    /// A stack's CloudFormation status as the probe saw it; nil for other kinds or a stack never created.
    public var status: String?
    /// Whether the stack is live, as the probe decides it (`StackObservation.deployed`): the one
    /// meaning of a CloudFormation status, used for the verdict and for the colour.
    public var live: Bool?
    /// When the stack or parameter last changed.
    public var changed: Date?
    /// For a consumed stack (`${cf:stack.Output}`): the output the service reads from it.
    public var output: String?

    public init(kind: EvidenceKind, name: String, ok: Bool?, detail: String, source: String, region: String? = nil,
                status: String? = nil, live: Bool? = nil, changed: Date? = nil, output: String? = nil) {
        self.output = output
        self.region = region
        self.kind = kind
        self.name = name
        self.ok = ok
        self.detail = detail
        self.source = source
        self.status = status
        self.live = live
        self.changed = changed
    }
}

/// The verdict on one item.
public struct ItemVerdict: Sendable, Equatable {
    public var item: PlanItem
    public var verdict: Verdict
    public var evidence: [EvidenceCheck]
    /// What the claim leaves out on purpose (services outside compose), never judged.
    public var notes: [String]
    /// The aborted or cancelled task the item sits under, which makes it `skipped` whatever
    /// its own mark; nil when no task above it is set aside.
    public var setAsideBy: PlanItem?

    public init(item: PlanItem, verdict: Verdict, evidence: [EvidenceCheck], notes: [String] = [],
                setAsideBy: PlanItem? = nil) {
        self.item = item
        self.verdict = verdict
        self.evidence = evidence
        self.notes = notes
        self.setAsideBy = setAsideBy
    }

    /// The same verdict for the item under another mark and the tasks above it as they stand
    /// now: the dashboard re-judges at once when an item or its parent is ticked, before the next probe.
    public func rejudged(as state: ItemState, setAsideBy: PlanItem?) -> ItemVerdict {
        var copy = self
        copy.item.state = state
        copy.setAsideBy = setAsideBy
        copy.verdict = VerdictJudge.verdict(state, setAsideBy: setAsideBy, evidence)
        return copy
    }

    /// Why a skipped item is not judged: "aborted", or "under TODO 0.2, which is aborted".
    public var setAsideReason: String {
        guard let setAsideBy else { return item.state.rawValue }
        return "under \(setAsideBy.reference.name), which is \(setAsideBy.state.rawValue)"
    }
}
