/// The plan's progress over its versions: each version scanned with `PlanDocument` and
/// compared with the one before. Pure: the versions come in as bytes.
public struct PlanHistory: Sendable {
    /// Oldest first, one per version that could be read as a plan.
    public var points: [HistoryPoint]
    /// Versions that are not text (a commit that made the plan binary), with the reason.
    public var unreadable: [(commit: String?, reason: String)]

    /// `versions` oldest first.
    public init(versions: [PlanVersion]) {
        self.init(versions: versions, rereading: true)
    }

    /// With `rereading`, a version that only ticks boxes or stamps the plan is read from
    /// the version before (`PlanDocument.rereading`); without, every version is scanned
    /// (what tests compare it with).
    init(versions: [PlanVersion], rereading: Bool) {
        points = []
        unreadable = []
        points.reserveCapacity(versions.count)
        var previous: [HistoryItem] = []
        var previousDocument: PlanDocument?
        var previousCounts = StateCounts()
        for version in versions {
            if version.bytes == previousDocument?.bytes {  // a rename, or a commit that changed other files with it
                points.append(HistoryPoint(commit: version.commit, date: version.date, author: version.author,
                                           counts: previousCounts))
                continue
            }
            let name = version.commit ?? "working tree"
            var items: [HistoryItem]
            var ticked: [Int]?
            let document: PlanDocument
            if rereading, let reread = previousDocument?.rereading(version.bytes, name: name) {
                document = reread.document
                items = previous
                for index in reread.changedItems { items[index].settled = document.items[index].state.isSettled }
                ticked = reread.changedItems
            } else {
                do {
                    document = try PlanDocument(bytes: version.bytes, name: name)
                } catch {
                    unreadable.append((version.commit, error.description))
                    continue
                }
                items = document.items.map(HistoryItem.init)
            }
            var point = HistoryPoint(commit: version.commit, date: version.date, author: version.author,
                                     counts: document.counts)
            if let ticked {  // the same items in the same places: only the ticked ones can have changed
                for index in ticked { Self.compare(previous[index], items[index], into: &point) }
            } else {
                Self.compare(previous, items, into: &point)
            }
            points.append(point)
            previous = items
            previousDocument = document
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
            compare(old[pair], item, into: &point)
        }
        for (item, matched) in zip(old, matchedOld) where !matched { point.removed.append(item.reference) }
    }

    /// Notes an item that one version closed or reopened.
    static func compare(_ old: HistoryItem, _ new: HistoryItem, into point: inout HistoryPoint) {
        if new.settled && !old.settled { point.closed.append(new.reference) }
        if !new.settled && old.settled { point.reopened.append(new.reference) }
    }

    /// Items still open (not done, aborted or cancelled) at the last point.
    public var openItems: Int {
        guard let last = points.last else { return 0 }
        return last.counts.total - last.counts.settled
    }
}
