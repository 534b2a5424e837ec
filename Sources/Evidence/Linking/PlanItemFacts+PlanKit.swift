import PlanKit

extension PlanItemFacts {
    /// The facts of one item of a PlanKit document.
    public init(item: PlanItem) {
        let claim: Claim
        switch item.state {
        case .done: claim = .done
        case .aborted, .cancelled: claim = .skipped
        case .todo, .progress, .other: claim = .notDone
        }
        self.init(index: item.index, id: item.id, line: item.line, claim: claim, state: item.state.rawValue,
                  text: item.text, parent: item.parent)
    }

    /// Every item of the document, in document order.
    public static func all(in document: PlanDocument) -> [PlanItemFacts] {
        document.items.map(PlanItemFacts.init(item:))
    }
}
