import Foundation

/// The plan as one version left it, and what changed since the version before
/// (CONTRACT §12). Items are named by their reference: the id, else `L<line>`.
public struct HistoryPoint: Sendable, Equatable {
    public var commit: String?
    public var date: Date
    public var author: String?
    public var counts: StateCounts
    /// Items that became done, aborted or cancelled.
    public var closed: [String]
    /// Items that were settled and are open again.
    public var reopened: [String]
    public var added: [String]
    /// Named as the version before named them.
    public var removed: [String]

    public init(commit: String?, date: Date, author: String?, counts: StateCounts,
                closed: [String] = [], reopened: [String] = [], added: [String] = [], removed: [String] = []) {
        self.commit = commit
        self.date = date
        self.author = author
        self.counts = counts
        self.closed = closed
        self.reopened = reopened
        self.added = added
        self.removed = removed
    }

    /// Whether any item changed state, came or went.
    public var hasChanges: Bool { !(closed.isEmpty && reopened.isEmpty && added.isEmpty && removed.isEmpty) }

    /// Settled items: the burn-up's "closed" line.
    public var closedCount: Int { counts.settled }
}
