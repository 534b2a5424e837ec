import PlanKit

/// `verify --format junit` (CONTRACT §8): one `<testsuite>` per stage and one `<testcase>`
/// per listed item, classed by its phase. Drift fails; skipped and unchecked items are
/// skipped; the other verdicts pass.
struct JUnitReport {
    /// Each stage asked for, with its rows, in the order asked.
    var stages: [(stage: String, rows: [CIVerdictRow])]
    var plan: String

    var document: String {
        let tests = stages.reduce(0) { $0 + $1.rows.count }
        let failures = stages.reduce(0) { $0 + $1.rows.filter(\.isFailure).count }
        let skipped = stages.reduce(0) { $0 + $1.rows.filter(\.isSkipped).count }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\"plantrack verify\" tests=\"\(tests)\" failures=\"\(failures)\" skipped=\"\(skipped)\">",
        ]
        for (stage, rows) in stages { lines += suite(stage: stage, rows: rows) }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n")
    }

    private func suite(stage: String, rows: [CIVerdictRow]) -> [String] {
        let failures = rows.filter(\.isFailure).count
        let skipped = rows.filter(\.isSkipped).count
        var lines = ["  <testsuite name=\"\(Self.escape(stage))\" tests=\"\(rows.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">"]
        for row in rows { lines += testcase(row) }
        lines.append("  </testsuite>")
        return lines
    }

    private func testcase(_ row: CIVerdictRow) -> [String] {
        let open = "    <testcase classname=\"\(Self.escape(row.phase))\" name=\"\(Self.escape(row.reference.name + ": " + row.title))\" file=\"\(Self.escape(plan))\" line=\"\(row.line)\""
        if row.isFailure {
            let what = row.failing.joined(separator: "; ")
            return [open + ">",
                    "      <failure type=\"drift\" message=\"\(Self.escape(what))\">\(row.failing.map(Self.escape).joined(separator: "\n"))</failure>",
                    "    </testcase>"]
        }
        if row.isSkipped {
            return [open + ">", "      <skipped message=\"\(Self.escape(row.verdict.rawValue + ": " + row.note))\"/>", "    </testcase>"]
        }
        return [open + "/>"]
    }

    /// XML text and attribute escaping, after sanitising: XML 1.0 has no way to carry
    /// most control characters at all, so they leave as U+FFFD first.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in TerminalText.sanitized(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}

private extension CIVerdictRow {
    var isFailure: Bool { verdict == .drift }
    var isSkipped: Bool { verdict == .skipped || verdict == .unchecked }
}
