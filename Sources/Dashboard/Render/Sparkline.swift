import PlanKit

/// A row of block heights for a series (closed items per week): `▁▂▄▆█`, or ` .:-=#` where
/// the locale cannot show blocks. Scaled to the series' largest value; the last `width` values.
enum Sparkline {
    static func render(_ values: [Int], top: Int, unicode: Bool, width: Int) -> String {
        let levels: [Character] = unicode ? ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] : [".", ":", "-", "=", "+", "*", "#"]
        let shown = values.suffix(max(0, width))
        let top = max(1, top)
        return String(shown.map { value in
            levels[min(levels.count - 1, max(0, value) * (levels.count - 1) / top)]
        })
    }
}

extension Painter {
    /// "closed/week ▁▂▄▆█" at the right of the header's second row, when history exists and room is left.
    mutating func paintSparkline(after used: Int) {
        guard let weeks = state.history?.weeks, weeks.count > 1 else { return }
        let label = "closed by week "
        let room = state.width - used - 3 - DisplayWidth.of(label)
        guard room >= 4 else { return }
        let line = Sparkline.render(weeks.map(\.closed), top: weeks.map(\.total).max() ?? 1, unicode: glyphs.unicode,
                                    width: min(room, 24))
        let width = DisplayWidth.of(label) + DisplayWidth.of(line)
        let column = state.width - width - 1
        let labelWidth = canvas.put(label, row: 1, column: column, width: width, role: .dim)
        canvas.put(line, row: 1, column: column + labelWidth, width: width - labelWidth, role: .progressFilled)
    }

    /// The history view (`H`): the burn-up drawn by `plantrack history`'s chart, then the last changes.
    func historyLines(width: Int) -> [[StyledRun]] {
        guard let history = state.history else {
            let why = state.historyProblem ?? "The plan's history is being read from git…"
            return Wrap.lines([StyledRun(why, role: .dim)], width: width)
        }
        var lines = BurnUpChart.render(history.weeks, unit: "week", unicode: glyphs.unicode, width: width, height: 8)
            .split(separator: "\n", omittingEmptySubsequences: false).map { [StyledRun(String($0))] }
        if let forecast = Forecast(points: history.points) {
            lines.append([StyledRun(forecast.sentence, role: .text)])
        }
        lines.append([])
        lines.append([StyledRun("Last changes", .strong)])
        for point in history.points.reversed().filter(\.hasChanges).prefix(30) {
            lines += Wrap.lines([StyledRun(Self.describe(point), role: .text)], width: width)
        }
        return lines
    }

    /// "2026-11-20 ann (3f2a1b2): closed 2.1, 2.2; reopened 1.4".
    static func describe(_ point: HistoryPoint) -> String {
        let day = String(Timestamp.rfc3339(point.date).prefix(10))
        let who = point.author.map { " " + $0 } ?? ""
        let commit = point.commit.map { " (" + String($0.prefix(7)) + ")" } ?? " (not committed)"
        var parts: [String] = []
        if !point.closed.isEmpty { parts.append("closed " + point.closed.joined(separator: ", ")) }
        if !point.reopened.isEmpty { parts.append("reopened " + point.reopened.joined(separator: ", ")) }
        if !point.added.isEmpty { parts.append("added " + point.added.joined(separator: ", ")) }
        if !point.removed.isEmpty { parts.append("removed " + point.removed.joined(separator: ", ")) }
        return day + who + commit + ": " + parts.joined(separator: "; ")
    }

    /// "closed 2026-11-20 by ann, commit 3f2a1b2" for the Detail pane; nil when history does not know.
    func closedLine(_ item: OutlineItem) -> String? {
        guard item.state.isSettled, let point = state.history?.lastClosed[item.reference.description] else { return nil }
        let day = String(Timestamp.rfc3339(point.date).prefix(10))
        let who = point.author.map { " by " + $0 } ?? ""
        let commit = point.commit.map { ", commit " + String($0.prefix(7)) } ?? ", not committed yet"
        return "closed " + day + who + commit
    }
}
