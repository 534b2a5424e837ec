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

    /// Searched in UTF-8 bytes: history builds one key per item per version, and
    /// Foundation's string search was most of the time of a long history.
    static func textKey(_ text: String, id: String?) -> String {
        guard let id else { return text }
        let bytes = Array(text.utf8), needle = Array(("TODO " + id).utf8)
        guard bytes.count >= needle.count else { return text }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) {
                return String(decoding: bytes[..<start] + Array("TODO".utf8) + bytes[(start + needle.count)...], as: UTF8.self)
            }
        }
        return text
    }
}
