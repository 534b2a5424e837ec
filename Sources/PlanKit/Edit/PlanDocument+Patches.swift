import Foundation

extension PlanDocument {
    /// The patches that set `item`'s mark and, with a `stamp`, Last Updated and Status
    /// (Status only while it holds a derived value or nothing: any other is the author's);
    /// with `restoring`, both values are set back to those instead. Empty when nothing
    /// would change.
    public func patches(setting mark: String, of item: PlanItem, stamp: Date?, restoring: MarkedState? = nil) -> [BytePatch] {
        var patches: [BytePatch] = []
        if item.mark != mark {
            patches.append(BytePatch(offset: item.markOffset, expected: Array(item.mark.utf8), replacement: Array(mark.utf8)))
        }
        if let restoring {
            patches += Self.patch(lastUpdated, to: restoring.lastUpdated)
            patches += Self.patch(status, to: restoring.status)
            return patches
        }
        guard !patches.isEmpty, let stamp else { return patches }
        patches += Self.patch(lastUpdated, to: Timestamp.rfc3339(stamp))
        if let field = status, StateCounts.isDerived(status: field.value) {
            var counts = self.counts
            counts.add(ItemState(mark: mark))
            counts.remove(item.state)
            patches += Self.patch(field, to: counts.derivedStatus)
        }
        return patches
    }

    private static func patch(_ field: MetadataField?, to value: String?) -> [BytePatch] {
        guard let field, let value, field.value != value else { return [] }
        return [BytePatch(offset: field.valueRange.lowerBound, expected: Array(field.value.utf8), replacement: Array(value.utf8))]
    }
}

extension StateCounts {
    mutating func remove(_ state: ItemState) {
        switch state {
        case .todo: todo -= 1
        case .done: done -= 1
        case .progress: progress -= 1
        case .aborted: aborted -= 1
        case .cancelled: cancelled -= 1
        case .other: other -= 1
        }
    }
}
