import PlanKit

/// Finds items of an earlier reading of the plan in a new one, the way writes find them
/// (`ItemLocator`, CONTRACT §4): by id, else by the item's text; when several share it,
/// the one nearest the old line. The selection and the last probe's verdicts follow
/// their items this way after another program inserts or removes lines (issue 10 point 6).
struct ItemFinder {
    private let outline: PlanOutline
    private var byID: [String: [Int]] = [:]
    private var byText: [String: [Int]] = [:]

    init(_ outline: PlanOutline) {
        self.outline = outline
        for item in outline.items {
            if let id = item.id { byID[id, default: []].append(item.index) } else { byText[item.text, default: []].append(item.index) }
        }
    }

    /// The item `old` is now; nil when it is gone.
    func find(_ old: PlanItem) -> OutlineItem? {
        let named = old.id.map { byID[$0] ?? [] } ?? byText[old.text] ?? []
        let sameText = named.filter { outline.items[$0].text == old.text }
        let candidates = sameText.isEmpty ? named : sameText
        return candidates.min { abs(outline.items[$0].line - old.line) < abs(outline.items[$1].line - old.line) }
            .map { outline.items[$0] }
    }
}
