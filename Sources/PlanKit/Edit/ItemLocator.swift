/// Which item an edit means, described so that it can be found again after the file
/// changed on disk: by id, else by its text (CONTRACT §4).
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

    /// The item's reference as it stood when the locator was made.
    public var reference: ItemReference { id.map(ItemReference.id) ?? .line(line) }

    /// How sentences name the item: `TODO 2.5` or `line 48`.
    public var name: String { reference.name }

    /// The item in `document` this locator means. `exact` says the document is the one
    /// the locator was made from, so its line can be trusted; after an outside edit the
    /// item is found by id, or by its text when that names one item, and a text that
    /// names two is refused rather than guessed.
    public func locate(in document: PlanDocument, exact: Bool) throws(PlanError) -> PlanItem {
        let candidates = id.map { id in document.items.filter { $0.id == id } } ?? document.items.filter { $0.text == text }
        if candidates.count == 1 { return candidates[0] }
        if exact, let atLine = candidates.first(where: { $0.line == line && $0.text == text }) { return atLine }
        let sameText = id == nil ? candidates : candidates.filter { $0.text == text }
        if sameText.count == 1 { return sameText[0] }
        if candidates.isEmpty || (id == nil && sameText.isEmpty) {
            throw exact ? .unknownItem(path: document.name, reference: description)
                        : .itemGone(path: document.name, reference: description)
        }
        let lines = (sameText.isEmpty ? candidates : sameText).map(\.line)
        if exact { throw .ambiguousReference(path: document.name, reference: description, lines: lines) }
        throw .ambiguousAfterEdit(path: document.name, reference: name, lines: lines)
    }

    private var description: String { id ?? "L\(line)" }
}
