/// A task item: a list item whose first line reads `[c]` and whitespace.
public struct PlanItem: Sendable, Equatable {
    /// Position in `PlanDocument.items`, which is document order.
    public var index: Int
    /// The `TODO <id>` of the first line (`2.5`, `3.2.1`); nil when it has none.
    public var id: String?
    /// 1-based line of the item's first line.
    public var line: Int
    /// Byte offset of the mark character in the file.
    public var markOffset: Int
    /// The mark as written: one character, which may take several bytes.
    public var mark: String
    public var state: ItemState
    /// The first line after `[c]` and its whitespace, as raw markdown, trailing blanks trimmed.
    public var text: String
    /// Index of the nearest enclosing task item, through plain bullets.
    public var parent: Int?
    public var children: [Int]
    /// 0 for a task with no enclosing task.
    public var depth: Int
    /// Index into `PlanDocument.sections`.
    public var section: Int
    /// The last non-blank line of the item, nested content included.
    public var endLine: Int

    /// The item's id, else its line: how commands, config keys and sentences name it.
    public var reference: ItemReference { id.map(ItemReference.id) ?? .line(line) }
}

extension PlanItem {
    /// The nearest task this item sits under that is aborted or cancelled: a step of a task
    /// that is not going to be done is not going to be done either. nil when no task above
    /// it is set aside, and for a step already done: its mark still claims the work happened,
    /// and that claim is judged. `item` finds a task by its `index`.
    public func setAsideAncestor(_ item: (Int) -> PlanItem?) -> PlanItem? {
        guard state != .done else { return nil }
        var seen = Set<Int>()
        var cursor = parent
        while let index = cursor, seen.insert(index).inserted, let ancestor = item(index) {
            if ancestor.state.isSetAside { return ancestor }
            cursor = ancestor.parent
        }
        return nil
    }
}
