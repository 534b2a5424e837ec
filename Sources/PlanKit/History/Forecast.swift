import Foundation

/// When the open items would close at the pace of the last weeks: the closed items
/// (net of reopened ones) over the last 4 weeks of history, projected from the last point.
public struct Forecast: Sendable, Equatable {
    /// Items a week.
    public var rate: Double
    public var open: Int
    /// The day the last open item would close.
    public var date: Date
    /// How the rate was measured, for readers of the JSON.
    public var basis: String

    /// The window the rate is measured over, ending at the last point.
    public static let window: TimeInterval = 28 * 86_400
    /// A history shorter than this is measured over this, so one busy day is not a pace.
    public static let shortestWindow: TimeInterval = 7 * 86_400

    /// Nil when nothing is open or nothing closed in the window (no rate to project from).
    public init?(points: [HistoryPoint]) {
        guard let first = points.first, let last = points.last else { return nil }
        let open = last.counts.total - last.counts.settled
        let span = last.date.timeIntervalSince(first.date)
        let window = min(Self.window, max(Self.shortestWindow, span))
        let start = last.date.addingTimeInterval(-window)
        let closed = points.filter { $0.date > start }.reduce(0) { $0 + $1.closed.count - $1.reopened.count }
        guard open > 0, closed > 0 else { return nil }
        self.open = open
        rate = Double(closed) / (window / (7 * 86_400))
        date = last.date.addingTimeInterval(Double(open) / rate * 7 * 86_400)
        let days = Int((window / 86_400).rounded())
        basis = window == Self.window ? "closed items, last 4 weeks" : "closed items, last \(days) days (all the history)"
    }

    /// `2027-01-15`.
    public var day: String { String(Timestamp.rfc3339(date).prefix(10)) }

    /// The rate to two decimals, as JSON gives it.
    public var roundedRate: Double { (rate * 100).rounded() / 100 }

    /// "at 2.5 items a week, the 18 open items close around 2027-01-15"
    public var sentence: String {
        let pace = Self.decimal(rate, places: 2)
        let items = pace == "1" ? "item" : "items"
        let subject = open == 1 ? "the 1 open item closes" : "the \(open) open items close"
        return "at \(pace) \(items) a week, \(subject) around \(day)"
    }

    /// `2.5`, `0.75`, `3` (no trailing zeros).
    static func decimal(_ value: Double, places: Int) -> String {
        let text = String(format: "%.\(places)f", value)
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
