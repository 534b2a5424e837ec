/// The plan's progress over its versions: each version scanned with `PlanDocument` and
/// compared with the one before. Pure: the versions come in as bytes.
public struct PlanHistory: Sendable {
    /// Oldest first, one per version that could be read as a plan.
    public var points: [HistoryPoint]
    /// Versions that are not text (a commit that made the plan binary), with the reason.
    public var unreadable: [(commit: String?, reason: String)]

    /// `versions` oldest first.
    public init(versions: [PlanVersion]) {
        points = []
        unreadable = []
        points.reserveCapacity(versions.count)
        var previous: [HistoryItem] = []
        var previousBytes: [UInt8]?
        var previousCounts = StateCounts()
        for version in versions {
            if version.bytes == previousBytes {  // a rename, or a commit that changed other files with it
                points.append(HistoryPoint(commit: version.commit, date: version.date, author: version.author,
                                           counts: previousCounts))
                continue
            }
            let document: PlanDocument
            do {
                document = try PlanDocument(bytes: version.bytes, name: version.commit ?? "working tree")
            } catch {
                unreadable.append((version.commit, error.description))
                continue
            }
            let items = document.items.map(HistoryItem.init)
            var point = HistoryPoint(commit: version.commit, date: version.date, author: version.author,
                                     counts: document.counts)
            Self.compare(previous, items, into: &point)
            points.append(point)
            previous = items
            previousBytes = version.bytes
            previousCounts = point.counts
        }
    }

    /// Fills the point's closed, reopened, added and removed from two versions' items.
    static func compare(_ old: [HistoryItem], _ new: [HistoryItem], into point: inout HistoryPoint) {
        let pairs = ItemMatching.match(old: old, new: new)
        var matchedOld = [Bool](repeating: false, count: old.count)
        for (item, pair) in zip(new, pairs) {
            guard let pair else { point.added.append(item.reference); continue }
            matchedOld[pair] = true
            if item.settled && !old[pair].settled { point.closed.append(item.reference) }
            if !item.settled && old[pair].settled { point.reopened.append(item.reference) }
        }
        for (item, matched) in zip(old, matchedOld) where !matched { point.removed.append(item.reference) }
    }

    /// Items still open (not done, aborted or cancelled) at the last point.
    public var openItems: Int {
        guard let last = points.last else { return 0 }
        return last.counts.total - last.counts.settled
    }
}
