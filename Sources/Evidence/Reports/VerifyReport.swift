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
        JSONValue.object([
            ("stage", .string(stage)),
            ("drift", .number(drift)),
            ("apiCalls", .number(apiCalls)),
            ("items", .array(listed.map { verdict in
                var entry: [(String, JSONValue)] = [
                    ("id", .optional(verdict.item.id)), ("line", .number(verdict.item.line)),
                    ("state", .string(verdict.item.state.rawValue)), ("verdict", .string(verdict.verdict.rawValue)),
                    ("evidence", .array(verdict.evidence.map {
                        .object([("kind", .string($0.kind.rawValue)), ("name", .string($0.name)),
                                 ("ok", .bool($0.ok)), ("detail", .string($0.detail))])
                    })),
                ]
                if !verdict.unresolved.isEmpty {
                    entry.append(("unresolved", .array(verdict.unresolved.map {
                        .object([("name", .string($0.raw)), ("reason", .string($0.problem ?? ""))])
                    })))
                }
                return .object(entry)
            })),
        ]).rendered()
    }

    public func table(unicode: Bool) -> String {
        let yes = unicode ? "✓" : "+"
        let no = unicode ? "✗" : "x"
        var lines: [String] = []
        for verdict in listed {
            let reference = verdict.item.reference.name
            let title = TerminalText.sanitized(InlineMarkdown.title(verdict.item.text))
            let verdictName = verdict.verdict.rawValue.uppercased().padding(toLength: 9, withPad: " ", startingAt: 0)
            let place = verdict.item.id == nil ? "" : ", line \(verdict.item.line)"
            lines.append("\(verdictName) \(reference) (\(verdict.item.state.rawValue)\(place)): \(title)")
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
}
