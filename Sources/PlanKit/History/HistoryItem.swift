/// What history remembers of an item between two versions: enough to match it in the
/// next version and to name it.
struct HistoryItem: Sendable {
    var reference: String
    var id: String?
    /// The item's text with its `TODO <id>` reduced to `TODO`, so a renumbered item
    /// still matches by text.
    var textKey: String
    var settled: Bool

    init(_ item: PlanItem) {
        reference = "\(item.reference)"
        id = item.id
        textKey = Self.textKey(item.text, id: item.id)
        settled = item.state.isSettled
    }

    static func textKey(_ text: String, id: String?) -> String {
        guard let id, let range = text.range(of: "TODO " + id) else { return text }
        return text.replacingCharacters(in: range, with: "TODO")
    }
}
