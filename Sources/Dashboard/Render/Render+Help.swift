import PlanKit
extension Painter {
    /// The `?` overlay: every key, in a box over the middle of the screen.
    mutating func paintHelp() {
        let entries = KeyTable.bindings.map { (keys: $0.label, action: $0.help) }
        let keyWidth = entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let boxWidth = min(state.width - 4, keyWidth + 4 + (entries.map { DisplayWidth.of($0.action) }.max() ?? 0) + 2)
        let boxHeight = min(state.height - 2, entries.count + 3)
        let top = max(1, (state.height - boxHeight) / 2)
        let left = max(2, (state.width - boxWidth) / 2)
        for y in top..<(top + boxHeight) { canvas.fill(row: y, column: left, width: boxWidth, role: .text) }
        canvas.put(String(repeating: glyphs.horizontal, count: boxWidth), row: top, column: left, width: boxWidth, role: .border)
        canvas.put(" Keys ", row: top, column: left + 2, width: 6, role: .title, emphasis: .strong)
        canvas.put(String(repeating: glyphs.horizontal, count: boxWidth), row: top + boxHeight - 1, column: left,
                   width: boxWidth, role: .border)
        for (n, entry) in entries.enumerated() where n < boxHeight - 3 {
            let y = top + 1 + n
            canvas.put(entry.keys, row: y, column: left + 2, width: keyWidth, role: .itemId)
            canvas.put(entry.action, row: y, column: left + 4 + keyWidth, width: boxWidth - keyWidth - 6, role: .text)
        }
    }
}
