import Foundation

/// Which item an edit means, described so that it can be found again after the file
/// changed on disk: by id, else by its line and text, else by its text alone.
public struct ItemLocator: Sendable, Equatable {
    public var id: String?
    public var line: Int
    public var text: String

    public init(id: String?, line: Int, text: String) {
        self.id = id
        self.line = line
        self.text = text
    }

    public init(_ item: PlanItem) {
        self.init(id: item.id, line: item.line, text: item.text)
    }

    /// The item in `document` this locator means, or nil where none fits unambiguously.
    public func find(in document: PlanDocument) -> PlanItem? {
        if let id {
            let withId = document.items.filter { $0.id == id }
            if withId.count == 1 { return withId[0] }
            if let exact = withId.first(where: { $0.text == text }) { return exact }
            return withId.min { abs($0.line - line) < abs($1.line - line) }
        }
        if let atLine = document.items.first(where: { $0.line == line }), atLine.text == text { return atLine }
        let sameText = document.items.filter { $0.text == text }
        if sameText.count == 1 { return sameText[0] }
        return sameText.min { abs($0.line - line) < abs($1.line - line) }
    }
}

/// Set one item's mark. The inverse of a change is a change too, which is how undo works.
public struct StateChange: Sendable, Equatable {
    public var item: ItemLocator
    public var mark: String

    public init(item: ItemLocator, mark: String) {
        self.item = item
        self.mark = mark
    }

    /// `todo`, `done`, `progress`, `aborted`, `cancelled`, or one raw mark character.
    public static func mark(forState word: String) throws(PlanError) -> String {
        if let state = ItemState(rawValue: word.lowercased()), let mark = state.canonicalMark { return mark }
        if word.count == 1, let scalar = word.unicodeScalars.first, scalar.value >= 0x20,
           scalar != "]", scalar != "\u{7F}", !(0x80...0x9F).contains(scalar.value) {
            return word
        }
        throw .unknownState(word)
    }
}

extension PlanDocument {
    /// The patches that set `item`'s mark and, with a `stamp`, Last Updated and Status.
    /// Empty when the mark already is `mark`: a no-op writes nothing.
    public func patches(setting mark: String, of item: PlanItem, stamp: Date?) -> [BytePatch] {
        guard item.mark != mark else { return [] }
        var patches = [BytePatch(offset: item.markOffset, expected: Array(item.mark.utf8), replacement: Array(mark.utf8))]
        guard let stamp else { return patches }
        if let field = lastUpdated {
            let value = Timestamp.rfc3339(stamp)
            if field.value != value {
                patches.append(BytePatch(offset: field.valueRange.lowerBound, expected: Array(field.value.utf8), replacement: Array(value.utf8)))
            }
        }
        if let field = status {
            var counts = self.counts
            counts.add(ItemState(mark: mark))
            counts.remove(item.state)
            let derived = counts.derivedStatus
            if field.value != derived {
                patches.append(BytePatch(offset: field.valueRange.lowerBound, expected: Array(field.value.utf8), replacement: Array(derived.utf8)))
            }
        }
        return patches
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

/// RFC 3339 UTC to the second, as CONTRACT §4 writes Last Updated. Formatted by hand:
/// Calendar and date formatters go through ICU, which costs more than the whole edit.
public enum Timestamp {
    public static func string(_ date: Date?) -> String? { date.map(rfc3339) }

    public static func rfc3339(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = total - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }
}
