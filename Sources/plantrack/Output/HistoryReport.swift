import PlanKit

/// `plantrack history`: CONTRACT §12's JSON, or a burn-up chart, the last changes and
/// the forecast for a terminal.
enum HistoryReport {
    static func json(_ loaded: LoadedHistory, planPath: String) -> JSONValue {
        .object([
            ("plan", .string(planPath)),
            ("points", .array(loaded.history.points.map(point))),
            ("forecast", loaded.forecast.map(forecast) ?? .null),
        ])
    }

    static func point(_ point: HistoryPoint) -> JSONValue {
        .object([
            ("commit", .optional(point.commit)),
            ("date", .string(Timestamp.rfc3339(point.date))),
            ("author", .optional(point.author)),
            ("counts", StatusReport.counts(point.counts)),
            ("closed", .array(point.closed.map(JSONValue.string))),
            ("reopened", .array(point.reopened.map(JSONValue.string))),
            ("added", .array(point.added.map(JSONValue.string))),
            ("removed", .array(point.removed.map(JSONValue.string))),
        ])
    }

    static func forecast(_ forecast: Forecast) -> JSONValue {
        .object([
            ("date", .string(forecast.day)),
            ("rate", .decimal(forecast.roundedRate)),
            ("per", .string("week")),
            ("basis", .string(forecast.basis)),
        ])
    }

    static func text(_ loaded: LoadedHistory, document: PlanDocument, planPath: String,
                     by bucketing: HistoryBucketing, unicode: Bool) -> String {
        let clean = TerminalText.sanitized
        let points = loaded.history.points
        guard let first = points.first, let last = points.last else {
            return clean(planPath) + ": git holds no version of the plan yet."
        }
        var out = clean(document.title ?? planPath) + ": \(points.count) version\(points.count == 1 ? "" : "s"), "
            + day(first) + " to " + day(last) + "\n\n"
        out += BurnUpChart.render(BurnUp.buckets(points, by: bucketing), unit: bucketing.rawValue, unicode: unicode)
        let changed = points.filter(\.hasChanges).suffix(5).reversed()
        if !changed.isEmpty {
            out += "\nLast changes:\n"
            for point in changed {
                let who = clean(point.author ?? "(uncommitted)")
                let commit = point.commit.map { String($0.prefix(7)) } ?? "work tree"
                out += "  " + day(point) + "  " + commit + "  " + who + ": " + changes(point) + "\n"
            }
        }
        out += "\nForecast: " + (loaded.forecast.map { $0.sentence + "." }
            ?? "none: no item closed (net of reopened ones) in the last 4 weeks of history.")
        return out
    }

    /// "closed 2.1, 2.2; added 3.1 and 4 more"
    static func changes(_ point: HistoryPoint) -> String {
        let parts: [(String, [String])] = [("closed", point.closed), ("reopened", point.reopened),
                                           ("added", point.added), ("removed", point.removed)]
        return parts.filter { !$0.1.isEmpty }.map { verb, names in
            let shown = names.prefix(4).map(TerminalText.sanitized).joined(separator: ", ")
            return verb + " " + shown + (names.count > 4 ? " and \(names.count - 4) more" : "")
        }.joined(separator: "; ")
    }

    static func day(_ point: HistoryPoint) -> String { String(Timestamp.rfc3339(point.date).prefix(10)) }
}
