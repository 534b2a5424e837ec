import PlanKit
/// The three kinds of evidence (CONTRACT §5 `evidence[].kind`).
public enum EvidenceKind: String, Sendable, Equatable, Hashable, Comparable {
    case stack
    case parameter
    case file

    public static func < (lhs: EvidenceKind, rhs: EvidenceKind) -> Bool {
        let order: [EvidenceKind] = [.stack, .parameter, .file]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// One thing an item's claim implies should exist.
public struct ExpectedEvidence: Sendable, Equatable, Hashable {
    public var kind: EvidenceKind
    /// A stack name, a parameter name (either may hold `*`) or a path relative to the project.
    public var name: String
    /// Where the expectation comes from: ".plantrack.yml", "infra/s3/serverless.yml", "plan".
    public var source: String

    public init(kind: EvidenceKind, name: String, source: String) {
        self.kind = kind
        self.name = name
        self.source = source
    }
}

/// One item and everything its text, its parent and the config tie to it.
public struct ItemExpectations: Sendable, Equatable {
    public var item: PlanItem
    public var expectations: [ExpectedEvidence]
    /// Names the item points at that cannot be known before deploy; shown, never probed.
    public var unresolved: [DiscoveredName]

    public init(item: PlanItem, expectations: [ExpectedEvidence], unresolved: [DiscoveredName] = []) {
        self.item = item
        self.expectations = expectations
        self.unresolved = unresolved
    }
}
