import PlanKit
extension Painter {
    /// Title, Status and Last Updated; below them the overall progress bar with counts.
    /// The title and the stamp are never cut: a long Status is (issue 10 point 12), and a
    /// written Status the tasks no longer agree with shows the derived one beside it.
    mutating func paintHeader() {
        let outline = state.outline
        let title = InlineText.runs(outline.title ?? fileName)
        let stamp = Self.describeStamp(outline.lastUpdated)
        let counts = outline.counts  // once: a pass over every item
        let derived = counts.derivedStatus
        let status = "Status: " + (outline.status ?? "—")
        let stale = outline.status.map { $0 != derived } ?? false
        let titleWidth = min(title.reduce(0) { $0 + DisplayWidth.of($1.text) }, max(10, state.width - 2))
        canvas.put(title, row: 0, column: 1, width: titleWidth, role: .header)
        // The stamp and what the tasks say, from the right, in the first wording that lets
        // Status show whole (else the one that leaves it most room): Status is what is cut.
        let wordings = [("Updated: " + stamp, " (tasks: \(derived))"),
                        (stamp == "never" ? "never stamped" : stamp, " (tasks: \(derived))"),
                        (stamp == "never" ? "never stamped" : stamp, (state.unicode ? " → " : " -> ") + derived)]
        let statusWidth = DisplayWidth.of(status)
        let fits = wordings.map { wording in
            (wording, state.width - 1 - DisplayWidth.of(wording.0) - DisplayWidth.of(glyphs.separator)
                - (stale ? DisplayWidth.of(wording.1) : 0) - (titleWidth + 3))
        }
        guard let (wording, room) = fits.first(where: { $0.1 >= statusWidth }) ?? fits.max(by: { $0.1 < $1.1 }),
              room >= 0 else { return paintCounts(counts) }
        var right = state.width - 1
        func putRight(_ text: String, role: StyleRole) {
            right -= DisplayWidth.of(text)
            canvas.put(text, row: 0, column: right, width: DisplayWidth.of(text), role: role)
        }
        let shown = min(room, statusWidth)
        putRight(wording.0, role: .dim)
        guard shown >= 9 else { return paintCounts(counts) }  // no room for Status: the stamp alone
        putRight(glyphs.separator, role: .dim)
        if stale { putRight(wording.1, role: .warning) }
        do {
            canvas.put([StyledRun(status)], row: 0, column: right - shown, width: shown, role: stale ? .stale : .dim)
        }
        paintCounts(counts)
    }

    /// The second header row: the overall bar and the counts.
    mutating func paintCounts(_ counts: StateCounts) {
        var summary = "\(counts.settled)/\(counts.total) closed" + glyphs.separator + "\(counts.done) done"
        if counts.progress > 0 { summary += glyphs.separator + "\(counts.progress) in progress" }
        if counts.aborted > 0 { summary += glyphs.separator + "\(counts.aborted) aborted" }
        if counts.cancelled > 0 { summary += glyphs.separator + "\(counts.cancelled) cancelled" }
        summary += glyphs.separator + "\(counts.todo) to do"
        if counts.other > 0 { summary += glyphs.separator + "\(counts.other) other" }
        let drift = state.driftItems.count
        if drift > 0 { summary += glyphs.separator + "\(drift) drift" }
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
