import Foundation

/// Set one item's mark. The inverse of a change is a change too, which is how undo works:
/// it carries what the change wrote (and applies only while the file still holds it) and
/// what it replaced (the mark and both metadata values, restored byte for byte).
public struct StateChange: Sendable, Equatable {
    public var item: ItemLocator
    public var mark: String
    /// True when the user asked for a state (`done`) rather than a character: an item
    /// already in that state is left as it is (`done` on `[X]` writes nothing).
    public var byState: Bool
    /// For undo and redo: what the file must still hold, else nothing is written.
    public var expected: MarkedState?
    /// For undo and redo: the metadata values written back instead of a stamp.
    public var restoring: MarkedState?

    public init(item: ItemLocator, mark: String, byState: Bool = false,
                expected: MarkedState? = nil, restoring: MarkedState? = nil) {
        self.item = item
        self.mark = mark
        self.byState = byState
        self.expected = expected
        self.restoring = restoring
    }

    /// What `plantrack mark ID STATE` asks: a state word, or one raw mark character.
    public init(item: ItemLocator, requested word: String) throws(PlanError) {
        if let state = ItemState(rawValue: word.lowercased()), let mark = state.canonicalMark {
            self.init(item: item, mark: mark, byState: true)
        } else {
            self.init(item: item, mark: try Self.rawMark(word))
        }
    }

    /// Undo or redo of a change that turned `before` into `after`: back to `before`,
    /// only while the file still holds `after`.
    public static func reverting(_ item: ItemLocator, from after: MarkedState, to before: MarkedState) -> StateChange {
        StateChange(item: item, mark: before.mark, expected: after, restoring: before)
    }

    /// `todo`, `done`, `progress`, `aborted`, `cancelled`, or one raw mark character.
    public static func mark(forState word: String) throws(PlanError) -> String {
        if let state = ItemState(rawValue: word.lowercased()), let mark = state.canonicalMark { return mark }
        return try rawMark(word)
    }

    /// One code point that the scanner reads back as a mark (CONTRACT §4): `é` written
    /// as e + U+0301, 👍🏽 or 🇺🇸 look like one character but would break the task.
    static func rawMark(_ word: String) throws(PlanError) -> String {
        let scalars = Array(word.unicodeScalars)
        guard let scalar = scalars.first else { throw .unknownState(word) }
        if scalars.count > 1 {
            if word.count > 1 { throw .unknownState(word) }
            let points = scalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
            throw .unusableMark(mark: word, reason: "it is \(scalars.count) code points (\(points))")
        }
        if scalar.value < 0x20 || scalar == "]" || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
            throw .unknownState(word)
        }
        let probe = try? PlanDocument(bytes: Array("- [\(word)] t\n".utf8))
        guard probe?.items.count == 1, probe?.items.first?.mark == word else {
            throw .unusableMark(mark: word, reason: "a task written with it does not read back as a task")
        }
        return word
    }

    /// True when applying this change to `item` would change nothing the user asked for.
    func isNoOp(for item: PlanItem) -> Bool {
        guard restoring == nil else { return false }
        if item.mark == mark { return true }
        return byState && item.state != .other && ItemState(mark: mark) == item.state
    }
}

/// An item's mark with the plan's two metadata values: what a change found, and what
/// it wrote. Values are the raw text between the backticks; nil where the plan has no
/// such field.
public struct MarkedState: Sendable, Equatable {
    public var mark: String
    public var lastUpdated: String?
    public var status: String?

    public init(mark: String, lastUpdated: String?, status: String?) {
        self.mark = mark
        self.lastUpdated = lastUpdated
        self.status = status
    }

    public init(_ item: PlanItem, in document: PlanDocument) {
        self.init(mark: item.mark, lastUpdated: document.lastUpdated?.value, status: document.status?.value)
    }

    /// What differs from `other`, in words, for "changed on disk" sentences.
    func difference(from other: MarkedState) -> String {
        if mark != other.mark { return "it is [\(mark)], not the [\(other.mark)] that was written" }
        if status != other.status { return "Status is '\(status ?? "")', not '\(other.status ?? "")'" }
        return "Last Updated is '\(lastUpdated ?? "")', not '\(other.lastUpdated ?? "")'"
    }
}
