import PlanKit

/// The burn-up as inline SVG for the HTML report: the total as a line, the closed items
/// as a filled area, with a title and a description that say the same in words.
enum BurnUpSVG {
    static let width = 640.0, height = 240.0, left = 40.0, bottom = 24.0, top = 10.0, right = 10.0

    static func render(_ given: [BurnUpBucket], unit: String) -> String {
        // One bucket is drawn across the width, as a level, not as a point.
        let buckets = given.count == 1 ? given + given : given
        guard let first = buckets.first, let last = buckets.last else { return "" }
        let peak = Double(max(1, buckets.map(\.total).max() ?? 1))
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ i: Int) -> Double { left + Double(i) * plotWidth / Double(buckets.count - 1) }
        func y(_ v: Int) -> Double { top + plotHeight - Double(v) / peak * plotHeight }
        func n(_ d: Double) -> String { String(Int(d.rounded())) }
        let total = buckets.enumerated().map { "\(n(x($0.offset))),\(n(y($0.element.total)))" }.joined(separator: " ")
        let closedLine = buckets.enumerated().map { "\(n(x($0.offset))),\(n(y($0.element.closed)))" }
        let area = (["\(n(x(0))),\(n(y(0)))"] + closedLine + ["\(n(x(buckets.count - 1))),\(n(y(0)))"]).joined(separator: " ")
        let summary = "Burn-up by \(unit) from \(first.label) to \(last.label): \(last.closed) of \(last.total) items closed at the end, \(first.closed) of \(first.total) at the start."
        return """
            <svg class="burnup" viewBox="0 0 \(n(width)) \(n(height))" role="img" aria-labelledby="burnup-title burnup-desc">
            <title id="burnup-title">Burn-up by \(HTMLText.escaped(unit))</title>
            <desc id="burnup-desc">\(HTMLText.escaped(summary))</desc>
            <line class="axis" x1="\(n(left))" y1="\(n(y(0)))" x2="\(n(width - right))" y2="\(n(y(0)))"/>
            <line class="axis" x1="\(n(left))" y1="\(n(top))" x2="\(n(left))" y2="\(n(y(0)))"/>
            <polygon class="closed" points="\(area)"/>
            <polyline class="total" points="\(total)"/>
            <text x="\(n(left - 6))" y="\(n(top + 4))" text-anchor="end">\(Int(peak))</text>
            <text x="\(n(left - 6))" y="\(n(y(0)))" text-anchor="end">0</text>
            <text x="\(n(left))" y="\(n(height - 6))">\(HTMLText.escaped(first.label))</text>
            <text x="\(n(width - right))" y="\(n(height - 6))" text-anchor="end">\(HTMLText.escaped(last.label))</text>
            </svg>
            """
    }

    /// One bar per phase: the settled share filled.
    static func bar(settled: Int, total: Int, label: String) -> String {
        let filled = total == 0 ? 0 : Int((Double(settled) / Double(total) * 100).rounded())
        return """
            <svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img"><title>\(HTMLText.escaped(label))</title>\
            <rect class="open" width="100" height="6"/><rect class="done" width="\(filled)" height="6"/></svg>
            """
    }
}
