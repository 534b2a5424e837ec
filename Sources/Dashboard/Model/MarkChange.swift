import PlanKit

/// One mark changed on one item: what the run loop writes through PlanFile, and what
/// undo/redo replay. The item is found by id, else by line and text (CONTRACT §4).
public struct MarkChange: Sendable, Equatable {
    public var itemID: String?
    public var line: Int
    public var text: String
    public var from: String
    public var to: String

    public init(itemID: String?, line: Int, text: String, from: String, to: String) {
        self.itemID = itemID
        self.line = line
        self.text = text
        self.from = from
        self.to = to
    }

    public var inverse: MarkChange { MarkChange(itemID: itemID, line: line, text: text, from: to, to: from) }

    public var reference: ItemReference { itemID.map(ItemReference.id) ?? .line(line) }

    /// "TODO 2.5" or "line 48", for messages.
    public var itemName: String { reference.name }
}

/// Why a write was asked for, so its success lands on the right history stack.
public enum ChangeOrigin: Sendable, Equatable { case user, undo, redo }
