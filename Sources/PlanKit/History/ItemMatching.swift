/// Pairs the items of one version with those of the next, so that an item renumbered,
/// moved to another phase or to another line is the same item, not one removed and one
/// added. Pairs are made in three passes, each over what the ones before left:
/// 1. the same id and the same text;
/// 2. the same text (a renumbered item; among equal texts, in document order);
/// 3. the same id (an item whose text was edited).
/// The first pass keeps a renumbering that shifts ids (2.6 becoming 2.5 after 2.5 was
/// deleted) from pairing the old 2.5 with the new one.
enum ItemMatching {
    /// For each item of `new`, the index in `old` of the same item, or nil when it is new.
    static func match(old: [HistoryItem], new: [HistoryItem]) -> [Int?] {
        // Most versions change marks only: the same items in the same order pair up as they stand.
        if old.count == new.count, zip(old, new).allSatisfy({ $0.id == $1.id && $0.textKey == $1.textKey }) {
            return old.indices.map { $0 }
        }
        var pairs = [Int?](repeating: nil, count: new.count)
        var oldTaken = [Bool](repeating: false, count: old.count)
        func pass(_ key: (HistoryItem) -> String?) {
            var waiting: [String: [Int]] = [:]
            for (index, item) in old.enumerated().reversed() where !oldTaken[index] {
                if let k = key(item) { waiting[k, default: []].append(index) }
            }
            for (index, item) in new.enumerated() where pairs[index] == nil {
                guard let k = key(item), let oldIndex = waiting[k]?.popLast() else { continue }
                pairs[index] = oldIndex
                oldTaken[oldIndex] = true
            }
        }
        pass { item in item.id.map { $0 + "\u{0}" + item.textKey } }
        pass { $0.textKey }
        pass { $0.id }
        return pairs
    }
}
