import Foundation
import PlanKit

/// The answer of `verify --stages`: JSON per CONTRACT §5 and a table of one row per item and
/// one column per stage, a drift count per stage at the foot.
public struct StageMatrixReport: Sendable, Equatable {
    public var matrix: StageMatrix
    /// `--all`: list items without evidence too.
    public var all: Bool

    public init(matrix: StageMatrix, all: Bool) {
        self.matrix = matrix
        self.all = all
    }

    /// Whether any stage asked drifts (exit 1).
    public var drifts: Bool { matrix.columns.contains { $0.drift > 0 } }

    public func json() -> String {
        let columns = matrix.columns
        return JSONValue.object([
            ("stages", .array(columns.map { .string($0.stage) })),
            ("drift", .object(columns.map { ($0.stage, .number($0.drift)) })),
            ("notAsked", .object(columns.compactMap { column in
                column.notAskedReason.map { (column.stage, JSONValue.string($0)) }
            })),
            ("apiCalls", .number(columns.reduce(0) { $0 + $1.apiCalls })),
            ("items", .array(matrix.listed(all: all).map { index in
                let row = matrix.row(index)
                let item = matrix.items[index]
                return .object([
                    ("id", .optional(item.id)), ("line", .number(item.line)), ("state", .string(item.state.rawValue)),
                    ("stages", .object(zip(columns, row).map { column, verdict in
                        (column.stage, .object([("verdict", .string(verdict.verdict.rawValue)),
                                                ("evidence", .array(verdict.evidence.map(VerifyReport.json)))]))
                    })),
                ])
            })),
        ]).rendered()
    }

    /// The table for a terminal `width` columns wide: each stage's column holds glyph and word
    /// when every column fits so, else the glyph only; the item's title takes what is left.
    public func table(width: Int, unicode: Bool) -> String {
        let columns = matrix.columns
        let listed = matrix.listed(all: all)
        let references = listed.map { matrix.items[$0].reference.name }
        let referenceWidth = max(4, references.map(DisplayWidth.of).max() ?? 0)
        let wordWidth = max(Verdict.allCases.map { $0.rawValue.count }.max()! + 2,
                            columns.map { DisplayWidth.of($0.stage) }.max() ?? 0)
        let minimumTitle = 20
        let wide = referenceWidth + 2 + columns.count * (wordWidth + 2) + minimumTitle <= width
        let cellWidths = columns.map { wide ? wordWidth : max(1, DisplayWidth.of($0.stage)) }
        let titleWidth = max(10, width - referenceWidth - 2 - cellWidths.reduce(0) { $0 + $1 + 2 })
        func cell(_ text: String, _ width: Int) -> String { Self.pad(text, to: width) }
        var lines: [String] = []
        let header = [cell("Item", referenceWidth)] + zip(columns, cellWidths).map { cell(TerminalText.sanitized($0.stage), $1) }
        lines.append((header + ["Title"]).joined(separator: "  "))
        for (position, index) in listed.enumerated() {
            let row = matrix.row(index)
            let cells = zip(row, zip(columns, cellWidths)).map { verdict, place in
                let (column, width) = place
                if column.notAsked { return cell(wide ? "- not asked" : "-", width) }
                let glyph = verdict.verdict.glyph(unicode: unicode)
                return cell(wide ? "\(glyph) \(verdict.verdict.rawValue)" : glyph, width)
            }
            let title = TerminalText.sanitized(InlineMarkdown.title(matrix.items[index].text))
            lines.append(([cell(references[position], referenceWidth)] + cells + [DisplayWidth.truncated(title, to: titleWidth)])
                .joined(separator: "  ").trimmingTrailingSpaces)
        }
        lines.append("")
        for column in columns {
            let name = TerminalText.sanitized(column.stage)
            if let reason = column.notAskedReason {
                lines += Self.wrapped("Stage \(name): \(TerminalText.sanitized(reason)).", width: width)
            } else {
                lines.append("Stage \(name): \(column.drift) drift; \(column.apiCalls) API call\(column.apiCalls == 1 ? "" : "s").")
            }
        }
        if !wide {
            let key = Verdict.allCases.map { "\($0.glyph(unicode: unicode)) \($0.rawValue)" } + ["- not asked"]
            lines += Self.wrapped("Key: " + key.joined(separator: ", ") + ".", width: width)
        }
        return lines.joined(separator: "\n")
    }

    /// Words in lines of at most `width` columns (a word longer than that stands alone).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let next = line.isEmpty ? String(word) : line + " " + word
            if DisplayWidth.of(next) > width, !line.isEmpty {
                lines.append(line)
                line = String(word)
            } else {
                line = next
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private static func pad(_ text: String, to width: Int) -> String {
        let fitted = DisplayWidth.truncated(text, to: width)
        return fitted + String(repeating: " ", count: max(0, width - DisplayWidth.of(fitted)))
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
