import Foundation
import PlanKit

/// The answer of `plantrack verify`: JSON per CONTRACT §5 and a table.
public struct VerifyReport: Sendable, Equatable {
    public var stage: String
    public var verdicts: [ItemVerdict]
    /// `--all`: list items without evidence too.
    public var all: Bool
    public var apiCalls: Int
    /// What the user should be told once though nothing failed (AWSKit's `ProbeResult.notes`).
    public var notes: [String] = []

    public init(stage: String, verdicts: [ItemVerdict], all: Bool, apiCalls: Int) {
        self.stage = stage
        self.verdicts = verdicts
        self.all = all
        self.apiCalls = apiCalls
    }

    public var drift: Int { verdicts.filter { $0.verdict == .drift }.count }

    /// The regions stacks and parameters were asked in, in the order first met.
    public var regions: [String] {
        var seen: [String] = []
        for check in verdicts.flatMap(\.evidence) {
            if let region = check.region, !seen.contains(region) { seen.append(region) }
        }
        return seen
    }

    /// Items with evidence, or every item with `--all`.
    public var listed: [ItemVerdict] { all ? verdicts : verdicts.filter { !$0.evidence.isEmpty } }

    public func json() -> String {
        JSONValue.object([
            ("stage", .string(stage)),
            ("regions", .array(regions.map(JSONValue.string))),
            ("drift", .number(drift)),
            ("apiCalls", .number(apiCalls)),
            ("notes", .array(notes.map(JSONValue.string))),
            ("items", .array(listed.map { verdict in
                var fields: [(String, JSONValue)] = [
                    ("id", .optional(verdict.item.id)), ("line", .number(verdict.item.line)),
                    ("state", .string(verdict.item.state.rawValue)), ("verdict", .string(verdict.verdict.rawValue)),
                    ("evidence", .array(verdict.evidence.map(Self.json))),
                ]
                if let setAsideBy = verdict.setAsideBy {
                    fields.append(("setAsideBy", .string(setAsideBy.reference.description)))
                }
                if !verdict.notes.isEmpty { fields.append(("notes", .array(verdict.notes.map(JSONValue.string)))) }
                return .object(fields)
            })),
        ]).rendered()
    }

    /// One evidence entry (CONTRACT §5): `ok` is null when unknown; stacks and parameters name their region.
    static func json(_ check: EvidenceCheck) -> JSONValue {
        var fields: [(String, JSONValue)] = [("kind", .string(check.kind.rawValue)), ("name", .string(check.name)),
                                             ("ok", check.ok.map(JSONValue.bool) ?? .null), ("detail", .string(check.detail))]
        if let region = check.region { fields.append(("region", .string(region))) }
        if let output = check.output { fields.append(("output", .string(output))) }
        return .object(fields)
    }

    /// "96 of 107 missing, 3 unknown" before a long list of evidence (issue 8 point 24), so the
    /// reader learns the size of the gap before scrolling through it; nil for a short list.
    static func tally(_ evidence: [EvidenceCheck]) -> String? {
        guard evidence.count >= tallyFrom else { return nil }
        let failing = evidence.filter { $0.ok == false }.count
        let unknown = evidence.filter { $0.ok == nil }.count
        return "\(failing) of \(evidence.count) missing" + (unknown > 0 ? ", \(unknown) unknown" : "") + ":"
    }

    static let tallyFrom = 5

    public func table(unicode: Bool) -> String {
        let yes = unicode ? "✓" : "+"
        let no = unicode ? "✗" : "x"
        var lines: [String] = []
        for verdict in listed {
            let reference = verdict.item.reference.name
            let title = TerminalText.sanitized(InlineMarkdown.title(verdict.item.text))
            let verdictName = verdict.verdict.rawValue.uppercased().padding(toLength: 9, withPad: " ", startingAt: 0)
            let place = verdict.item.id == nil ? "" : ", line \(verdict.item.line)"
            let under = verdict.setAsideBy == nil ? "" : ", " + verdict.setAsideReason
            lines.append("\(verdictName) \(reference) (\(verdict.item.state.rawValue)\(place)\(under)): \(title)")
            if let tally = Self.tally(verdict.evidence) { lines.append("    " + tally) }
            for check in verdict.evidence {
                let mark = check.ok.map { $0 ? yes : no } ?? "?"
                let place = check.region.map { " (\($0))" } ?? ""
                lines.append(TerminalText.sanitized("    \(mark) \(check.kind.rawValue) \(check.name)\(place): \(check.detail)"))
            }
            for note in verdict.notes { lines.append(TerminalText.sanitized("    - \(note)")) }
        }
        var counts: [String] = []
        for kind in Verdict.allCases {
            let count = verdicts.filter { $0.verdict == kind }.count
            if count > 0 { counts.append("\(count) \(kind.rawValue)") }
        }
        let header = "Stage \(stage)" + (regions.isEmpty ? "" : ", region\(regions.count == 1 ? "" : "s") \(regions.joined(separator: ", "))")
        if !lines.isEmpty { lines.append("") }
        lines.append("\(header): \(counts.joined(separator: ", ")); \(apiCalls) API call\(apiCalls == 1 ? "" : "s").")
        if drift > 0 {
            lines.append("\(drift) item\(drift == 1 ? " is" : "s are") marked done but the evidence does not hold.")
        }
        return lines.joined(separator: "\n")
    }
}
