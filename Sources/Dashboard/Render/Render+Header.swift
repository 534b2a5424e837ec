import PlanKit
extension Painter {
    /// Title, Status and Last Updated; below them the overall progress bar with counts.
    mutating func paintHeader() {
        let outline = state.outline
        let status = "Status: \(outline.status ?? "—")"
        let updated = "Updated: \(Self.describeStamp(outline.lastUpdated))"
        let right = status + glyphs.separator + updated
        let rightWidth = DisplayWidth.of(right)
        let titleRoom = max(10, state.width - rightWidth - 3)
        canvas.put(InlineText.runs(outline.title ?? fileName), row: 0, column: 1, width: titleRoom, role: .header)
        if state.width - rightWidth - 1 > 12 {
            canvas.put(right, row: 0, column: state.width - rightWidth - 1, width: rightWidth, role: .dim)
        }

        let counts = outline.counts
        var summary = "\(counts.settled)/\(counts.total) closed" + glyphs.separator + "\(counts.done) done"
        if counts.progress > 0 { summary += glyphs.separator + "\(counts.progress) in progress" }
        if counts.aborted > 0 { summary += glyphs.separator + "\(counts.aborted) aborted" }
        if counts.cancelled > 0 { summary += glyphs.separator + "\(counts.cancelled) cancelled" }
        summary += glyphs.separator + "\(counts.todo) to do"
        if counts.other > 0 { summary += glyphs.separator + "\(counts.other) other" }
        let sparkline = state.history == nil ? 0 : 24  // room kept for "closed by week ▁▂▄█"
        let barWidth = max(10, min(40, state.width - DisplayWidth.of(summary) - 4 - sparkline))
        paintBar(counts: counts, row: 1, column: 1, width: barWidth)
        let used = canvas.put(summary, row: 1, column: barWidth + 2, width: state.width - barWidth - 3, role: .text)
        paintSparkline(after: barWidth + 2 + used)
    }

    mutating func paintBar(counts: StateCounts, row: Int, column: Int, width: Int) {
        let fraction = counts.total == 0 ? 0 : Double(counts.settled) / Double(counts.total)
        let bar = glyphs.bar(filled: fraction, width: width)
        let used = canvas.put(bar.full, row: row, column: column, width: width, role: .progressFilled)
        canvas.put(bar.empty, row: row, column: column + used, width: width - used, role: .progressEmpty)
    }

    var fileName: String { state.outline.path.split(separator: "/").last.map(String.init) ?? "plan" }

    /// "{{TIMESTAMP}}" is a plan never stamped.
    static func describeStamp(_ value: String?) -> String {
        guard let value else { return "—" }
        return value == "{{TIMESTAMP}}" ? "never" : value
    }
}
