/// The burn-up as text for a terminal: closed items as full blocks under the total as a
/// light shade, one column (or a few) per bucket, at most 80 columns wide. Where the
/// locale is not UTF-8, `#` and `.` stand in.
public enum BurnUpChart {
    public static func render(_ buckets: [BurnUpBucket], unit: String, unicode: Bool,
                              width: Int = 80, height: Int = 10) -> String {
        guard !buckets.isEmpty else { return "" }
        let glyph = unicode
            ? (closed: "█", total: "░", axis: "│", corner: "└", rule: "─")
            : (closed: "#", total: ".", axis: "|", corner: "+", rule: "-")
        let top = max(1, buckets.map(\.total).max() ?? 1)
        let labelWidth = String(top).count + 1
        let plotWidth = width - labelWidth - 2
        let shown = Array(buckets.suffix(plotWidth))
        let columnWidth = max(1, min(3, plotWidth / shown.count))

        var lines: [String] = []
        var header = "Burn-up by \(unit): \(glyph.closed) closed, \(glyph.total) total"
        if shown.count < buckets.count { header += " (the last \(shown.count) of \(buckets.count))" }
        lines.append(header)
        for row in stride(from: height, through: 1, by: -1) {
            let label = row == height ? String(top) : ""
            var line = pad(label, labelWidth) + " " + glyph.axis
            for bucket in shown {
                let cell = filled(bucket.closed, row, top, height) ? glyph.closed
                    : filled(bucket.total, row, top, height) ? glyph.total : " "
                line += String(repeating: cell, count: columnWidth)
            }
            lines.append(trimmedRight(line))
        }
        let plotted = shown.count * columnWidth
        lines.append(pad("0", labelWidth) + " " + glyph.corner + String(repeating: glyph.rule, count: plotted))
        lines.append(String(repeating: " ", count: labelWidth + 2) + axisLabels(shown, plotted))
        return lines.map { $0 + "\n" }.joined()
    }

    /// Whether a value reaches row `row` (1 = bottom): each row stands for top/height items.
    private static func filled(_ value: Int, _ row: Int, _ top: Int, _ height: Int) -> Bool {
        value > 0 && (value * height + top - 1) / top >= row
    }

    /// The first bucket's label at the left, the last one's at the right when both fit.
    private static func axisLabels(_ shown: [BurnUpBucket], _ plotted: Int) -> String {
        let first = shown[0].label, last = shown[shown.count - 1].label
        guard shown.count > 1, plotted >= first.count + last.count + 1 else { return first }
        return first + String(repeating: " ", count: plotted - first.count - last.count) + last
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func trimmedRight(_ line: String) -> String {
        var line = Substring(line)
        while line.hasSuffix(" ") { line = line.dropLast() }
        return String(line)
    }
}
