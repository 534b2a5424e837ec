import PlanKit

/// `plantrack status`: the same facts as a JSON document or a readable table.
enum StatusReport {
    static func json(_ document: PlanDocument, planPath: String) -> JSONValue {
        .object([
            ("plan", .string(planPath)),
            ("title", .optional(document.title)),
            ("lastUpdated", .optional(document.lastUpdated?.value)),
            ("status", .optional(document.status?.value)),
            ("counts", counts(document.counts)),
            ("phases", .array(document.sectionsWithTasks.map { section in
                .object([
                    ("number", .optional(section.phase)),
                    ("title", .optional(section.title)),
                    ("line", section.line.map(JSONValue.number) ?? .null),
                    ("counts", counts(document.counts(in: section))),
                    ("items", .array(section.items.map { item(document.items[$0], in: document) })),
                ])
            })),
        ])
    }

    static func counts(_ c: StateCounts) -> JSONValue {
        .object([
            ("total", .number(c.total)), ("todo", .number(c.todo)), ("done", .number(c.done)),
            ("progress", .number(c.progress)), ("aborted", .number(c.aborted)),
            ("cancelled", .number(c.cancelled)), ("other", .number(c.other)),
        ])
    }

    /// Children nest; built with an explicit stack so a 10 000-deep plan cannot overflow.
    static func item(_ root: PlanItem, in document: PlanDocument) -> JSONValue {
        var built: [Int: JSONValue] = [:]
        var order: [Int] = []
        var pending = [root.index]
        while let index = pending.popLast() {
            order.append(index)
            pending.append(contentsOf: document.items[index].children)
        }
        for index in order.reversed() {
            let item = document.items[index]
            built[index] = .object([
                ("id", .optional(item.id)),
                ("line", .number(item.line)),
                ("mark", .string(item.mark)),
                ("state", .string(item.state.rawValue)),
                ("text", .string(item.text)),
                ("children", .array(item.children.map { built.removeValue(forKey: $0)! })),
            ])
        }
        return built[root.index]!
    }

    static func table(_ document: PlanDocument, unicode: Bool) -> String {
        let clean = TerminalText.sanitized
        var out = ""
        let counts = document.counts
        out += clean(document.title ?? document.name) + "\n"
        let derived = counts.derivedStatus
        let written = document.status?.value
        var statusLine = "Status: " + clean(written ?? derived)
        if let written, written != derived { statusLine += " (the items say \(derived))" }
        let stamp = document.lastUpdated.map { $0.value == MetadataField.neverStamped ? "never" : clean($0.value) } ?? "—"
        out += statusLine + "    Last Updated: " + stamp + "\n\n"

        let titleWidth = 40
        out += pad("Phase", 6) + pad("Title", titleWidth) + lpad("Done", 5) + lpad("Todo", 5) + lpad("Prog", 5)
            + lpad("Abrt", 5) + lpad("Cncl", 5) + lpad("Total", 6) + "  Progress\n"
        func row(_ phase: String, _ title: String, _ c: StateCounts) -> String {
            pad(phase, 6) + pad(truncate(title, titleWidth - 1), titleWidth) + lpad(c.done, 5) + lpad(c.todo, 5)
                + lpad(c.progress, 5) + lpad(c.aborted, 5) + lpad(c.cancelled, 5) + lpad(c.total, 6) + "  "
                + ProgressBar.render(fraction: c.fractionSettled, width: 20, unicode: unicode)
                + lpad("\(Int((c.fractionSettled * 100).rounded()))%", 5) + "\n"
        }
        for section in document.sectionsWithTasks {
            out += row(section.phase ?? "-", clean(section.title ?? "(before the first heading)"), document.counts(in: section))
        }
        out += row("", "All tasks", counts)
        return out
    }

    /// Cut to `width` terminal columns (CJK and emoji take two), with an ellipsis.
    private static func truncate(_ s: String, _ width: Int) -> String {
        DisplayWidth.truncated(s, to: width)
    }

    /// Padded with spaces to `width` terminal columns.
    private static func pad(_ s: String, _ width: Int) -> String {
        let used = DisplayWidth.of(s)
        return used >= width ? s : s + String(repeating: " ", count: width - used)
    }

    /// Generic rather than `Any`: interpolating an `Any` casts it at run time, and each cast's
    /// first conformance lookup scans every record of the binary (start-up, issue 13).
    private static func lpad(_ value: some CustomStringConvertible, _ width: Int) -> String {
        let s = value.description
        return s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
    }
}
