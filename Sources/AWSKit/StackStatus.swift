/// What a CloudFormation stack status means (CONTRACT §5): the one table the probe, the
/// verdicts and the dashboard's colours read, so a status cannot mean two things.
public struct StackStatus: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// What a reader should take from the status, in the order the dashboard colours it.
    public enum Meaning: String, Sendable, Equatable, CaseIterable {
        /// The last operation left the stack live (its resources are in service).
        case live
        /// An operation is running (`*_IN_PROGRESS`); `deployed` says whether the stack was live before it.
        case inProgress
        /// The stack exists but is not live: a create rolled back, or an operation failed.
        case failed
        /// `DELETE_COMPLETE`: the stack is gone.
        case deleted
    }

    /// Statuses whose stack is live: the complete ones, and updates under way on a live stack.
    static let live: Set<String> = [
        "CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE",
        "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE",
        "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
        "UPDATE_ROLLBACK_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS",
    ]

    /// False for `DELETE_COMPLETE`: CloudFormation keeps deleted stacks in ListStacks for 90 days.
    public var exists: Bool { rawValue != "DELETE_COMPLETE" }

    /// True only for a stack whose last operation left it live.
    public var deployed: Bool { Self.live.contains(rawValue) }

    public var inProgress: Bool { rawValue.hasSuffix("_IN_PROGRESS") }

    /// The stack exists, nothing is running, and it is not live (`ROLLBACK_COMPLETE`, `*_FAILED`).
    public var failed: Bool { meaning == .failed }

    public var meaning: Meaning {
        if !exists { return .deleted }
        if inProgress { return .inProgress }
        return deployed ? .live : .failed
    }

    public var description: String { rawValue }
}
