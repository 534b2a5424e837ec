import Foundation

/// How the burn-up groups its points: one column per commit, per day or per week.
public enum HistoryBucketing: String, Sendable, CaseIterable {
    case commit, day, week
}

/// One column of the burn-up: the plan as the last version in it left it.
public struct BurnUpBucket: Sendable, Equatable {
    /// A short commit, `work tree`, or the first day of the day or week (`2026-11-16`).
    public var label: String
    public var closed: Int
    public var total: Int

    public init(label: String, closed: Int, total: Int) {
        self.label = label
        self.closed = closed
        self.total = total
    }
}

public enum BurnUp {
    /// The columns of the chart. Days and weeks (from Monday, UTC) are continuous: a
    /// stretch without commits repeats the values before it, so time reads evenly.
    public static func buckets(_ points: [HistoryPoint], by bucketing: HistoryBucketing) -> [BurnUpBucket] {
        switch bucketing {
        case .commit:
            return points.map {
                BurnUpBucket(label: $0.commit.map { String($0.prefix(7)) } ?? "work tree",
                             closed: $0.closedCount, total: $0.counts.total)
            }
        case .day: return continuous(points, days: 1)
        case .week: return continuous(points, days: 7)
        }
    }

    private static func continuous(_ points: [HistoryPoint], days: Int) -> [BurnUpBucket] {
        var latest: [Int: HistoryPoint] = [:]
        for point in points { latest[key(point.date, days: days)] = point }
        guard let first = latest.keys.min(), let last = latest.keys.max() else { return [] }
        var buckets: [BurnUpBucket] = []
        var carried: HistoryPoint?
        for key in first...last {
            carried = latest[key] ?? carried
            guard let point = carried else { continue }
            buckets.append(BurnUpBucket(label: label(key, days: days), closed: point.closedCount, total: point.counts.total))
        }
        return buckets
    }

    /// Days since 1970-01-01, or weeks since the Monday before it (1969-12-29).
    private static func key(_ date: Date, days: Int) -> Int {
        let day = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        guard days == 7 else { return day }
        let sinceMonday = day + 3
        return sinceMonday >= 0 ? sinceMonday / 7 : (sinceMonday - 6) / 7
    }

    private static func label(_ key: Int, days: Int) -> String {
        let day = days == 7 ? key * 7 - 3 : key
        return String(Timestamp.rfc3339(Date(timeIntervalSince1970: Double(day) * 86_400)).prefix(10))
    }
}
