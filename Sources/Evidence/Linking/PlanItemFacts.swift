import PlanKit

/// What the evidence engine needs to know of one plan item. Kept apart from
/// PlanKit's `PlanItem` so that linking and verdicts are plain functions over
/// plain values; `PlanItemFacts(item:)` makes one from the plan model.
public struct PlanItemFacts: Sendable, Equatable {
    /// What the item's mark claims about the work.
    public enum Claim: Sendable, Equatable {
        case done
        case notDone
        /// Aborted or cancelled: nothing is claimed, nothing is held against evidence.
        case skipped
    }

    /// Position in the document (PlanItem.index).
    public var index: Int
    public var id: String?
    /// 1-based line of the item's first line.
    public var line: Int
    public var claim: Claim
    /// The state's name as the JSON shows it: "done", "todo", "aborted", …
    public var state: String
    /// The raw markdown of the item's first line after the mark.
    public var text: String
    /// Index of the parent item, if nested.
    public var parent: Int?

    public init(index: Int, id: String?, line: Int, claim: Claim, state: String, text: String, parent: Int?) {
        self.index = index
        self.id = id
        self.line = line
        self.claim = claim
        self.state = state
        self.text = text
        self.parent = parent
    }

    /// The item's id, else its line: the same references `mark` and `checks` take.
    public var reference: ItemReference { id.map(ItemReference.id) ?? .line(line) }
}
