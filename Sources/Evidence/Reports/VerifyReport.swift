import Foundation
import PlanKit

/// The answer of `plantrack verify`: JSON per CONTRACT §5 and a table.
public struct VerifyReport: Sendable, Equatable {
    public var stage: String
    public var verdicts: [ItemVerdict]
    /// `--all`: list items without evidence too.
    public var all: Bool
    public var apiCalls: Int

    public init(stage: String, verdicts: [ItemVerdict], all: Bool, apiCalls: Int) {
        self.stage = stage
        self.verdicts = verdicts
        self.all = all
        self.apiCalls = apiCalls
    }

    public var drift: Int { verdicts.filter { $0.verdict == .drift }.count }

    /// Items with evidence, or every item with `--all`.
    public var listed: [ItemVerdict] { all ? verdicts : verdicts.filter { !$0.evidence.isEmpty } }

    public func json() -> String {
        let object: [String: Any] = [
            "stage": stage,
            "drift": drift,
            "apiCalls": apiCalls,
            "items": listed.map { verdict -> [String: Any] in
                var entry: [String: Any] = [
                    "id": verdict.item.id ?? NSNull(), "line": verdict.item.line, "state": verdict.item.state,
                    "verdict": verdict.verdict.rawValue,
                    "evidence": verdict.evidence.map {
                        ["kind": $0.kind.rawValue, "name": $0.name, "ok": $0.ok, "detail": $0.detail] as [String: Any]
                    },
                ]
                if !verdict.unresolved.isEmpty {
                    entry["unresolved"] = verdict.unresolved.map { ["name": $0.raw, "reason": $0.problem ?? ""] }
                }
                return entry
            },
        ]
        return JSONText.encode(object)
    }

    public func table(unicode: Bool) -> String {
        let yes = unicode ? "✓" : "+"
        let no = unicode ? "✗" : "x"
        var lines: [String] = []
        for verdict in listed {
            let reference = verdict.item.id.map { "TODO \($0)" } ?? "line \(verdict.item.line)"
            let title = TerminalText.sanitized(Self.plain(verdict.item.text))
            let verdictName = verdict.verdict.rawValue.uppercased().padding(toLength: 9, withPad: " ", startingAt: 0)
            let place = verdict.item.id == nil ? "" : ", line \(verdict.item.line)"
            lines.append("\(verdictName) \(reference) (\(verdict.item.state)\(place)): \(title)")
            for check in verdict.evidence {
                lines.append(TerminalText.sanitized("    \(check.ok ? yes : no) \(check.kind.rawValue) \(check.name): \(check.detail)"))
            }
            for name in verdict.unresolved {
                lines.append(TerminalText.sanitized("    ? \(name.raw): not probed, \(name.problem ?? "unresolved")"))
            }
        }
        var counts: [String] = []
        for kind in Verdict.allCases {
            let count = verdicts.filter { $0.verdict == kind }.count
            if count > 0 { counts.append("\(count) \(kind.rawValue)") }
        }
        if !lines.isEmpty { lines.append("") }
        lines.append("Stage \(stage): \(counts.joined(separator: ", ")); \(apiCalls) API call\(apiCalls == 1 ? "" : "s").")
        if drift > 0 {
            lines.append("\(drift) item\(drift == 1 ? " is" : "s are") marked done but the evidence does not hold.")
        }
        return lines.joined(separator: "\n")
    }

    /// The item text without markdown emphasis, for one-line display.
    static func plain(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        // "TODO 2.5: Deploy …" → "Deploy …": the id is shown already.
        if let range = result.range(of: #"^TODO [0-9.]+:?\s*"#, options: .regularExpression) {
            result.removeSubrange(range)
        }
        return result
    }
}
